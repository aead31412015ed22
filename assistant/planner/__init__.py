"""Query -> tool calls -> a draft answer, one module per intent.

`RulePlanner` (no LLM) reads the parsed Query and calls the tools itself; `llm.LLMPlanner` is the other
implementation of the same step.
"""

from __future__ import annotations

from dataclasses import replace

from ..parse import Query
from ..types import Answer
from .base import CITY, MEASURED_TOPICS, content_words, coverage
from .change import ChangeIntent
from .claim import ClaimIntent, claim_figures
from .compare import CompareIntent
from .passage import PassageIntent
from .rank import RankIntent
from .standard import StandardIntent
from .value import ValueIntent

__all__ = ["RulePlanner", "claim_figures", "content_words", "coverage"]


class RulePlanner(ValueIntent, RankIntent, CompareIntent, ChangeIntent, StandardIntent, ClaimIntent, PassageIntent):
    """The built-in planner: intent -> the tool calls a careful analyst would make."""

    def plan(self, q: Query) -> Answer:
        if q.other_city and (not q.places or q.places == (CITY,)) and q.intent != "claim":
            return self._other_city(q)
        if q.outside_scope and not q.places and q.indicators and q.intent in ("value", "change") and \
                self._indicator(q.indicators[0]).topic in MEASURED_TOPICS:
            # 全国PM2.5是多少. A question that also names 广州 is about 广州; 获评广东省…企业 names an award.
            return self._outside_value(q)
        if q.measures and q.indicators and q.intent in ("value", "rank", "compare"):
            fitting = tuple(k for k in q.indicators if self._fits(k, q.measures))
            if not fitting:  # 一般工业固体废物产生量: the bulletin reports that topic only as a 利用率
                return self._unreported_measure(q)
            q = replace(q, indicators=fitting)
        if q.intent in ("value", "rank") and q.indicators and q.places in ((), (CITY,)):
            listed = self._district_list(q)
            if listed:
                return listed
        handler = {"value": self._value, "rank": self._rank, "compare": self._compare, "change": self._change,
                   "standard": self._standard, "claim": self._claim}.get(q.intent, self._open)
        return handler(q)
