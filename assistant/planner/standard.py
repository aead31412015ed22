"""Standard questions: the limit the bulletin states, and whether each place meets it."""

from __future__ import annotations

import re
from dataclasses import replace

from ..answer import Draft, merge_answers
from ..lexicon import fold
from ..parse import Query
from ..types import Answer, Evidence
from .base import CITY, PlannerBase


class StandardIntent(PlannerBase):
    def _standard(self, q: Query) -> Answer:
        streak = self._streak(q)
        if streak:
            return streak
        keys = [k for k in q.indicators if self.box.standard_limit(k)]
        if not keys:
            stated = self._stated_status(q)
            return stated if stated is not None else self._value(q)
        if len(keys) > 1:  # PM10和二氧化氮分别达到几级标准: each one checked against its own limit
            return merge_answers([self._standard(replace(q, indicators=(k,))) for k in keys])
        key = keys[0]
        d = Draft("standard")
        limit = self.box.standard_limit(key)
        name = self._indicator(key).display
        if re.search(r"世卫|世界卫生组织|(?<![a-z])who(?![a-z])|欧盟|美国|国际标准|aqg", fold(q.text)):
            d.add("公报未涉及世界卫生组织或其他国家、地区的标准，只给出国家环境空气质量标准（GB 3095-2012）。")
        asked = re.search(r"[一二]级", q.text)
        if asked and asked.group() != limit.text_value:
            stricter = "，一级标准严于二级标准" if limit.text_value == "一级" else ""
            d.add(f"公报未列出{key}的{asked.group()}标准限值，只给出{limit.text_value}限值{stricter}。")
        if all(p == CITY for p in q.places) and re.search(
                r"哪个区|哪些区|哪几个区|哪里|哪些地方|哪个地方|有没有区|各区|which districts?|what districts?|any districts?",
                fold(q.text)):  # 广州哪个区臭氧超标: the city names the scope; the districts are asked
            return self._standard_by_district(key, limit, d, city_too=bool(re.search(r"多少|几何|(?:超标|达标)了?(?:吗|没有?|么)|是否(?:超标|达标)", fold(q.text)))).answer()
        d.add(f"公报所述{key}的国家环境空气质量标准（{limit.text_value}）限值为{self._describe(d, limit)}。")
        for place in [p for p in q.places if p in (CITY, *self.lex.districts)] or [CITY]:
            value = self.box.lookup(key, place)
            if value is None:
                grade = self.box.lookup(key, place, self.year, "grade")
                d.add(f"公报未给出{place}的{name}数值" + (f"，但指出{place}{grade.text_value}{d.cite(grade)}" if grade else "") + "。")
                continue
            ok = value.value <= limit.value
            grade = self.box.lookup(key, place, self.year, "grade")
            tail = f"，达到国家{grade.text_value}标准{d.cite(grade)}" if grade and ok else ""
            if ok:
                verdict = f"低于限值，达标{tail}"
            elif limit.text_value == "一级":  # a city is judged against 二级; above 一级 is not 超标
                verdict = f"高于一级标准限值，未达到一级标准；公报未给出{key}的二级标准限值，不能据此判断是否超标"
            else:
                verdict = "高于限值，超标"
            d.add(f"{self.year}年{self._place_name(place)}{name}为{self._describe(d, value)}，{verdict}。")
        return d.answer()

    def _stated_status(self, q: Query) -> Answer | None:
        """童家湖断面达标了吗: the status a table or sentence states for the place named (是否达标 否 → 未达标), with
        its class; None when the place has no stated status for the indicator asked (or for any, if none is)."""
        places = [p for p in q.places if p in self.lex.sites or p in self.lex.districts]
        if not places:
            return None
        d = Draft("standard")
        topics = {self._indicator(k).topic for k in q.indicators} if q.weak else set()
        for place in places:
            f = self.box.facts[(self.box.facts["place"] == place) & (self.box.facts["stat"] == "grade")]
            keys = [k for k in dict.fromkeys(f["indicator"]) if not q.indicators or k in q.indicators
                    or self._indicator(k).topic in topics]  # 水质达标没有: the water's stated status
            for key in keys:
                grade = self.box.lookup(key, place, q.year or self.year, "grade")
                if grade is None or not re.match(r"未达标|不达标|超标|达标", grade.text_value):
                    continue
                cls = self.box.lookup(key, place, q.year or self.year, "class")
                said = f"{self._indicator(key).display}为{cls.text_value}{d.cite(cls)}，" if cls else ""
                d.add(f"{place}{said}{grade.text_value}{d.cite(grade)}。")
        return d.answer() if d.parts else None

    def _standard_by_district(self, key: str, limit: Evidence, d: Draft, city_too: bool = False) -> Draft:
        """Which districts exceed the limit; with `city_too` (全市臭氧浓度是多少？有没有哪个区超标), the city's figure first."""
        name = self._indicator(key).display
        d.add(f"公报所述{key}的国家标准（{limit.text_value}）限值为{self._describe(d, limit)}。")
        city = self.box.lookup(key, CITY) if city_too else None
        if city is not None and city.value is not None:
            d.add(f"{self.year}年{self._place_name(CITY)}{name}为{self._describe(d, city)}"
                  f"{'，低于限值' if city.value <= limit.value else '，高于限值'}。")
        over = [ev for ev in self.box.facts_for(key, stat="grade") if "超标" in ev.text_value]
        ranked = self.box.rank_districts(key)
        above = [ev for ev in ranked if ev.value > limit.value]
        if over:
            d.add("公报指出超标的区：" + "；".join(f"{ev.place}{d.cite(ev)}" for ev in over) + "。")
        if above and limit.text_value == "一级":  # above the 一级 limit only: not 超标 for a city
            d.add("高于一级标准限值（未达到一级标准）的区：" + "；".join(
                f"{ev.place}{self._describe(d, ev)}" for ev in above)
                + f"。公报未给出{key}的二级标准限值，不能据此判断这些区是否超标。")
        elif above:
            d.add("超标的区：" + "；".join(f"{ev.place}{self._describe(d, ev)}" for ev in above) + "。")
        if over or above:
            return d
        if ranked:
            top = ranked[-1]
            d.add(f"公报给出的各区{name}均未超过限值，最高的{top.place}为{self._describe(d, top)}。")
        else:
            d.add(f"公报未逐区给出{name}数值，无法判断各区是否超标。")
        return d
