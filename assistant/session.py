"""Conversation state: the place, indicator and year slots that follow-up questions leave out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .lexicon import fold
from .parse import COMPARE, Query, _intent, merge_follow_up, parse

TWO = re.compile(r"这两项|这两个指标|这两个|两个指标|两项指标|两者|二者|昼夜两|两个加起来|两个合计|两项合计|两个项目|these two|both of them")
BASELINE = re.compile(r"同比|去年|上年|上一年|前年|(?:19|20)\d\d|year|较上|比上")
PRONOUN = re.compile(r"它|该区|这个区|那个区|这区|那区|其|这两项|这两个|这几项|这些指标|this district|that district|\bit\b|\bthey\b")


@dataclass
class Session:
    history: list[Query] = field(default_factory=list)
    lexicon: object = None  # the vocabulary follow-ups are read with (set by Assistant.ask)
    route: object = None  # the bulletins the last question went to: a follow-up naming no place or period stays there
    focus: tuple[str, ...] = ()  # the places the last answer was about, e.g. the district a ranking named first

    def resolve(self, q: Query) -> Query:
        """Fill a follow-up's missing slots from the earlier turns, then remember it.

        它的PM10呢 takes the place the last answer was about; 哪个高 after two places compares those two.
        """
        prev = next((h for h in reversed(self.history) if h.intent not in ("invalid",)), None)
        folded = fold(q.text)
        if TWO.search(folded) and len(q.indicators) < 2 and q.intent not in ("invalid", "claim"):
            # 这两项同比变化方向一样吗: the two indicators talked about last
            recent = list(dict.fromkeys(k for h in reversed(self.history) for k in h.indicators))  # newest first
            if len(q.indicators) == 1:  # 收集能力呢？两个加起来多少: the one named now and the one talked about before
                recent = [q.indicators[0], *(k for k in recent if k != q.indicators[0])]
            recent = recent[:2]
            if len(recent) == 2:
                q = replace(q, indicators=tuple(reversed(recent)), follow_up=True,
                            places=q.places or (prev.places if prev else ()),
                            stats=q.stats or (prev.stats if prev else frozenset()), years=q.years or (prev.years if prev else ()))
                q = replace(q, intent=_intent(q, folded) if q.intent in ("open", "value") else q.intent)
        other = _the_other(prev, q, folded, self.lexicon)
        if other:  # 流溪河水库…？ / 另一个主要水库呢？: the one other site of that kind
            # the words that describe it (首开项目, 主要水库) are the referent's: the slots now say what is asked
            q = replace(q, places=(other,), follow_up=True, indicators=() if q.weak else q.indicators, weak=False, rest="")
        if PRONOUN.search(folded) and q.intent not in ("invalid", "claim"):
            q = replace(q, follow_up=True)  # 它比2013年下降了多少: whatever its length, it refers back
            named = _unnamed_subject(prev, q)
            if named:  # 西航道水质怎么样？ / 那它的化学需氧量是多少？: 它 is 西航道, which no slot holds; its words go along
                q = replace(parse(f"{named}{q.text}", self.lexicon), follow_up=True)
            elif not q.places and self.focus:
                q = replace(q, places=self.focus, intent="value" if q.intent in ("rank", "open") else q.intent)
        resolved = merge_follow_up(q, prev, self.lexicon)
        if prev is not None and "vs2013" in prev.stats and "vs2013" not in resolved.stats and not BASELINE.search(folded) \
                and ("yoy" in resolved.stats or resolved.intent == "change"):
            # 比2013年下降了多少？ …两者哪个降幅更大: a change word naming no baseline keeps the one just asked about
            resolved = replace(resolved, stats=(resolved.stats - {"yoy"}) | {"vs2013"})
        if not q.places and COMPARE.search(folded) and resolved.intent not in ("invalid", "claim"):
            recent = list(dict.fromkeys(p for h in reversed(self.history) for p in h.places))[:2]
            if len(recent) == 2:
                resolved = replace(resolved, places=tuple(reversed(recent)), intent="compare")
        if resolved.intent != "invalid":
            self.history.append(resolved)
        return resolved

    def remember(self, places: tuple[str, ...]) -> None:
        self.focus = places

    def clear(self) -> None:
        self.history.clear()
        self.focus = ()
        self.route = None


def _unnamed_subject(prev: Query | None, q: Query) -> str:
    """What 它 refers to when the turn before named no district, site or indicator: the words of that turn that no
    slot took (珠江广州河段西航道), said again so that only sentences about it answer. Empty when slots hold it."""
    if prev is None or q.places or (prev.indicators and not prev.weak) or set(prev.places) - {"全市"} or prev.intent in ("invalid", "claim"):
        return ""
    from .planner.base import content_words

    rest = fold(prev.rest)
    words = sorted((w for w in content_words(prev.rest) if w not in fold(q.text)), key=lambda w: (rest.find(w), w))
    return "".join(words[:3]) if words else ""


ANOTHER = re.compile(r"另(?:外)?(?:那)?\s*[一1]\s*(?:个|座|处|家)|另外那个|the other")  # clean() may have made 一个 1个


def _the_other(prev: Query | None, q: Query, folded: str, lex) -> str | None:
    """另一个水库 after a question on 流溪河水库: the one other site whose name ends the same way (水库, 美丽单元);
    None when there is no such site, or more than one."""
    if prev is None or q.places or lex is None or not ANOTHER.search(folded):
        return None
    named = [p for p in prev.places if p in lex.sites]
    if len(named) != 1:
        return None
    mine = named[0]
    for size in (4, 3, 2):
        tail = mine[-size:]
        others = [s for s in lex.sites if s != mine and s.endswith(tail)]
        if len(others) == 1 and re.fullmatch(r"[\u4e00-\u9fff]+", tail):
            return others[0]
        if others:
            return None
    return None
