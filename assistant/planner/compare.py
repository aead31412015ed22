"""Comparisons: two places, or a figure and its target or limit, with the working shown."""

from __future__ import annotations

from ..answer import Draft, place_name
from ..parse import Query
from ..types import Answer
from .base import CITY, PlannerBase


class CompareIntent(PlannerBase):
    def _compare(self, q: Query) -> Answer:
        if not q.indicators:
            return self._open(q)
        key = q.indicators[0]
        name = self._indicator(key).display
        d = Draft("compare")
        if "target" in q.stats or "limit" in q.stats:
            value = self.box.lookup(key, q.places[0] if q.places else CITY)
            ref = self.box.lookup(key, CITY, 2024, "target") if "target" in q.stats else self.box.standard_limit(key)
            if not value or not ref:
                return self._value(q)
            above = value.value >= ref.value
            gap = self.box.gap(value, ref, 2)
            unit = "个百分点" if value.unit == "%" else value.unit
            label = "省考目标" if "target" in q.stats else "标准限值"
            d.add(f"2024年{name}为{self._describe(d, value)}，{label}为{self._describe(d, ref)}，"
                  f"{'高于' if above else '低于'}{label}{d.derive(gap)}{unit}（{gap.formula}）。")
            return d.answer()
        places = list(q.places[:2]) if len(q.places) >= 2 else [*q.places, CITY][:2]
        values = [self.box.lookup(key, p) for p in places]
        if not all(values):
            return self._value(q)
        a, b = values
        d.add(f"{place_name(a.place)}{name}为{self._describe(d, a)}，{place_name(b.place)}为{self._describe(d, b)}。")
        gap = self.box.gap(a, b, 4)
        if gap.value == 0:
            d.add("两者相同。")
        else:
            hi = gap.inputs[0]
            d.add(f"{place_name(hi.place)}更高，高{d.derive(gap)}{hi.unit}（{gap.formula}）。")
        return d.answer()
