"""广州生态环境公报问答助手: cited, verified answers about the 2024 Guangzhou environmental bulletin."""

from . import config as _config  # noqa: F401  (sets telemetry-off environment before other imports)

__all__ = ["Assistant", "Session"]


def __getattr__(name: str):
    if name == "Assistant":
        from .core import Assistant

        return Assistant
    if name == "Session":
        from .session import Session

        return Session
    raise AttributeError(name)
