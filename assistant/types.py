"""The small core types every stage speaks: Evidence in, Answer out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Status = Literal["answered", "not_found", "invalid"]
Verdict = Literal["supported", "refuted", "unverifiable"]


@dataclass(frozen=True)
class Evidence:
    """One figure (or one passage) and the exact text it comes from."""

    text: str  # the exact evidence: a source sentence, or a rendered table/legend row
    locator: str  # section path › figure/table/正文
    source: str  # the bulletin's title
    value: float | None = None
    unit: str = ""
    indicator: str = ""
    place: str = ""
    year: int | None = None
    stat: str = ""  # value | yoy | vs2013 | target | grade | class | rank | group | ...
    text_value: str = ""
    fact_id: str = ""
    note: str = ""
    score: float | None = None  # retrieval score, for passages

    def citation(self) -> dict:
        return {"source": self.source, "locator": self.locator, "text": self.text}


@dataclass(frozen=True)
class Derived:
    """A figure computed from evidence by a stated formula; the verifier recomputes it."""

    value: float
    op: Literal["sub", "sum", "implied_prev", "implied_base", "ratio_pp", "count"]
    inputs: tuple[Evidence, ...]
    formula: str  # human-readable, e.g. "42 − 40 = 2"
    decimals: int = 1

    def recompute(self) -> float:
        if self.op == "count":  # the places a stated class or status names, counted
            return float(len({ev.place for ev in self.inputs}))
        a = self.inputs[0].value
        if self.op == "sub":
            return round(a - self.inputs[1].value, self.decimals)
        if self.op == "sum":
            return round(a + self.inputs[1].value, self.decimals)
        if self.op in ("implied_prev", "implied_base"):
            pct = self.inputs[1].value
            return round(a / (1 + pct / 100), self.decimals)
        raise ValueError(self.op)


@dataclass
class Check:
    """One checked figure of a claim: the clause that states it, its verdict and its evidence."""

    claim: str
    verdict: Verdict
    text: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Answer:
    text: str
    status: Status = "answered"
    verdict: Verdict | None = None
    evidence: list[Evidence] = field(default_factory=list)
    derived: list[Derived] = field(default_factory=list)
    intent: str = ""
    latency_ms: float = 0.0
    checks: list[Check] = field(default_factory=list)  # a claim with several figures: one per figure

    @property
    def citations(self) -> list[dict]:
        seen, out = set(), []
        for ev in self.evidence:
            key = (ev.locator, ev.text)
            if key not in seen:
                seen.add(key)
                out.append(ev.citation())
        return out

    def to_dict(self, qid: str | None = None) -> dict:
        d = {
            "answer": self.text,
            "status": self.status,
            "verdict": self.verdict,
            "citations": self.citations,
            "latency_ms": round(self.latency_ms, 2),
        }
        if qid is not None:
            d = {"id": qid, **d}
        return d


def evidence_dict(ev: Evidence) -> dict:
    return asdict(ev)
