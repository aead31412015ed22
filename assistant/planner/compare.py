"""Comparisons: two places, or a figure and its target or limit, with the working shown."""

from __future__ import annotations

import re

from ..answer import Draft, change_text
from ..parse import Query
from ..types import Answer
from .base import CITY, PlannerBase

LOW_ASKED = re.compile(r"低|少|小|差")  # 哪个低 / 谁更少
HIGH_ASKED = re.compile(r"高|多|大|好")


class CompareIntent(PlannerBase):
    def _compare(self, q: Query) -> Answer:
        if not q.indicators:
            return self._open(q)
        key = q.indicators[0]
        name = self._indicator(key).display
        d = Draft("compare")
        if "target" in q.stats or "limit" in q.stats:
            value = self.box.lookup(key, q.places[0] if q.places else CITY)
            ref = self.box.lookup(key, CITY, self.year, "target") if "target" in q.stats else self.box.standard_limit(key)
            if not value or not ref:
                return self._value(q)
            above = value.value >= ref.value
            gap = self.box.gap(value, ref, 2)
            unit = "个百分点" if value.unit == "%" else value.unit
            label = "省考目标" if "target" in q.stats else "标准限值"
            d.add(f"{self.year}年{name}为{self._describe(d, value)}，{label}为{self._describe(d, ref)}，"
                  f"{'高于' if above else '低于'}{label}{d.derive(gap)}{unit}（{gap.formula}）。")
            return d.answer()
        if len(q.indicators) >= 2 and len(q.places) <= 1:
            return self._compare_indicators(q, d)
        if len([p for p in q.places if p not in (CITY, self.lex.city_name)]) > 2:  # 蕉门、虎门大桥和洪奇沥比，谁最高
            named = self._rank_named(q, key)
            if named is not None:
                return named
        places = list(q.places[:2]) if len(q.places) >= 2 else [*q.places, CITY][:2]
        if len(places) < 2:  # 海面漂浮垃圾和海滩垃圾相比: two things that are not places, nothing to set side by side
            return self._value(q)
        values = [self.box.lookup(key, p) for p in places]
        if not all(values):
            classes = [self.box.lookup(self._with_classes(key), p, None, "class") for p in places]
            if all(classes):  # 天河区和黄埔区的生态质量类型一样吗: the classes side by side
                same = classes[0].text_value == classes[1].text_value
                d.add(f"{places[0]}{self._indicator(classes[0].indicator).display}为{classes[0].text_value}{d.cite(classes[0])}，"
                      f"{places[1]}为{classes[1].text_value}{d.cite(classes[1])}，{'两者相同' if same else '两者不同'}。")
                return d.answer()
            return self._value(q)
        a, b = values
        d.add(f"{self._place_name(a.place)}{name}为{self._describe(d, a)}，{self._place_name(b.place)}为{self._describe(d, b)}。")
        gap = self.box.gap(a, b, 4)
        if gap.value == 0:
            d.add("两者相同。")
        else:
            hi, lo = gap.inputs[0], gap.inputs[1]
            unit = "个百分点" if hi.unit == "%" else hi.unit  # shares differ by percentage points
            said = d.derive(gap)
            if LOW_ASKED.search(q.text) and not HIGH_ASKED.search(q.text):  # 哪个低: the lower one first
                d.add(f"{self._place_name(lo.place)}更低，低{said}{unit}（{gap.formula}）。")
            else:
                d.add(f"{self._place_name(hi.place)}更高，高{said}{unit}（{gap.formula}）。")
                if lo is a:  # 从化区…和全市相比是高还是低: said of the place asked about as well
                    d.add(f"即{self._place_name(lo.place)}比{self._place_name(hi.place)}低{said}{unit}。")
        return d.answer()

    def _compare_indicators(self, q: Query, d: Draft) -> Answer:
        """Two indicators at one place: both figures, and which is higher when they share a unit."""
        place = q.places[0] if q.places else CITY
        stat = "vs2013" if "vs2013" in q.stats else ("yoy" if "yoy" in q.stats else "value")
        if stat != "value":  # PM2.5和PM10跟2013年比，哪个降得更多: the changes are compared
            return self._compare_changes(q, d, place, stat)
        found = [(k, self.box.lookup(k, place, q.year or self.year)) for k in q.indicators[:2]]
        missing = [k for k, ev in found if ev is None or ev.value is None]
        for k, ev in found:
            if ev is not None and ev.value is not None:
                d.add(f"{self._place_name(place)}{self._indicator(k).display}为{self._describe(d, ev)}。")
        if missing:
            d.add(f"公报未给出{self._place_name(place)}{'、'.join(self._indicator(k).display for k in missing)}的数值，无法比较。")
            return d.answer("answered" if d.evidence else "not_found")
        (ka, a), (kb, b) = found
        if a.unit != b.unit:
            d.add(f"两者单位不同（{a.unit or '无单位'}、{b.unit or '无单位'}），不能直接比较大小。")
            return d.answer()
        gap = self.box.gap(a, b, 4)
        if gap.value == 0:
            d.add("两者相同。")
        else:
            hi = ka if gap.inputs[0] is a else kb
            unit = "个百分点" if a.unit == "%" else a.unit
            d.add(f"{self._indicator(hi).display}更高，高{d.derive(gap)}{unit}（{gap.formula}）。")
        return d.answer()

    def _compare_changes(self, q: Query, d: Draft, place: str, stat: str) -> Answer:
        since = "比2013年" if stat == "vs2013" else "同比"
        found = [(k, self.box.lookup(k, place, self.year, stat)) for k in q.indicators[:6]]
        found = [(k, ev) for k, ev in found if ev is not None and ev.value is not None]
        if not found:
            return self._change(q)
        for k, ev in found:
            d.add(f"{self._place_name(place)}{self._indicator(k).display}{change_text(ev, since=since)}{d.cite(ev)}。")
        if len(found) >= 2 and len({ev.unit for _, ev in found}) == 1:
            most = max(found, key=lambda f: abs(f[1].value))
            least = min(found, key=lambda f: abs(f[1].value))
            d.add(f"变化幅度最大的是{self._indicator(most[0]).display}，最小的是{self._indicator(least[0]).display}。")
        return d.answer()
