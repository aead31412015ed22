"""Compose Chinese answers with citation markers, and verify every number against the cited evidence."""

from __future__ import annotations

import re
import unicodedata

from .tools import fmt
from .types import Answer, Check, Derived, Evidence

_MARK = re.compile(r"\[\d+\]")
_NUM = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿)?")
# Digits that are part of a name, not a figure: PM2.5, PM10, NO2, SO2, O3, CO2, GB 3095-2012.
_NAMES = re.compile(r"PM\s*2\.5|PM\s*10|[NS]O2|CO2|O3|GB\s*/?T?\s*\d+(?:\s*[-—]\s*\d+)?", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")

PLACE_CITY = "全市"


def numbers(text: str) -> list[tuple[float, float | None]]:
    """(number as printed, number scaled by 万/亿 if one follows) for every number in text."""
    text = unicodedata.normalize("NFKC", text or "").replace(",", "")
    out = []
    for m in _NUM.finditer(_NAMES.sub(" ", _MARK.sub(" ", text))):
        value = float(m.group(1))
        scale = {"万": 1e4, "亿": 1e8}.get(m.group(2) or "")
        out.append((value, value * scale if scale else None))
    return out


def _key(x: float) -> float:
    return round(x, 6)


def verify(text: str, evidence: list[Evidence], derived: list[Derived], allowed_extra: tuple[float, ...] = ()) -> list[float]:
    """Numbers in `text` that neither the cited evidence nor a recomputed derivation supports.

    Evidence supports the numbers printed in its text (and their 万/亿 scalings); a derivation supports its
    result and the numbers of its formula only when recomputing it from its inputs gives the same result.
    """
    allowed: set[float] = {_key(x) for x in allowed_extra}
    for ev in evidence:
        for value, scaled in numbers(ev.text):
            allowed.add(_key(value))
            if scaled is not None:
                allowed.add(_key(scaled))
        if ev.value is not None:
            allowed.add(_key(abs(ev.value)))
        if ev.year is not None:
            allowed.add(_key(ev.year))  # the year a figure belongs to may be named with it
    for d in derived:
        if abs(d.recompute() - d.value) > 10 ** (-d.decimals) / 2 + 1e-9:
            continue
        if not all(inp in evidence for inp in d.inputs):
            continue
        allowed.add(_key(abs(d.value)))
        allowed.update(_key(v) for v, _ in numbers(d.formula))
    bad = []
    for value, scaled in numbers(text):
        if _key(value) in allowed or (scaled is not None and _key(scaled) in allowed):
            continue
        bad.append(value)
    return bad


class Draft:
    """An answer being written: sentences, the evidence they cite (numbered once) and derivations."""

    def __init__(self, intent: str = "") -> None:
        self.intent = intent
        self.parts: list[str] = []
        self.evidence: list[Evidence] = []
        self.derived: list[Derived] = []
        self.checks: list[Check] = []

    def cite(self, ev: Evidence) -> str:
        """The marker [n] for this evidence; evidence with the same text shares one number."""
        if ev not in self.evidence:
            self.evidence.append(ev)
        keys = list(dict.fromkeys((e.locator, e.text) for e in self.evidence))
        return f"[{keys.index((ev.locator, ev.text)) + 1}]"

    def derive(self, d: Derived) -> str:
        self.derived.append(d)
        return fmt(d.value)

    def plain(self, start: int = 0) -> str:
        """The sentences from part `start` on, without citation markers (one figure's own text)."""
        return _MARK.sub("", "".join(self.parts[start:])).strip()

    def add(self, sentence: str) -> Draft:
        if sentence:
            self.parts.append(sentence)
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def answer(self, status: str = "answered", verdict: str | None = None) -> Answer:
        return Answer(text=self.text, status=status, verdict=verdict, evidence=list(self.evidence),
                      derived=list(self.derived), intent=self.intent, checks=list(self.checks))


def place_name(place: str) -> str:
    return "广州市" if place == PLACE_CITY else place


def value_text(ev: Evidence) -> str:
    """The figure with its unit, as a reader expects it: 21微克/立方米, 94.0%, 3.04."""
    if ev.value is None:
        return ev.text_value
    unit = "" if ev.unit == "名" else ev.unit
    return f"{_as_printed(ev)}{unit}"


def _as_printed(ev: Evidence) -> str:
    """The bulletin's own spelling of the number (94.0 stays 94.0, 3.5180 stays 3.5180) when the evidence prints it."""
    for printed in re.findall(r"(?<![\d.])\d+(?:\.\d+)?", unicodedata.normalize("NFKC", ev.text)):
        if _key(float(printed)) == _key(ev.value):
            return printed
    return fmt(ev.value)


_DIRECTION = "上升|下降|降低|增加|减少|提高|提升|改善|增长|减小|升高|下降了|上升了"


def _direction_as_written(ev: Evidence, magnitude: str) -> str:
    """The direction word the evidence itself puts before this change (同比降低0.5分贝 -> 降低)."""
    text = unicodedata.normalize("NFKC", ev.text)
    m = re.search(rf"({_DIRECTION})\s*(?:了)?\s*{re.escape(magnitude)}0*(?![\d])", text)
    if not m:
        return ""
    word = m.group(1).rstrip("了")
    rising = word in ("上升", "增加", "提高", "提升", "增长", "升高")
    falling = word in ("下降", "降低", "减少", "减小")
    if (rising and ev.value < 0) or (falling and ev.value > 0):
        return ""  # the word belongs to some other figure of the same size
    return word


def change_text(ev: Evidence, *, since: str = "同比") -> str:
    """同比下降8.7% / 同比增加14天 / 同比上升3.6个百分点 / 同比持平."""
    if ev.value is None or ev.value == 0:
        return f"{since}持平"
    magnitude = fmt(abs(ev.value))
    said = _direction_as_written(ev, magnitude)
    if said:  # the bulletin's own word: 降低 stays 降低, 上升 stays 上升
        unit = "个百分点" if ev.unit == "百分点" else ev.unit
        return f"{since}{said}{magnitude}{unit}"
    if ev.indicator == "入海断面总氮":
        return f"{since}改善{magnitude}%"
    if ev.unit == "百分点":
        return f"{since}{'上升' if ev.value > 0 else '下降'}{magnitude}个百分点"  # no word of the bulletin's: the plain one
    if ev.unit in ("%", ""):
        return f"{since}{'上升' if ev.value > 0 else '下降'}{magnitude}{ev.unit}"
    return f"{since}{'增加' if ev.value > 0 else '减少'}{magnitude}{ev.unit}"


def merge_answers(answers: list[Answer]) -> Answer:
    """Several parts' answers as one: texts in order, citation markers renumbered over the joined evidence."""
    evidence: list[Evidence] = []
    keys: list[tuple[str, str]] = []
    texts = []
    seen: set[str] = set()
    answers = [a for a in answers if not (a.text in seen or seen.add(a.text))]  # a part answered twice is shown once
    for a in answers:
        local = list(dict.fromkeys((e.locator, e.text) for e in a.evidence))
        for e in a.evidence:
            if (e.locator, e.text) not in keys:
                keys.append((e.locator, e.text))
            evidence.append(e)

        def renumber(m: re.Match, local=local) -> str:
            n = int(m.group(1))
            return f"[{keys.index(local[n - 1]) + 1}]" if 0 < n <= len(local) else ""

        texts.append(re.sub(r"\[(\d+)\]", renumber, a.text))
    statuses = [a.status for a in answers]
    status = "answered" if "answered" in statuses else ("not_found" if "not_found" in statuses else "invalid")
    verdicts = [a.verdict for a in answers if a.verdict]
    verdict = ("refuted" if "refuted" in verdicts else verdicts[0]) if verdicts else None
    return Answer(text="\n".join(texts), status=status, verdict=verdict, evidence=evidence,
                  derived=[d for a in answers for d in a.derived], intent="+".join(a.intent for a in answers),
                  checks=[c for a in answers for c in a.checks])
