"""Value questions: one or more figures for an indicator at a place and year."""

from __future__ import annotations

import re

from ..answer import Draft, change_text
from ..lexicon import fold
from ..parse import Query
from ..tools import fmt
from ..types import Answer
from .base import (
    ALL_DISTRICTS,
    CITY,
    NUMBER_ASKED,
    SCOPE_PHRASE,
    TIME_ASKED,
    PlannerBase,
    _wanted_count,
    content_words,
    coverage,
)
from .claim import claim_figures

# an estimate asked for (大约是多少 / 倒推一下): a figure worked out from a stated change answers it
ESTIMATE_ASKED = re.compile(r"大约|大概|大致|约为|约是|约多少|左右|估算|推算|估计|算一下|算出|倒推|反推|approximately|roughly|estimate")


class ValueIntent(PlannerBase):
    def _value(self, q: Query) -> Answer:
        if not q.indicators:
            return self._open(q)
        streak = self._streak(q)
        if streak:
            return streak
        if TIME_ASKED.search(fold(q.text)):  # 哪一年首创 / 什么时候揭牌: a date from the text, not a table figure
            dated = self._passage_answer(q)
            if dated and dated.status == "answered" and re.search(r"\d{4}\s*年", dated.text):
                return dated
        direct = self._value_draft(q)
        # A question about something no table covers (e.g. 浮游植物优势种) is better answered by the text.
        if direct.intent != "not_found":
            # Words the parse did not account for (浮游植物、优势种) that the figures' sources do not mention
            # either mean the question is about something else, which the text may answer.
            # the document's title is said of every figure in it (设区城市 in a report on a province's cities)
            shown = " ".join([*(ev.text for ev in direct.evidence), self.box.tables.manifest.title,
                              *self._topic_words({ev.indicator for ev in direct.evidence})])
            rest = SCOPE_PHRASE.sub(" ", q.rest)  # 42个…断面中: the scope counted within, not the subject
            if content_words(rest) and coverage(rest, shown) < 0.3:
                passage = self._best_sentence(q.text)
                if passage and passage[0] >= 0.6 and coverage(q.rest, passage[1]) >= 0.6:
                    return self._passage_answer(q, 0.6) or direct.answer()
            stated = [ev for ev in direct.evidence if ev.stat == "value" and ev.year in (q.years or (self.year,))]
            if direct.derived and not stated and not ESTIMATE_ASKED.search(fold(q.text)):
                # 2013年PM2.5到底是多少: the bulletin never states it; the estimate is shown, the figure is not found
                return direct.answer("not_found")
            return direct.answer()
        return direct.answer("not_found")

    def _value_draft(self, q: Query) -> Draft:
        d = Draft("value")
        # 2023年和2024年分别是多少 / 去年和前年各是多少: each year asked, in order; otherwise the one year asked
        asked = sorted(set(q.years))[:3] if len(set(q.years)) > 1 else [q.year or self.year]
        year = asked[-1]
        missing: list[tuple[str, str]] = []
        seen: set[tuple[str, str, int]] = set()
        gaps: list[tuple[str, str, int]] = []
        for each in asked:
            for key in q.indicators[:3]:
                for place in self._places_for(q, key):
                    expanded = self._expand(q, place) if key == q.indicators[0] or q.weak else [key]
                    for ind in expanded or [key]:  # no overview figure for this place: say what is missing
                        if (ind, place, each) in seen:
                            continue
                        seen.add((ind, place, each))
                        if self._one_value(d, ind, place, each):
                            continue
                        gaps.append((ind, place, each))
                        if (ind, place) not in missing:
                            missing.append((ind, place))
                            year = each
        if d.evidence and len(asked) > 1:  # 2023年的秸秆综合利用率 not stated: said, never left out silently
            for ind, place, each in gaps:
                name = self._indicator(ind).display if ind in self.lex.indicators else ind
                d.add(f"公报未给出{each}年{self._place_name(place)}的{name}。")
        if not d.evidence:
            return self._not_found_value(q, missing, year)
        done = {(ind, place) for ind, place, _ in seen}
        numeric = any(ev.stat == "value" and ev.value is not None for ev in d.evidence) or d.derived
        if not numeric and NUMBER_ASKED.search(fold(q.text)) and len(done) == 1:
            # 天河区空气质量综合指数是多少: the bulletin ranks the district but prints no number for it
            ind, place = next(iter(done))
            if self.box.lookup(ind, CITY, year) is not None and place != CITY:
                d.intent = "not_found"
                d.parts.insert(0, f"公报未给出{place}的{self._indicator(ind).display}数值；公报对{place}的表述：")
        return d

    def _one_value(self, d: Draft, ind: str, place: str, year: int) -> bool:
        found = self._described(ind, place, year)
        name = self._indicator(ind).display if ind in self.lex.indicators else ind
        where = f"{year}年{'' if name.startswith(self.region[:2]) and place == CITY else self._place_name(place)}"
        overlap = next((k for k in range(len(name), 0, -1) if place.endswith(name[:k])), 0)
        name = name[overlap:] if overlap < len(name) else name  # 美丽单元 + 美丽单元贷款 -> 美丽单元贷款
        if found:
            main = found[0]
            if main.stat == "value":
                extra = self._context(d, ind, place, year)
                # 48.6（中营养）: the class the bulletin gives the figure, in the row itself or said after it
                said = main.text_value or next((ev.text_value for ev in found if ev.stat == "class" and ev.text_value), "")
                label = f"（{said}）" if said else ""
                d.add(f"{where}{name}为{self._describe(d, main)}{label}{'，' + extra if extra else ''}。")
            elif main.stat in ("group", "improvement"):
                d.add(f"{where}按{name}，" + "；".join(f"{ev.text_value}{d.cite(ev)}" for ev in found) + "。")
            else:
                texts = "；".join(f"{ev.text_value}{d.cite(ev)}" for ev in found)
                d.add(f"{where}{name}：{texts}。")
            return True
        derived = self._implied(d, ind, place, year, name, where)
        return derived

    def _implied(self, d: Draft, ind: str, place: str, year: int, name: str, where: str) -> bool:
        """A 2023 or 2013 value the bulletin implies through a stated change; the working is shown."""
        current = self.box.lookup(ind, place, self.year, "value")
        stat = {self.year - 1: "yoy", 2013: "vs2013"}.get(year)
        change = self.box.lookup(ind, place, self.year, stat) if stat and current else None
        if not change:
            return False
        if change.unit == "%":
            derived = self.box.implied_previous(current, change)
        elif change.unit == current.unit or change.unit == "百分点":
            derived = self.box.previous_by_points(current, change)
        else:
            return False
        d.add(f"公报未直接给出{where}{name}，但可由{self.year}年数值{self._describe(d, current)}和"
              f"{change_text(change, since='同比' if year == self.year - 1 else '比2013年')}{d.cite(change)}推算："
              f"{derived.formula}，即{'约' if '≈' in derived.formula else ''}{d.derive(derived)}{current.unit}。")
        return True

    def _not_found_value(self, q: Query, missing: list[tuple[str, str]], year: int) -> Draft:
        d = Draft("not_found")
        for ind, place in missing[:2]:
            name = self._indicator(ind).display if ind in self.lex.indicators else ind
            years = sorted({ev.year for ev in self.box.facts_for(ind)})
            if place in self.lex.districts and not self.box.facts_for(ind, place):
                d.add(f"公报未给出{place}的{name}数值。")
                city = next(iter(self._described(ind, CITY, self.year)), None)
                if city:
                    d.add(f"公报给出的是全市{name}：{self._describe(d, city)}。")
                hint = self._place_mention(place, ind)
                if hint:
                    d.add(f"正文对各区的描述：{hint[0]}{d.cite(hint[1])}")
                districts = [p for p in self.box.places_with(ind) if p in self.lex.districts]
                if districts:
                    d.add(f"（公报逐区给出了{'、'.join(self.lex.short(x) for x in districts)}区的{name}，{place}不在其中。）")
            elif year not in years and years:
                have = "、".join(f"{y}年{d.cite(self.box.facts_for(ind, year=y)[0])}" for y in years)
                d.add(f"公报未给出{year}年的{name}，只给出{have}的数据。")
                current = self.box.lookup(ind, place, max(years), "value")
                if current:
                    d.add(f"{max(years)}年{self._place_name(place)}{name}为{self._describe(d, current)}。")
            else:
                d.add(f"公报未给出{self._place_name(place)}的{name}。")
        if not d.parts:
            d.add("公报未给出所问的数据。")
        return d

    def _district_list(self, q: Query) -> Answer | None:
        """各区PM10分别是多少 (every district, in order) or PM2.5低于20的区 (those past a threshold)."""
        key = q.indicators[0]
        ranked = self.box.rank_districts(key)
        folded = fold(q.text)
        figures = [(n, cmp) for n, _, cmp in claim_figures(q, self.lex) if cmp != "="]
        everyone = ALL_DISTRICTS.search(folded) and not _wanted_count(q.text) and \
            not re.search(r"最高|最低|最好|最差|最大|最小|垫底|倒数", folded)  # 11个区中…最低的三个 / 各区最高最低: a ranking
        if not ranked or not (everyone or figures):
            return None
        name = self._indicator(key).display
        d = Draft("filter" if figures else "rank")
        order = list(reversed(ranked)) if self._want_high(q, key) else ranked
        if figures:
            bound, cmp = figures[0]
            chosen = [ev for ev in order if (ev.value < bound if cmp == "<" else ev.value > bound)]
            said = f"{'低于' if cmp == '<' else '高于'}{fmt(bound)}{ranked[0].unit}"
            if not chosen:
                d.add(f"公报给出的各区{name}中，没有{said}的区。")
                extreme = ranked[0] if cmp == "<" else ranked[-1]  # the nearest to the bound, whatever the order
                d.add(f"最{'低' if cmp == '<' else '高'}的是{extreme.place}，{self._describe(d, extreme)}。")
                return d.answer()
            d.add(f"{name}{said}的区：" + "；".join(f"{ev.place}{self._describe(d, ev)}" for ev in chosen) + "。")
        else:
            way = "由高到低" if order is not ranked else "由低到高"
            d.add(f"{self.year}年各区{name}（{way}）：" + "；".join(f"{ev.place}{self._describe(d, ev)}" for ev in order) + "。")
        missing = self.box.missing_districts(key)
        if missing:
            d.add(f"（公报未给出{'、'.join(missing)}的数值。）")
        return d.answer()

    def _streak(self, q: Query) -> Answer | None:
        """连续几年达标 / 从哪年起: the bulletin's own run-length statements."""
        if not re.search(r"连续|几年|多少年|哪年起|哪一年起|从哪年|自哪年|哪年开始|哪一年开始|什么时候开始|since when|how many years",
                         q.text):
            return None
        d = Draft(q.intent)
        for key in q.indicators:
            for ev in (*self.box.facts_for(key, CITY, "streak"), *self.box.facts_for(key, CITY, "since")):
                name = self._indicator(key).display
                if ev.stat == "since" and ev.note:  # 自2011年起稳定保持100%
                    d.add(f"{name}{ev.note}{d.cite(ev)}。")
                else:
                    d.add(f"{name}{ev.note or '连续年数'}：{self._describe(d, ev)}。")
        return d.answer() if d.evidence else None
