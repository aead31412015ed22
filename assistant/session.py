"""Conversation state: the place, indicator and year slots that follow-up questions leave out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .parse import Query, merge_follow_up


@dataclass
class Session:
    history: list[Query] = field(default_factory=list)

    def resolve(self, q: Query) -> Query:
        """Fill a follow-up's missing slots from the last answerable turn, then remember it."""
        prev = next((h for h in reversed(self.history) if h.intent not in ("invalid",)), None)
        resolved = merge_follow_up(q, prev)
        if resolved.intent != "invalid":
            self.history.append(resolved)
        return resolved

    def clear(self) -> None:
        self.history.clear()
