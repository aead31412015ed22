"""Rankings: districts ordered by a figure, a stated change, a group or a class."""

from __future__ import annotations

import re
from dataclasses import replace

from ..answer import Draft, change_text, value_text
from ..lexicon import fold
from ..parse import Query
from ..tools import fmt
from ..types import Answer, Derived, Evidence
from .base import CITY, PlannerBase, _wanted_count, class_order, classes_named

MOST_CHANGED = re.compile(r"(改善|好转|进步|下降|降低|减少|降幅|上升|升高|增加|提高|升幅|增幅|变化|变动)"
                          r"(?:幅度)?(?:最多|最大|最快|最明显|得最多|最显著)")


class RankIntent(PlannerBase):
    def _rank(self, q: Query) -> Answer:
        if q.outside_scope:
            return self._outside_rank(q)
        if not q.indicators:
            return self._open(q)
        sides = self._side_phrases(q)
        if len(sides) == 2:  # 前三和后三分别是哪几个区 / 倒数第一？前三名呢？: each side answered
            from ..answer import merge_answers

            return merge_answers([self._rank(replace(q, text=q.text.replace(sides[other], " "), best=side == "best",
                                                     worst=side == "worst"))
                                  for side, other in (("best", "worst"), ("worst", "best"))])
        first = q.indicators[0]
        named = self._rank_named(q, first)
        if named is not None:
            return named
        status = self._rank_by_status(q, first)
        if status is not None:
            return status
        if self._indicator(first).pollutant and not self.box.rank_districts(first):
            return self._no_district_values(first, q)  # another pollutant's or the composite's ranking is no answer
        key = self._with_district_data(first)
        d = Draft("rank")
        moved = MOST_CHANGED.search(q.text)
        changes = [ev for ev in self.box.facts_for(key, stat="yoy") if ev.place in self.lex.districts
                   and ev.value is not None]
        if not changes:  # 哪个断面改善幅度最大: the sites the bulletin gives the change for
            changes = [ev for ev in self.box.facts_for(key, stat="yoy") if ev.place in self.lex.sites and ev.value is not None]
            changes = changes if len(changes) >= 2 else []
        if moved and changes:
            return self._rank_changes(q, key, changes, moved.group(1), d).answer()
        if moved and not self.box.facts_for(key, stat="improvement"):
            # 哪个区PM2.5下降最多: the bulletin gives no district changes for it; say what it does give
            d.add(f"公报未逐区给出{self._indicator(first).display}的同比变化，无法排出{moved.group(1)}最多的区。")
            topic = self._indicator(first).topic
            for k in (k for k, ind in self.lex.indicators.items() if ind.topic == topic):
                groups = self.box.facts_for(k, stat="improvement")
                if groups:
                    d.add(f"公报给出的是按{self._indicator(k).display}的改善情况：" + "、".join(
                        f"{ev.place}{d.cite(ev)}" for ev in groups) + f"{groups[0].text_value}。")
                    break
            return d.answer("not_found")
        improvement = re.search(r"改善幅度|进步|改善最", q.text)
        groups = self.box.facts_for(key, stat="improvement" if improvement else "group")
        numeric = self.box.rank_districts(key)
        classes = [ev for ev in self.box.facts_for(key, stat="class", year=self.year) if ev.place in self.lex.districts]
        if not classes:  # 哪几个断面水质最好: the sites the bulletin gives the class of
            classes = [ev for ev in self.box.facts_for(key, stat="class", year=self.year) if ev.place in self.lex.sites]
            classes = classes if len(classes) >= 2 else []
        if q.weak and not improvement and (numeric or groups or not classes):
            # 空气好不好: the ranked composite index first, then each pollutant the bulletin gives by district
            overview = self._rank_overview(q, key)
            if overview.parts:  # nothing ranked for the topic: what the text says, below
                return overview.answer()
        if groups and (improvement or not numeric):
            return self._rank_groups(q, key, groups, d).answer()
        if numeric:
            return self._rank_numeric(q, key, numeric, d).answer()
        if classes:
            return self._rank_classes(q, key, classes, d).answer()
        # nothing ranked by place for it: the sentence that ranks them (排名后三位的区县依次为…) before the city's figure
        said = self._passage_answer(q)
        return said if said is not None and said.status == "answered" else self._value(q)

    def _rank_by_status(self, q: Query, key: str) -> Answer | None:
        """哪个区超标 / 哪些区达标: the districts by the status the bulletin states for each (南沙区超标，其余10个行政区
        达标), each quoted; None when the question asks no status or the bulletin states none by district."""
        asked = re.search(r"未达标|不达标|没达标|超标|超了|超没超|达标", fold(q.text))
        grades = list({ev.place: ev for ev in reversed(self.box.facts_for(key, stat="grade")) if ev.place in self.lex.districts
                       and re.match(r"(未达标|不达标|超标|达标)", ev.text_value or "")}.values())[::-1]
        if not asked or not grades:
            return None
        over = [ev for ev in grades if re.match(r"未达标|不达标|超标", ev.text_value)]
        fine = [ev for ev in grades if ev not in over]
        said = fold(q.text)  # 哪几个区没超标 asks for those that meet it; 哪个区不达标 for those that do not
        want_over = bool(re.search(r"[不没未]达标", said)) or (bool(re.search(r"超标|超了|超没超", said))
                                                            and not re.search(r"[没未不]超标?", said))
        d = Draft("rank")
        name = self._indicator(key).display
        first, second = (over, fine) if want_over else (fine, over)
        label = "超标（未达标）" if want_over else "达标"
        if first:
            d.add(f"{name}{label}的区：{'、'.join(ev.place for ev in first)}{d.cite(first[0])}。")
        else:
            d.add(f"公报所述各区中没有{name}{label}的区{d.cite(second[0])}。")
        if second:
            d.add(f"其余{'、'.join(ev.place for ev in second)}{'达标' if want_over else '超标'}{d.cite(second[0])}。")
        return d.answer()

    def _rank_named(self, q: Query, key: str) -> Answer | None:
        """Which of the places named is highest (虎门大桥、蕉门、洪奇沥哪个总氮最高): the named places' own figures in
        order, both ends said in plain words (天河、越秀、海珠哪个PM2.5最高 alike)."""
        places = [p for p in q.places if p not in (CITY, self.lex.city_name)]
        if len(places) < 2 or "yoy" in q.stats or MOST_CHANGED.search(q.text):
            return None
        found = [self.box.lookup(key, p, q.year or self.year) for p in places]
        if not all(ev is not None and ev.value is not None for ev in found) or len({ev.unit for ev in found}) > 1:
            return None
        d = Draft("rank")
        order = sorted(found, key=lambda ev: -ev.value)
        name = self._indicator(key).display
        d.add(f"所问各处{name}由高到低依次为："
              + "；".join(f"{self._place_name(ev.place)}{self._describe(d, ev)}" for ev in order) + "。")
        if order[0].value == order[-1].value:
            d.add("各处相同。")
        else:
            top = [self._place_name(ev.place) for ev in order if ev.value == order[0].value]
            low = [self._place_name(ev.place) for ev in order if ev.value == order[-1].value]
            d.add(f"最高的是{'、'.join(top)}，最低的是{'、'.join(low)}。")
        return d.answer()

    def _rank_changes(self, q: Query, key: str, changes: list[Evidence], word: str, d: Draft) -> Draft:
        """Districts ordered by their stated change: 改善最多 (by the better direction), 下降最多, 上升最多, 变化最大."""
        better_lower = (self._indicator(key).better or "lower") == "lower"
        if word in ("改善", "好转", "进步"):
            falling = better_lower
        elif word in ("变化", "变动"):
            falling = None
        else:
            falling = word in ("下降", "降低", "减少", "降幅")
        if falling is None:
            order = sorted(changes, key=lambda ev: -abs(ev.value))
        else:
            order = sorted((ev for ev in changes if (ev.value < 0) == falling and ev.value),
                           key=lambda ev: ev.value if falling else -ev.value)
        name = self._indicator(key).display
        if not order:
            d.add(f"公报给出的各区{name}同比变化中，没有{word}的区。")
            return d
        top = order[0]
        inferred = "（表格区名与数值分开印刷，区名配对为推断，详见引文）" if any("推断" in ev.note for ev in order) else ""
        d.add(f"{name}同比{word}最多的是{top.place}，{change_text(top)}{d.cite(top)}{inferred}。")
        if len(order) > 1:
            d.add("其后依次为：" + "；".join(f"{ev.place}{change_text(ev)}{d.cite(ev)}" for ev in order[1:4]) + "。")
        return d

    def _with_district_data(self, key: str) -> str:
        """生态质量指数 has no district values, 生态质量类型 does: rank by the sibling of the same topic."""
        def has_districts(k: str) -> bool:
            return any(ev.place != CITY for ev in self.box.facts_for(k))

        if has_districts(key):
            return key
        topic = self._indicator(key).topic
        stem = set(key) - set("指数数量比例率类型类别值")  # 生态质量指数 ~ 生态质量类型; 监测点数量 ~ nothing ranked
        return next((k for k, ind in self.lex.indicators.items() if ind.topic == topic and has_districts(k)
                     and len(stem & set(k)) >= 2), key)

    def _rank_numeric(self, q: Query, key: str, ranked: list[Evidence], d: Draft) -> Draft:
        name = self._indicator(key).display
        high = self._want_high(q, key)
        order = list(reversed(ranked)) if high else ranked
        word, other_word = ("最高", "最低") if high else ("最低", "最高")
        if q.places and q.places[0] in self.lex.districts:
            return self._position(q.places[0], key, ranked, d, high if q.best or q.worst else None)
        top = [ev for ev in order if ev.value == order[0].value]
        wanted = _wanted_count(q.text)
        if (wanted or q.listing) and len(top) < (wanted or 3):
            top = order[:wanted or 3]
            top += [ev for ev in order[len(top):] if ev.value == top[-1].value]  # ties at the cut stay in
            d.add(f"{name}{word}的几个区依次是：" + "；".join(f"{ev.place}{self._describe(d, ev)}" for ev in top) + "。")
        else:
            d.add(f"{name}{word}的是{'、'.join(ev.place for ev in top)}，{value_text(top[0])}{d.cite(top[0])}")
            bottom = [ev for ev in order if ev.value == order[-1].value]
            d.add(f"；{other_word}的是{'、'.join(ev.place for ev in bottom)}，{value_text(bottom[0])}{d.cite(bottom[0])}。")
            if re.search(r"相差|差多少|差距|差几|高多少|低多少|高出多少", q.text) and bottom[0].value != top[0].value:
                gap = self.box.gap(top[0], bottom[0], 4)  # 最高和最低相差多少: the working shown
                unit = "个百分点" if top[0].unit == "%" else top[0].unit
                d.add(f"两者相差{d.derive(gap)}{unit}（{gap.formula}）。")
        missing = self.box.missing_districts(key)
        if missing:
            d.add(f"（公报未给出{'、'.join(missing)}的数值。）")
        return d

    def _position(self, place: str, key: str, ranked: list[Evidence], d: Draft, high: bool | None = None) -> Draft:
        """Where a place stands among the ranked (ascending); with `high` (the end asked: 是不是最高 / 最低), which
        places are at that end when the place is not."""
        name = self._indicator(key).display
        mine = next((ev for ev in ranked if ev.place == place), None)
        if mine is None:
            d.add(f"公报未给出{place}的{name}。")
            return d
        rank = self.box.lookup(key, place, self.year, "rank")
        if rank:
            where = f"按{name}由低到高排第{fmt(rank.value)}名{d.cite(rank)}"
        elif all(mine.value >= ev.value for ev in ranked):
            where = "各区中最高"
        elif all(mine.value <= ev.value for ev in ranked):
            where = "各区中最低"
        else:
            lower = [ev for ev in ranked if ev.value < mine.value]
            higher = [ev for ev in ranked if ev.value > mine.value]
            side, which = ("低于它的有", lower) if len(lower) <= len(higher) else ("高于它的有", higher)
            where = side + ("、".join(f"{ev.place}{value_text(ev)}{d.cite(ev)}" for ev in which) if len(which) <= 3
                            else "、".join(ev.place for ev in which))
        d.add(f"{place}{name}为{self._describe(d, mine)}，{where}。")
        end = ranked[-1] if high else ranked[0]
        top = [ev for ev in ranked if ev.value == end.value]
        if high is not None and mine.value != end.value and not all(ev.place in where for ev in top):
            # 惠东县是不是最低: it is not; which is (unless the places above or below it were just listed)
            d.add(f"{name}{'最高' if high else '最低'}的是{'、'.join(ev.place for ev in top)}，{value_text(top[0])}{d.cite(top[0])}。")
        return d

    def _rank_groups(self, q: Query, key: str, groups: list[Evidence], d: Draft) -> Draft:
        place = next((p for p in q.places if any(ev.place == p for ev in groups)), None) or \
            next((p for p in q.places if p in self.lex.districts), None)
        if place:  # 海珠区在全市的排名情况: where the district named stands, not the list of the best
            name = self._indicator(key).display
            mine = [ev for ev in groups if ev.place == place]
            if not mine and place in self.lex.districts and not any(ev.place in self.lex.districts for ev in groups):
                # the groups are monitoring points (白云石井): the district's own points in them
                mine = [ev for ev in groups if ev.place.startswith(self.lex.short(place))]
                for ev in mine:
                    d.add(f"按{name}，{place}的{ev.place}{ev.text_value}{d.cite(ev)}。")
                if not mine:
                    labels = "或".join(dict.fromkeys(re.sub(r"（.*?）", "", ev.text_value) for ev in groups))
                    d.add(f"按{name}，公报列为{labels}的测点中没有{place}的测点{d.cite(groups[0])}。")
                return d
            for ev in mine[:1]:
                members = [g for g in groups if g.text_value == ev.text_value]
                d.add(f"按{name}，{place}{ev.text_value}{d.cite(ev)}（同组：{'、'.join(g.place for g in members)}）。")
            if not mine:
                labels = "或".join(dict.fromkeys(re.sub(r"（.*?）", "", ev.text_value) for ev in groups))
                d.add(f"按{name}，{place}不在{labels}之列{d.cite(groups[0])}。")
            return d
        labels = list(dict.fromkeys(ev.text_value for ev in groups))
        side = self._rank_side(q)
        if side or q.worst != q.best:  # one end asked: only the group of that end, if the bulletin names one
            want_bad = side == "worst" if side else q.worst
            labels = [lb for lb in labels if ("差" in lb or "后" in lb) == want_bad]
        elif len(labels) > 1 and not (q.best and q.worst):  # 较好和较差的分别有哪些: both groups
            labels = labels[:1]
        for label in labels:
            members = [ev for ev in groups if ev.text_value == label]
            d.add(f"{'、'.join(ev.place for ev in members)}：{label}{d.cite(members[0])}。")
        return d

    def _rank_classes(self, q: Query, key: str, classes: list[Evidence], d: Draft) -> Draft:
        ordered = sorted(classes, key=lambda ev: class_order(ev.text_value) or 9)
        pick = ordered[-1] if q.worst and not q.best else ordered[0]
        asked = classes_named(q.text)
        named = [ev for ev in ordered if class_order(ev.text_value) in asked]
        if named:  # 三类的有哪几个区: the members of the class named, not the best class
            pick = named[0]
        members = [ev for ev in ordered if ev.text_value == pick.text_value]
        marks = "".join(dict.fromkeys(d.cite(ev) for ev in members))
        count = ""
        if len(members) > 1:  # 属于三类的有几个: the members counted, the count checked like any figure
            names = "、".join(ev.place for ev in members)
            count = f"，共{d.derive(Derived(float(len(members)), 'count', tuple(members), f'{names}，共{len(members)}个', 0))}个"
        d.add(f"{self._indicator(key).display}为{pick.text_value}的是{'、'.join(ev.place for ev in members)}{marks}{count}。")
        return d

    def _rank_overview(self, q: Query, key: str) -> Draft:
        d = Draft("rank")
        place = q.places[0] if q.places and q.places[0] in self.lex.districts else None
        groups = self.box.facts_for(key, stat="group")
        if place:
            mine = [ev for ev in groups if ev.place == place]
            for ev in mine:
                d.add(f"按环境空气质量综合指数，{place}{ev.text_value}{d.cite(ev)}。")
            if not mine and groups:
                d.add(f"按环境空气质量综合指数，{place}不在排名前三位或后三位之列{d.cite(groups[0])}。")
            for ind in self._indicator(key).overview:
                ranked = self.box.rank_districts(ind)
                if ranked and any(ev.place == place for ev in ranked):
                    self._position(place, ind, ranked, d)
            return d
        self._rank_groups(q, key, groups, d)
        for ind in self._indicator(key).overview:
            ranked = self.box.rank_districts(ind)
            if ranked:
                self._rank_numeric(q, ind, ranked, d)
        return d

    def _outside_rank(self, q: Query) -> Answer:
        aliases = [fold(a) for k in q.indicators for a in (k, *self._indicator(k).aliases)]
        scope = self._scope(q)
        best = None
        from ..corpus import split_sentences

        for ev in self.box.search_passages(q.text, k=8):
            for sentence in split_sentences(ev.text):
                if scope in sentence and any(a in fold(sentence) for a in aliases):
                    best = best or Evidence(text=sentence, locator=ev.locator, source=ev.source)
        d = Draft("rank")
        if best:
            d.add(f"据公报：{best.text}{d.cite(best)}")
            return d.answer()
        name = self._indicator(q.indicators[0]).display if q.indicators else "该指标"
        d.add(f"公报未给出{self.region}{name}在{scope}的排名。")
        self._add_city_figure(d, q.indicators[0] if q.indicators else None, lead=f"公报给出的是{self.year}年")
        return d.answer("not_found")

    def _side_phrases(self, q: Query) -> dict[str, str]:
        """The words that ask for each end of a ranking (前三 / 后三, 倒数第一 …), when both ends are asked."""
        folded = fold(q.text)
        count = r"\s*(?:第)?\s*(?:[一二两三四五六七八九十\d]|几)\s*(?:名|位|个)?|\s*名"
        found = {}
        for side in ("worst", "best"):
            words = "|".join(map(re.escape, self.lex.word_list(f"rank_{side}")))
            m = (re.search(rf"(?:{self.lex.word_pattern(f'rank_{side}_before_count')})(?:{count})", folded)
                 or (re.search(words, folded) if words else None))
            if m:
                found[side] = q.text[m.start(): m.end()] if len(folded) == len(q.text) else m.group()
        if len(found) == 2 and found["best"] in found["worst"]:
            return {}  # one phrase matched for both ends: only one end is asked
        high = re.search(rf"(?:最高|最大|最多)的?(?:{count})", folded)
        low = re.search(rf"(?:最低|最小|最少)的?(?:{count})", folded)
        better = self._indicator(q.indicators[0]).better if q.indicators and q.indicators[0] in self.lex.indicators else None
        if len(found) < 2 and high and low and better in ("lower", "higher") and len(folded) == len(q.text):
            # 最高的三个区和最低的三个区: both ends, each the side the indicator's direction makes it
            top, bottom = q.text[high.start(): high.end()], q.text[low.start(): low.end()]
            return {"worst": top, "best": bottom} if better == "lower" else {"best": top, "worst": bottom}
        return found

    def _no_district_values(self, key: str, q: Query) -> Answer:
        """A pollutant the bulletin gives only for the city: no ranking by figures, but what the text says of the
        districts. When its words answer the side asked (北部从化、东部增城区较低), that is the answer."""
        d = Draft("not_found")
        name = self._indicator(key).display
        d.add(f"公报未逐区给出{name}数值，无法据此排出各区高低。")
        self._add_city_figure(d, key, lead="")
        hint = self._place_mention(None, key)
        if not hint:
            return d.answer("not_found")
        high, low = r"较高|最高|偏高", r"较低|最低|偏低"
        both = re.search(r"高", fold(q.text)) and re.search(r"低", fold(q.text))  # 哪些区比较高？哪些区比较低？
        side = f"{high}|{low}" if both else (high if self._want_high(q, key) else low)
        said = "，".join(c for c in re.split(r"[，,；;]", hint[0]) if re.search(side, c) and self.lex.find("district", c))
        if said:
            d = Draft("rank")
            d.add(f"按公报正文的描述：{said.strip(' 。')}{d.cite(hint[1])}。公报未逐区给出{name}数值，只有这一描述。")
            return d.answer()
        d.add(f"正文对各区的描述：{hint[0]}{d.cite(hint[1])}")
        return d.answer("not_found")
