"""Change questions: 同比, since 2013, or a series of stated years."""

from __future__ import annotations

import re

from ..answer import Draft, change_text
from ..corpus import split_sentences
from ..lexicon import fold
from ..parse import Query
from ..tools import fmt
from ..types import Answer, Evidence
from .base import CITY, PlannerBase, class_order

CHANGED_IN_WORDS = "无变化|无明显变化|持平|保持稳定|有所改善|改善|变差|好转|上升|下降"


class ChangeIntent(PlannerBase):
    def _change(self, q: Query) -> Answer:
        if not q.indicators:
            return self._open(q)
        d = Draft("change")
        stat = "vs2013" if "vs2013" in q.stats else "yoy"
        found = []
        for key in q.indicators[:6]:
            name = self._indicator(key).display
            for place in self._places_for(q, key):
                ev = self.box.lookup(key, place, self.year, stat)
                if ev is None:
                    continue
                current = self.box.lookup(key, place, self.year, "value")
                since = "比2013年" if stat == "vs2013" else "同比"
                now = f"（{self.year}年为{self._describe(d, current)}）" if current else ""
                inferred = "（区名配对为推断，详见引文）" if "推断" in ev.note else ""
                d.add(f"{self._place_name(place)}{name}{change_text(ev, since=since)}{inferred}{d.cite(ev)}{now}。")
                found.append((name, ev))
        self._bigger_change(q, d, found)
        if not d.evidence and stat == "yoy":
            self._series(d, q)  # no 同比, but the bulletin states the figure for several years
            if d.evidence and "yoy" in q.stats:  # 同比 itself was asked for: say it is not given
                d.parts.insert(0, "公报未给出所问指标的同比变化。")
                return d.answer("not_found")
        if not d.evidence and stat == "yoy":
            classed = self._class_a_year_apart(q)  # 李寨桥: Ⅳ类 this year, Ⅴ类 the same month last year
            if classed is not None:
                return classed
            stated = self._change_in_words(q)  # 2个水库水质类别同比均无变化: a class's change is said in words
            if stated is not None:
                return stated
        if not d.evidence:
            what = "与2013年相比的变化" if stat == "vs2013" else "同比变化"
            d.add(f"公报未给出所问指标的{what}。")
            draft = self._value_draft(q)
            if draft.evidence:
                d.add(draft.text.replace("[", "[").strip())
                d.evidence, d.derived = draft.evidence, draft.derived
            return d.answer("not_found")
        return d.answer()

    def _bigger_change(self, q: Query, d: Draft, found: list) -> None:
        """两者哪个降幅更大: with two or more changes of one unit, the one asked about is named (the words as the
        question puts them: 降幅 is the largest fall, 升幅/增幅 the largest rise)."""
        folded = fold(q.text)
        asked = re.search(r"(降幅|下降|降得|升幅|增幅|上升|升得|增加|变化|变动)[^，,。？?]{0,4}(更大|最大|较大|更多|最多|更快|最快)", folded) \
            or re.search(r"(?:哪个|哪项|哪一项|谁)[^，,。？?]{0,3}(降|升|增|变)[^，,。？?]{0,4}(更|最)(大|多|快)", folded)
        if len(found) < 2 or not asked or len({ev.unit for _, ev in found}) != 1:
            return
        falling = re.search(r"降|下降", asked.group(0))
        rising = re.search(r"升|增", asked.group(0))
        pool = [(n, ev) for n, ev in found if (ev.value < 0 if falling else ev.value > 0 if rising else ev.value != 0)]
        if not pool:
            return
        name, ev = max(pool, key=lambda p: abs(p[1].value))
        word = "降幅" if falling else ("升幅" if rising else "变化")
        d.add(f"{word}较大的是{name}（{fmt(abs(ev.value))}{'个百分点' if ev.unit == '百分点' else ev.unit}）。")

    def _class_a_year_apart(self, q: Query) -> Answer | None:
        """A place's class this year and the year before, both stated (a table's 上年同期水质类别 column): the two
        classes and whether it got better (Ⅴ类 -> Ⅳ类), worse, or stayed, by class order. None unless both."""
        d = Draft("change")
        for key in q.indicators[:2]:
            classed = self._with_classes(key)
            for place in [p for p in q.places if p != CITY]:
                now = next(iter(self.box.facts_for(classed, place, "class", self.year)), None)
                before = next(iter(self.box.facts_for(classed, place, "class", self.year - 1)), None)
                if now is None or before is None or not class_order(now.text_value) or not class_order(before.text_value):
                    continue
                a, b = class_order(before.text_value), class_order(now.text_value)
                moved = "好转" if b < a else ("变差" if b > a else "持平")
                when = self.box.tables.manifest.period
                earlier = "去年同期" if when and not re.fullmatch(r"\d{4}", str(when)) else f"{self.year - 1}年"
                d.add(f"{self._place_name(place)}{self._indicator(classed).display}为{now.text_value}{d.cite(now)}，"
                      f"{earlier}为{before.text_value}{d.cite(before)}，{'与去年同期相比' if earlier == '去年同期' else '同比'}"
                      f"{moved}。")
        return d.answer() if d.evidence else None

    def _change_in_words(self, q: Query) -> Answer | None:
        """The sentence that says how the subject changed (同比均无变化 / 同比水质持平 / 同比有所改善), quoted with what
        the bulletin gives of its value, when no figure of the change is kept."""
        names = [fold(a) for k in q.indicators for a in (k, *self._indicator(k).aliases)]
        places = [self.lex.short(p) for p in q.places if p != CITY]
        found = []
        for rank, ev in enumerate(self.box.search_passages(f"{q.text} 同比", k=6)):
            for sentence in split_sentences(ev.text):
                f = fold(sentence)
                # 同比均无变化 / 与去年同期相比，该断面水质由Ⅴ类好转为Ⅳ类: the year before, then how it changed
                if not re.search(rf"同比[^，,。；;]{{0,6}}?({CHANGED_IN_WORDS})|(?:与|较|比)(?:去年|上年)(?:同期)?(?:相比)?"
                                 rf"[，,]?[^，,。；;]{{0,12}}?({CHANGED_IN_WORDS})", f):
                    continue
                # the place may be named earlier in the paragraph (…黄龙带水库为Ⅱ类。2个水库水质类别同比均无变化。)
                if all(p in ev.text for p in places) and (places or any(n in f for n in names)):
                    found.append((self._coverage(q.text, sentence) - 0.02 * rank, sentence.strip(), ev))
        if not found:
            return None
        _, sentence, ev = max(found, key=lambda x: x[0])
        d = Draft("change")
        unnamed = [p for p in q.places if p != CITY and self.lex.short(p) not in sentence]
        who = f"（{'、'.join(unnamed)}）" if unnamed else ""  # 该断面水质由Ⅴ类好转为Ⅳ类: which one the paragraph means
        d.add(f"公报{who}：{sentence.rstrip('。')}{d.cite(Evidence(text=sentence, locator=ev.locator, source=ev.source))}。")
        current = self._value_draft(q)
        if current.evidence and current.text.strip() not in sentence:
            d.add(current.text.strip())
            d.evidence += [e for e in current.evidence if e not in d.evidence]
        return d.answer()

    def _series(self, d: Draft, q: Query) -> None:
        """The years the bulletin gives a figure for, and the change from the first to the last."""
        for key in q.indicators[:6]:
            name = self._indicator(key).display
            for place in self._places_for(q, key):
                points = sorted((ev for ev in self.box.facts_for(key, place, "value") if ev.value is not None),
                                key=lambda ev: ev.year)
                if len({ev.year for ev in points}) < 2:
                    continue
                first, last = points[0], points[-1]
                shown = "、".join(f"{ev.year}年{self._describe(d, ev)}" for ev in points)
                diff = self.box.gap(last, first, 2)
                step = "个百分点" if last.unit == "%" else last.unit
                way = "持平" if not diff.value else ("提高" if last.value > first.value else "下降")
                amount = f"{d.derive(diff)}{step}（{diff.formula}）" if diff.value else ""
                gaps = "；公报未给出其间各年的数值" if last.year - first.year > len(points) - 1 else ""
                d.add(f"公报给出的{self._place_name(place)}{name}：{shown}。{last.year}年比{first.year}年{way}{amount}{gaps}。")
