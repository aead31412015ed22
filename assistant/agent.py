"""Question -> tool calls -> a draft answer. Two implementations of the same step:

* `RulePlanner` (default, no LLM): reads the parsed Query and calls the tools itself.
* `LLMPlanner`: a LangChain tool-calling agent over the same tools, for any chat model
  (an OpenAI-compatible endpoint via langchain-openai, or any `BaseChatModel`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .answer import Draft, change_text, numbers, place_name, value_text
from .lexicon import STOPWORDS, Lexicon, fold
from .parse import NUMBER, Query, claimed_direction, parse
from .tools import Toolbox, fmt
from .types import Answer, Check, Evidence

CITY = "全市"
MOST_CHANGED = re.compile(r"(改善|好转|进步|下降|降低|减少|降幅|上升|升高|增加|提高|升幅|增幅|变化|变动)"
                          r"(?:幅度)?(?:最多|最大|最快|最明显|得最多|最显著)")
MEASURED_TOPICS = ("环境空气", "地表水环境", "海洋环境", "声环境", "生态质量")  # monitored, reported by region
ALL_DISTRICTS = re.compile(r"各区|各个区|各行政区|所有区|所有的区|所有行政区|每个区|全部区|全部的区|十一个区|11个区|"
                           r"every district|all districts|each district")
NUMBER_ASKED = re.compile(r"多少|几|数值|数字|what is|how much|how many")
TIME_ASKED = re.compile(r"哪一年|哪年|什么时候|什么时间|何时|几月|哪个月|哪天|哪一天|几号|when|which year|what year")
COUNT_ASKED = re.compile(r"(多少|几)(辆|个|条|家|座|吨|人|项|次|处|所|台|株|种|只|艘)")
FIGURE = re.compile(r"(?<![a-zA-Z\d.])\d+(?:\.\d+)?")  # a stated figure, not the digits of a name such as PM2.5
DESCRIPTIVE_STATS = ("value", "class", "grade", "group", "status", "improvement")
EVALUATIVE = re.compile(r"怎么样|如何|好吗|好不好|干净吗|干不干净|差吗|质量|情况|状况|how is|how clean")
CLASS_ORDER = {"一类": 1, "二类": 2, "三类": 3, "四类": 4, "五类": 5}


QUESTION_WORDS = set("多少 是多少 哪些 哪个 什么 怎么样 如何 几个 多少个 有没有 是否 请问 请 告诉 一下 数值 数据 情况 年均 平均 浓度 全市 广州 广州市".split())


def content_words(text: str) -> set[str]:
    """The words of a question that carry its subject: jieba words of 2+ characters, minus question words."""
    import jieba

    return {w for w in jieba.lcut(fold(text)) if len(w) >= 2 and w not in QUESTION_WORDS and w not in STOPWORDS
            and not re.fullmatch(r"[\d.\s]+", w)}


def coverage(question: str, text: str) -> float:
    """Share of the question's subject words that occur in text (a cheap relevance check)."""
    words = content_words(question)
    if not words:
        return 0.0
    folded = fold(text)
    return sum(1 for w in words if w in folded) / len(words)


def claim_figures(q: Query) -> list[tuple[float, str, str]]:
    """Each figure a claim states, with the clause around it (so 同比下降9% is read as a change) and the
    comparison it is stated with: "=" (为21), "<" (低于25, 不到40, 25以下) or ">" (超过300, 300天以上)."""
    folded = fold(q.text)
    out = []
    for m in NUMBER.finditer(q.rest):
        start = max(folded.rfind(p, 0, m.start()) for p in "，,；;。:：") + 1
        ends = [i for i in (folded.find(p, m.end()) for p in "，,；;。") if i >= 0]
        end = min(ends) if ends else len(folded)
        before, after = folded[start: m.start()], folded[m.end(): end]
        if BELOW_BEFORE.search(before) or BELOW_AFTER.match(after):
            cmp = "<"
        elif ABOVE_BEFORE.search(before) or ABOVE_AFTER.match(after):
            cmp = ">"
        else:
            cmp = "="
        out.append((float(m.group()), folded[start:end], cmp))
    return out


def clause_as_written(q: Query, clause: str) -> str:
    """The user's own spelling of a folded clause (fold keeps the length for almost all text)."""
    folded = fold(q.text)
    at = folded.find(clause)
    return q.text[at: at + len(clause)] if at >= 0 and len(folded) == len(q.text) else clause


BELOW_BEFORE = re.compile(r"(低于|少于|小于|不到|不足|不超过|未超过|没超过|没有超过|below|under|less than|<|≤)\s*$")
ABOVE_BEFORE = re.compile(r"(超过|高于|多于|大于|超出|逾|above|over|more than|>|≥)\s*$")
BELOW_AFTER = re.compile(r"\s*[^\d，,。；;]{0,8}?(以下|以内|之内)")
ABOVE_AFTER = re.compile(r"\s*(多|余)|\s*[^\d，,。；;]{0,8}?以上")
CMP_TEXT = {"<": "低于", ">": "高于"}


def _wanted_count(text: str) -> int:
    """前三 / 最低的三个区 / top 5 -> how many districts a ranking should list (0: not said)."""
    folded = fold(text)
    found = [m for m in re.finditer(r"(?:前|后|倒数)([一二两三四五六七八九十\d]{1,2})|([一二两三四五六七八九十\d]{1,2})"
                                    r"个(?:区|行政区)|top\s*(\d{1,2})", folded)
             if not re.match(r"\s*(中|里|当中|之中)", folded[m.end():])]  # 11个区中…: the whole, not the count
    if not found:
        return 0
    m = found[-1]
    word = next(g for g in m.groups() if g)
    n = int(word) if word.isdigit() else CN_NUMBERS.get(word, 0)
    return n if 1 < n <= 11 else 0


CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _negation(text: str) -> str:
    """One spelling of "not": 没有出现 / 没出现 / 并未出现 -> 未出现."""
    return re.sub(r"并未|没有|没|无", "未", text)


class RulePlanner:
    """The built-in planner: intent -> the tool calls a careful analyst would make."""

    def __init__(self, box: Toolbox, lexicon: Lexicon) -> None:
        self.box = box
        self.lex = lexicon

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

    # -- helpers ---------------------------------------------------------------------------------
    def _fits(self, key: str, measures: tuple[str, ...]) -> bool:
        """Whether the indicator's figures are of a kind the question asks for (浓度 → 微克/立方米 …)."""
        units = {ev.unit for ev in self.box.facts_for(key, stat="value")}
        return any(u in self.lex.measures.get(m, ()) for m in measures for u in units)  # a class has no unit

    def _asked_subject(self, q: Query) -> str:
        """The phrase naming what was asked for, e.g. 一般工业固体废物产生量 in 广州市一般工业固体废物产生量是多少."""
        measure = q.measures[0]
        m = re.search(rf"([\u4e00-\u9fffA-Za-z0-9.]{{0,16}}){re.escape(measure)}", fold(q.text))
        phrase = m.group(0) if m else measure
        for kind in ("city", "district", "site"):
            for hit in self.lex.find(kind, phrase):
                phrase = phrase.replace(phrase[hit.start: hit.end], "")
        phrase = re.sub(r"^(?:\d{4}年|\d{4}|年|今年|去年|的)+", "", phrase)
        place = place_name(q.places[0]) if q.places else ""
        return f"{place}{phrase}" if phrase else measure

    def _unreported_measure(self, q: Query) -> Answer:
        d = Draft("not_found")
        d.add(f"公报未给出{self._asked_subject(q)}的数值。")
        related = []
        for key in q.indicators[:3]:
            place = q.places[0] if q.places else CITY
            ev = self.box.lookup(key, place, q.year or self.lex.year) or self.box.lookup(key, CITY) or next(
                iter(self._described(key, CITY)), None)
            if ev:
                related.append(f"{place_name(ev.place)}{self._indicator(key).display}为{self._describe(d, ev)}")
        if related:
            d.add(f"公报给出的相关数据：{'；'.join(related)}。")
        return d.answer("not_found")

    def _described(self, key: str, place: str, year: int | None = None) -> list[Evidence]:
        """What the bulletin states of an indicator at a place: its value first, else its class, grade, group …"""
        return [ev for stat in DESCRIPTIVE_STATS for ev in self.box.facts_for(key, place, stat, year)]

    def _indicator(self, key: str):
        return self.lex.indicators[key]

    def _expand(self, q: Query, place: str) -> list[str]:
        """A general question about a topic is answered with the topic's overview indicators."""
        out: list[str] = []
        for key in q.indicators:
            ind = self._indicator(key)
            if ind.overview and (q.weak or EVALUATIVE.search(q.rest)):
                out.extend(k for k in ind.overview if self.box.facts_for(k, place))
            else:
                out.append(key)
        return list(dict.fromkeys(out))

    def _places_for(self, q: Query, indicator: str) -> list[str]:
        if q.places:
            return list(q.places)
        have = self.box.places_with(indicator, "value") or list(
            dict.fromkeys(ev.place for ev in self.box.facts_for(indicator)))
        return [CITY] if CITY in have or not have else have

    def _describe(self, d: Draft, ev: Evidence) -> str:
        """The figure, its qualifier (约/超/截至…) and its citation; an inferred table pairing says so."""
        text = f"{ev.note}{value_text(ev)}" if ev.note in ("约", "超") else value_text(ev)
        if "推断" in ev.note:
            text += "（表格区名与数值分开印刷，此配对为推断，详见引文）"
        return f"{text}{d.cite(ev)}"

    def _context(self, d: Draft, indicator: str, place: str, year: int) -> str:
        """One line of context after a figure: its change and its standard grade or target."""
        bits = []
        yoy = self.box.lookup(indicator, place, year, "yoy")
        if yoy:
            inferred = "（区名配对为推断，详见引文）" if "推断" in yoy.note else ""
            bits.append(f"{change_text(yoy)}{inferred}{d.cite(yoy)}")
        grade = self.box.lookup(indicator, place, year, "grade")
        if grade and indicator in self.lex.indicators and self._indicator(indicator).pollutant:
            bits.append(f"达到国家{grade.text_value}标准{d.cite(grade)}")
        target = self.box.lookup(indicator, place, year, "target")
        if target:
            bits.append(f"省考目标{value_text(target)}{d.cite(target)}")
        return "，".join(bits)

    def _passage_answer(self, q: Query, min_coverage: float = 0.5) -> Answer | None:
        """Answer with the bulletin's own sentence when a passage covers the question well."""
        best = self._best_sentence(q.text)
        if not best or best[0] < min_coverage:
            return None
        _, sentence, ev = best
        subject = {w for w in content_words(q.text) if not any(w in m or m in w for m in q.measures)}
        if q.measures and subject and sum(w in fold(sentence) for w in subject) / len(subject) < min_coverage:
            return None  # 森林面积: a sentence about some other 面积 is not about the subject asked
        quote = Evidence(text=sentence, locator=ev.locator, source=ev.source, score=ev.score)
        if q.measures and not any(m in fold(sentence) for m in q.measures):
            # 生活垃圾产生量 asked, the nearest sentence speaks of 覆盖率 and 处置能力: related, not the answer
            d = Draft("not_found")
            d.add(f"公报未给出{self._asked_subject(q)}的数值。公报相关内容：{sentence}{d.cite(quote)}")
            return d.answer("not_found")
        counted = COUNT_ASKED.search(q.text)
        if counted and not re.search(rf"\d+(?:\.\d+)?\s*(?:万|亿)?\s*{counted.group(2)}", sentence):
            # 新能源汽车有多少辆: a sentence that mentions 新能源汽车 but counts no 辆 does not answer it
            d = Draft("not_found")
            d.add(f"公报未给出所问的数量。公报相关内容：{sentence}{d.cite(quote)}")
            return d.answer("not_found")
        d = Draft("open")
        d.add(f"据公报：{sentence}{d.cite(quote)}")
        return d.answer()

    def _best_sentence(self, text: str) -> tuple[float, str, Evidence] | None:
        from .corpus import split_sentences

        best = None
        for rank, ev in enumerate(self.box.search_passages(text, k=5)):
            if ev.locator.endswith("图表标题"):
                continue  # a caption names a chart; it answers nothing by itself
            for sentence in split_sentences(ev.text):
                score = coverage(text, sentence) - 0.02 * rank
                if best is None or score > best[0]:
                    best = (score, sentence.strip(), ev)
        return best

    # -- intents ---------------------------------------------------------------------------------
    def _other_city(self, q: Query) -> Answer:
        d = Draft("not_found")
        d.add(f"本公报是《{self.box.tables.manifest.title}》，只报告广州市及其各区的数据，未给出{q.other_city}的情况。")
        city = self.box.lookup(q.indicators[0], CITY) if q.indicators else None
        if city:
            d.add(f"公报给出的广州市{self._indicator(q.indicators[0]).display}为{self._describe(d, city)}。")
        return d.answer("not_found")

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
            shown = " ".join(ev.text for ev in direct.evidence)
            if content_words(q.rest) and coverage(q.rest, shown) < 0.3:
                passage = self._best_sentence(q.text)
                if passage and passage[0] >= 0.6 and coverage(q.rest, passage[1]) >= 0.6:
                    return self._passage_answer(q, 0.6) or direct.answer()
            return direct.answer()
        return direct.answer("not_found")

    def _value_draft(self, q: Query) -> Draft:
        d = Draft("value")
        year = q.year or 2024
        missing: list[tuple[str, str]] = []
        done: set[tuple[str, str]] = set()
        for key in q.indicators[:3]:
            for place in self._places_for(q, key):
                expanded = self._expand(q, place) if key == q.indicators[0] or q.weak else [key]
                for ind in expanded or [key]:  # no overview figure for this place: say what is missing
                    if (ind, place) in done:
                        continue
                    done.add((ind, place))
                    if not self._one_value(d, ind, place, year):
                        missing.append((ind, place))
        if not d.evidence:
            return self._not_found_value(q, missing, year)
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
        where = f"{year}年{'' if name.startswith('广州') and place == CITY else place_name(place)}"
        overlap = next((k for k in range(len(name), 0, -1) if place.endswith(name[:k])), 0)
        name = name[overlap:] if overlap < len(name) else name  # 美丽单元 + 美丽单元贷款 -> 美丽单元贷款
        if found:
            main = found[0]
            if main.stat == "value":
                extra = self._context(d, ind, place, year)
                label = f"（{main.text_value}）" if main.text_value else ""
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
        current = self.box.lookup(ind, place, 2024, "value")
        stat = {2023: "yoy", 2013: "vs2013"}.get(year)
        change = self.box.lookup(ind, place, 2024, stat) if stat and current else None
        if not change:
            return False
        if change.unit == "%":
            derived = self.box.implied_previous(current, change)
        elif change.unit == current.unit or change.unit == "百分点":
            derived = self.box.previous_by_points(current, change)
        else:
            return False
        d.add(f"公报未直接给出{where}{name}，但可由2024年数值{self._describe(d, current)}和"
              f"{change_text(change, since='同比' if year == 2023 else '比2013年')}{d.cite(change)}推算："
              f"{derived.formula}，即{'约' if '≈' in derived.formula else ''}{d.derive(derived)}{current.unit}。")
        return True

    def _not_found_value(self, q: Query, missing: list[tuple[str, str]], year: int) -> Draft:
        d = Draft("not_found")
        for ind, place in missing[:2]:
            name = self._indicator(ind).display if ind in self.lex.indicators else ind
            years = sorted({ev.year for ev in self.box.facts_for(ind)})
            if place in self.lex.districts and not self.box.facts_for(ind, place):
                d.add(f"公报未给出{place}的{name}数值。")
                city = next(iter(self._described(ind, CITY, 2024)), None)
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
                    d.add(f"{max(years)}年{place_name(place)}{name}为{self._describe(d, current)}。")
            else:
                d.add(f"公报未给出{place_name(place)}的{name}。")
        if not d.parts:
            d.add("公报未给出所问的数据。")
        return d

    def _place_mention(self, place: str | None, ind: str) -> tuple[str, Evidence] | None:
        """A sentence that names the district (short form; any district when `place` is None) and the
        indicator, e.g. 天河、南沙区浓度次之 or 各行政区二氧化氮浓度空间分布特征为……"""
        short = self.lex.short(place) if place else ""
        aliases = [fold(a) for a in (ind, *self._indicator(ind).aliases)] if ind in self.lex.indicators else [ind]
        from .corpus import split_sentences

        for ev in self.box.search_passages(f"各行政区{ind}浓度空间分布 {short}", k=8):
            for sentence in split_sentences(ev.text):
                f = fold(sentence)
                named = short in sentence if place else bool(re.search(r"各行政区|各区", sentence))
                if named and any(a in f for a in aliases):
                    return sentence, Evidence(text=sentence, locator=ev.locator, source=ev.source)
        return None

    def _district_list(self, q: Query) -> Answer | None:
        """各区PM10分别是多少 (every district, in order) or PM2.5低于20的区 (those past a threshold)."""
        key = q.indicators[0]
        ranked = self.box.rank_districts(key)
        folded = fold(q.text)
        figures = [(n, cmp) for n, _, cmp in claim_figures(q) if cmp != "="]
        everyone = ALL_DISTRICTS.search(folded) and not _wanted_count(q.text)  # 11个区中…最低的三个: a top-N
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
                extreme = order[0]
                d.add(f"最{'低' if cmp == '<' else '高'}的是{extreme.place}，{self._describe(d, extreme)}。")
                return d.answer()
            d.add(f"{name}{said}的区：" + "；".join(f"{ev.place}{self._describe(d, ev)}" for ev in chosen) + "。")
        else:
            way = "由高到低" if order is not ranked else "由低到高"
            d.add(f"2024年各区{name}（{way}）：" + "；".join(f"{ev.place}{self._describe(d, ev)}" for ev in order) + "。")
        missing = self.box.missing_districts(key)
        if missing:
            d.add(f"（公报未给出{'、'.join(missing)}的数值。）")
        return d.answer()

    def _no_district_values(self, key: str) -> Answer:
        """A pollutant the bulletin gives only for the city: no ranking, but what the text says of the districts."""
        d = Draft("not_found")
        name = self._indicator(key).display
        d.add(f"公报未逐区给出{name}数值，无法据此排出各区高低。")
        city = self.box.lookup(key, CITY)
        if city:
            d.add(f"全市{name}为{self._describe(d, city)}。")
        hint = self._place_mention(None, key)
        if hint:
            d.add(f"正文对各区的描述：{hint[0]}{d.cite(hint[1])}")
        return d.answer("not_found")

    def _rank(self, q: Query) -> Answer:
        if q.outside_scope:
            return self._outside_rank(q)
        if not q.indicators:
            return self._open(q)
        first = q.indicators[0]
        if self._indicator(first).pollutant and not self.box.rank_districts(first):
            return self._no_district_values(first)  # another pollutant's or the composite's ranking is no answer
        key = self._with_district_data(first)
        d = Draft("rank")
        moved = MOST_CHANGED.search(q.text)
        changes = [ev for ev in self.box.facts_for(key, stat="yoy") if ev.place in self.lex.districts
                   and ev.value is not None]
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
        classes = [ev for ev in self.box.facts_for(key, stat="class") if ev.place in self.lex.districts]
        if q.weak and not improvement:
            # 空气好不好: the ranked composite index first, then each pollutant the bulletin gives by district
            return self._rank_overview(q, key).answer()
        if groups and (improvement or not numeric):
            return self._rank_groups(q, key, groups, d).answer()
        if numeric:
            return self._rank_numeric(q, key, numeric, d).answer()
        if classes:
            return self._rank_classes(q, key, classes, d).answer()
        return self._value(q)

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
        return next((k for k, ind in self.lex.indicators.items() if ind.topic == topic and has_districts(k)), key)

    def _want_high(self, q: Query, key: str) -> bool:
        literal_high = re.search(r"最高|较高|最大|最多|highest|most", q.text)
        literal_low = re.search(r"最低|较低|最小|最少|lowest|least", q.text)
        if literal_high or literal_low:
            return bool(literal_high)
        better = self._indicator(key).better or "lower"
        return (better == "higher") == bool(q.best and not q.worst)

    def _rank_numeric(self, q: Query, key: str, ranked: list[Evidence], d: Draft) -> Draft:
        name = self._indicator(key).display
        high = self._want_high(q, key)
        order = list(reversed(ranked)) if high else ranked
        word, other_word = ("最高", "最低") if high else ("最低", "最高")
        if q.places and q.places[0] in self.lex.districts:
            return self._position(q.places[0], key, ranked, d)
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
        missing = self.box.missing_districts(key)
        if missing:
            d.add(f"（公报未给出{'、'.join(missing)}的数值。）")
        return d

    def _position(self, place: str, key: str, ranked: list[Evidence], d: Draft) -> Draft:
        name = self._indicator(key).display
        mine = next((ev for ev in ranked if ev.place == place), None)
        if mine is None:
            d.add(f"公报未给出{place}的{name}。")
            return d
        rank = self.box.lookup(key, place, 2024, "rank")
        if rank:
            where = f"按{name}由低到高排第{fmt(rank.value)}名{d.cite(rank)}"
        elif all(mine.value >= ev.value for ev in ranked):
            where = "各区中最高"
        elif all(mine.value <= ev.value for ev in ranked):
            where = "各区中最低"
        else:
            lower = [ev.place for ev in ranked if ev.value < mine.value]
            where = f"低于它的有{'、'.join(lower)}" if len(lower) <= 5 else \
                f"高于它的有{'、'.join(ev.place for ev in ranked if ev.value > mine.value) or '无'}"
        d.add(f"{place}{name}为{self._describe(d, mine)}，{where}。")
        return d

    def _rank_groups(self, q: Query, key: str, groups: list[Evidence], d: Draft) -> Draft:
        labels = list(dict.fromkeys(ev.text_value for ev in groups))
        if len(labels) > 1:
            want_bad = q.worst and not q.best
            labels = [lb for lb in labels if ("差" in lb or "后" in lb) == want_bad] or labels[:1]
        for label in labels:
            members = [ev for ev in groups if ev.text_value == label]
            d.add(f"{'、'.join(ev.place for ev in members)}：{label}{d.cite(members[0])}。")
        return d

    def _rank_classes(self, q: Query, key: str, classes: list[Evidence], d: Draft) -> Draft:
        ordered = sorted(classes, key=lambda ev: CLASS_ORDER.get(ev.text_value, 9))
        pick = ordered[-1] if q.worst and not q.best else ordered[0]
        members = [ev for ev in ordered if ev.text_value == pick.text_value]
        d.add(f"{self._indicator(key).display}为{pick.text_value}的是{'、'.join(ev.place for ev in members)}{d.cite(pick)}。")
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

    @staticmethod
    def _scope(q: Query) -> str:
        """The region outside Guangzhou a question names: 全国, 全省/广东省, 全球 …"""
        folded = fold(q.text)
        if re.search(r"全省|广东省|广东|省内", folded):
            return "全省"
        if re.search(r"全球|世界", folded):
            return "全球"
        return "全国"

    def _outside_value(self, q: Query) -> Answer:
        """全国PM2.5平均浓度: a figure for a region the bulletin does not report on."""
        d = Draft("not_found")
        scope = self._scope(q)
        name = self._indicator(q.indicators[0]).display
        d.add(f"本公报只报告广州市及其各区的数据，未给出{scope}的{name}。")
        city = self.box.lookup(q.indicators[0], CITY)
        if city:
            d.add(f"公报给出的广州市{name}为{self._describe(d, city)}。")
        return d.answer("not_found")

    def _outside_rank(self, q: Query) -> Answer:
        aliases = [fold(a) for k in q.indicators for a in (k, *self._indicator(k).aliases)]
        scope = self._scope(q)
        best = None
        from .corpus import split_sentences

        for ev in self.box.search_passages(q.text, k=8):
            for sentence in split_sentences(ev.text):
                if scope in sentence and any(a in fold(sentence) for a in aliases):
                    best = best or Evidence(text=sentence, locator=ev.locator, source=ev.source)
        d = Draft("rank")
        if best:
            d.add(f"据公报：{best.text}{d.cite(best)}")
            return d.answer()
        name = self._indicator(q.indicators[0]).display if q.indicators else "该指标"
        d.add(f"公报未给出广州{name}在{scope}的排名。")
        city = self.box.lookup(q.indicators[0], CITY) if q.indicators else None
        if city:
            d.add(f"公报给出的是2024年广州市{name}为{self._describe(d, city)}。")
        return d.answer("not_found")

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

    def _change(self, q: Query) -> Answer:
        if not q.indicators:
            return self._open(q)
        d = Draft("change")
        stat = "vs2013" if "vs2013" in q.stats else "yoy"
        for key in q.indicators[:3]:
            name = self._indicator(key).display
            for place in self._places_for(q, key):
                ev = self.box.lookup(key, place, 2024, stat)
                if ev is None:
                    continue
                current = self.box.lookup(key, place, 2024, "value")
                since = "比2013年" if stat == "vs2013" else "同比"
                now = f"（2024年为{self._describe(d, current)}）" if current else ""
                inferred = "（区名配对为推断，详见引文）" if "推断" in ev.note else ""
                d.add(f"{place_name(place)}{name}{change_text(ev, since=since)}{inferred}{d.cite(ev)}{now}。")
        if not d.evidence and stat == "yoy":
            self._series(d, q)  # no 同比, but the bulletin states the figure for several years
            if d.evidence and "yoy" in q.stats:  # 同比 itself was asked for: say it is not given
                d.parts.insert(0, "公报未给出所问指标的同比变化。")
                return d.answer("not_found")
        if not d.evidence:
            what = "与2013年相比的变化" if stat == "vs2013" else "同比变化"
            d.add(f"公报未给出所问指标的{what}。")
            draft = self._value_draft(q)
            if draft.evidence:
                d.add(draft.text.replace("[", "[").strip())
                d.evidence, d.derived = draft.evidence, draft.derived
            return d.answer("not_found")
        return d.answer()

    def _series(self, d: Draft, q: Query) -> None:
        """The years the bulletin gives a figure for, and the change from the first to the last."""
        for key in q.indicators[:3]:
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
                d.add(f"公报给出的{place_name(place)}{name}：{shown}。{last.year}年比{first.year}年{way}{amount}{gaps}。")

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

    def _standard(self, q: Query) -> Answer:
        streak = self._streak(q)
        if streak:
            return streak
        key = next((k for k in q.indicators if self.box.standard_limit(k)), None)
        if key is None:
            return self._value(q)
        d = Draft("standard")
        limit = self.box.standard_limit(key)
        name = self._indicator(key).display
        if re.search(r"世卫|世界卫生组织|(?<![a-z])who(?![a-z])|欧盟|美国|国际标准|aqg", fold(q.text)):
            d.add("公报未涉及世界卫生组织或其他国家、地区的标准，只给出国家环境空气质量标准（GB 3095-2012）。")
        asked = re.search(r"[一二]级", q.text)
        if asked and asked.group() != limit.text_value:
            stricter = "，一级标准严于二级标准" if limit.text_value == "一级" else ""
            d.add(f"公报未列出{key}的{asked.group()}标准限值，只给出{limit.text_value}限值{stricter}。")
        if not q.places and re.search(r"哪个区|哪些区|哪里|哪些地方|哪个地方|有没有区|各区", q.text):
            return self._standard_by_district(key, limit, d).answer()
        d.add(f"公报所述{key}的国家环境空气质量标准（{limit.text_value}）限值为{self._describe(d, limit)}。")
        for place in [p for p in q.places if p in (CITY, *self.lex.districts)] or [CITY]:
            value = self.box.lookup(key, place)
            if value is None:
                grade = self.box.lookup(key, place, 2024, "grade")
                d.add(f"公报未给出{place}的{name}数值" + (f"，但指出{place}{grade.text_value}{d.cite(grade)}" if grade else "") + "。")
                continue
            ok = value.value <= limit.value
            grade = self.box.lookup(key, place, 2024, "grade")
            tail = f"，达到国家{grade.text_value}标准{d.cite(grade)}" if grade and ok else ""
            if ok:
                verdict = f"低于限值，达标{tail}"
            elif limit.text_value == "一级":  # a city is judged against 二级; above 一级 is not 超标
                verdict = f"高于一级标准限值，未达到一级标准；公报未给出{key}的二级标准限值，不能据此判断是否超标"
            else:
                verdict = "高于限值，超标"
            d.add(f"2024年{place_name(place)}{name}为{self._describe(d, value)}，{verdict}。")
        return d.answer()

    def _standard_by_district(self, key: str, limit: Evidence, d: Draft) -> Draft:
        name = self._indicator(key).display
        d.add(f"公报所述{key}的国家标准（{limit.text_value}）限值为{self._describe(d, limit)}。")
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

    # -- claims ----------------------------------------------------------------------------------
    def _claim(self, q: Query) -> Answer:
        d = Draft("claim")
        if q.other_city and not q.places:
            d.add(f"无法核实：本公报只涉及广州市，未给出{q.other_city}的数据。")
            return d.answer(verdict="unverifiable")
        if not q.indicators:
            return self._claim_text(q, d)
        place = q.places[0] if q.places else CITY
        key = q.indicators[0]
        if not q.numbers:
            return self._claim_qualitative(q, key, place, d)
        results = []
        for number, clause, cmp in claim_figures(q):
            first_part = len(d.parts)
            fact = self._check_figure(q, d, number, clause, cmp, results)
            d.checks.append(Check(claim=clause_as_written(q, clause).strip(), verdict=results[-1],
                                  text=d.plain(first_part), evidence=[fact] if fact else []))
        first_part = len(d.parts)
        extreme, mine = self._check_extreme(q, q.indicators[0], place, d)  # 白云区PM2.5为24，全市最高: both parts
        if extreme:
            results.append(extreme)
            d.parts[first_part] = f"{'属实' if extreme == 'supported' else '不符'}：{d.parts[first_part]}"
            d.checks.append(Check(claim="全市最高" if self._want_high(q, q.indicators[0]) else "全市最低",
                                  verdict=extreme, text=d.plain(first_part), evidence=[mine]))
        verdict = "refuted" if "refuted" in results else ("supported" if results and all(r == "supported" for r in results) else "unverifiable")
        head = {"supported": "核查结论：属实。", "refuted": "核查结论：不符。", "unverifiable": "核查结论：无法核实。"}[verdict]
        d.parts.insert(0, head)
        return d.answer(verdict=verdict)

    def _check_figure(self, q: Query, d: Draft, number: float, clause: str, cmp: str,
                      results: list[str]) -> Evidence | None:
        """Check one stated figure against the bulletin; appends its verdict to `results`, returns its evidence."""
        # "PM2.5为23微克/立方米，达标344天": each clause may name its own indicator and place
        part = parse(FIGURE.sub("", clause), self.lex)  # 达标344天 -> 达标天; PM2.5 stays PM2.5
        key = part.indicators[0] if part.indicators and not part.weak else q.indicators[0]
        place = part.places[0] if part.places else (q.places[0] if q.places else CITY)
        name = self._indicator(key).display
        stat = self._claim_stat(q, clause)
        direction = claimed_direction(clause)
        fact = self.box.lookup(key, place, 2024 if stat != "value" else (q.year or 2024), stat)
        if stat == "value" and part.measures and not self._fits(key, part.measures):
            # 产生量 claimed, only a 利用率 reported: nothing to check it against
            results.append("unverifiable")
            d.add(f"公报未给出{self._asked_subject(replace(part, places=()))}的数值，无法核实“{fmt(number)}”。")
            return None
        if fact is None or fact.value is None:
            results.append("unverifiable")
            d.add(f"公报未给出{place_name(place)}{name}的相应数据，无法核实“{fmt(number)}”。")
            return None
        size = abs(fact.value) if stat in ("yoy", "vs2013") else fact.value
        same = {"=": abs(size - number) < 1e-9, "<": size < number, ">": size > number}[cmp]
        if stat in ("yoy", "vs2013"):
            sign = (fact.value > 0) - (fact.value < 0)
            same = same and (direction == 0 or direction == sign)
            said = change_text(fact, since="同比" if stat == "yoy" else "比2013年")
        else:
            said = f"为{value_text(fact)}"
        results.append("supported" if same else "refuted")
        lead = ("属实：" if same else "不符：") if len(q.numbers) > 1 or q.best or q.worst else ""
        d.add(f"{lead}公报显示{place_name(place)}{name}{said}{d.cite(fact)}")
        moved = f"（{'上升' if direction > 0 else '下降'}）" if direction and stat != "value" else ""
        stated = f"{CMP_TEXT.get(cmp, '')}{fmt(number)}{moved}"
        if cmp != "=" and moved:  # 下降超过5%
            stated = f"{moved[1:-1]}{'超过' if cmp == '>' else '不到'}{fmt(number)}"
        if cmp == "=":
            d.add("。" if same else f"，与说法中的“{stated}”不一致。")
        else:  # 低于25: the figure is compared, not matched
            d.add(f"，{'符合' if same else '不符合'}说法中的“{stated}”。")
        return fact

    def _claim_stat(self, q: Query, clause: str) -> str:
        """Which statistic a claimed figure is about, judged from the clause it sits in."""
        if "2013" in clause or ("vs2013" in q.stats and not re.search(r"同比|去年", clause)):
            return "vs2013"
        if re.search(r"同比|上升|下降|增加|减少|提高|提升|降低|比去年|较上年", clause):
            return "yoy"
        if re.search(r"目标", clause):
            return "target"
        return "value"

    def _claim_qualitative(self, q: Query, key: str, place: str, d: Draft) -> Answer:
        if q.outside_scope:
            d.add("核查结论：无法核实。公报只报告广州市自身的数据，没有与全国或全省其他城市的比较排名。")
            city = self.box.lookup(key, CITY) if not q.weak else self.box.lookup("优良天数比率", CITY)
            if city:
                d.add(f"可供参考：2024年广州市{self._indicator(city.indicator).display}为{self._describe(d, city)}。")
            return d.answer(verdict="unverifiable")
        status = self.box.facts_for(key, place, "status")
        if status and status[0].text_value:  # 未出现重污染天气: the claim must say the same, negation included
            ev = status[0]
            said, stated = _negation(fold(q.text)), _negation(fold(ev.text_value))
            core = stated.lstrip("未不")
            negated = stated != core
            ok = core[:2] in said and (("未" + core[:2] in said or "不" + core[:2] in said) == negated)
            d.add(f"核查结论：{'属实' if ok else '不符'}。公报：{place_name(place)}{ev.text_value}{d.cite(ev)}。")
            return d.answer(verdict="supported" if ok else "refuted")
        facts = [ev for stat in ("class", "grade", "group") for ev in self.box.facts_for(key, place, stat)]
        if not re.search(r"类|级|前三|后三|前列|较好|较差|改善幅度", q.text):
            facts = []  # the claim says nothing about a class, grade or group: none of those can refute it
        for ev in facts:
            if ev.text_value and ev.text_value[:2] in q.text:
                d.add(f"核查结论：属实。公报：{place_name(place)}{self._indicator(key).display}{ev.text_value}{d.cite(ev)}。")
                return d.answer(verdict="supported")
        if facts:
            ev = facts[0]
            d.add(f"核查结论：不符。公报：{place_name(place)}{self._indicator(key).display}为{ev.text_value}{d.cite(ev)}。")
            return d.answer(verdict="refuted")
        first_part = len(d.parts)
        extreme, _ = self._check_extreme(q, key, place, d)
        if extreme:  # the verdict goes first, once known
            d.parts.insert(first_part, f"核查结论：{'属实' if extreme == 'supported' else '不符'}。")
            return d.answer(verdict=extreme)
        d.add("核查结论：无法核实。公报没有可以直接核对这一说法的数据。")
        near = self._best_sentence(q.text)
        if near and near[0] >= 0.5:  # what the bulletin does say on it, for the reader to judge
            quote = Evidence(text=near[1], locator=near[2].locator, source=near[2].source)
            d.add(f"公报相关原文：{near[1]}{d.cite(quote)}")
        return d.answer(verdict="unverifiable")

    def _check_extreme(self, q: Query, key: str, place: str, d: Draft) -> tuple[str | None, Evidence | None]:
        """全市最高 / 各区最低 said of a district, checked against the district ranking: (verdict, the district's
        figure), or (None, None) if it cannot be checked."""
        ranked = self.box.rank_districts(key)
        if place not in self.lex.districts or not ranked or not (q.best or q.worst):
            return None, None
        extreme = ranked[-1] if self._want_high(q, key) else ranked[0]
        mine = next((ev for ev in ranked if ev.place == place), None)
        if mine is None:
            return None, None
        self._position(place, key, ranked, d)
        return ("supported" if mine.value == extreme.value else "refuted"), mine

    def _claim_text(self, q: Query, d: Draft) -> Answer:
        best = self._best_sentence(q.text)
        if best and best[0] >= 0.6:
            _, sentence, ev = best
            quote = Evidence(text=sentence, locator=ev.locator, source=ev.source)
            claimed = set(q.numbers)
            stated = {v for v, _ in numbers(sentence)}
            if claimed and claimed <= stated:
                d.add(f"核查结论：属实。公报原文：{sentence}{d.cite(quote)}")
                return d.answer(verdict="supported")
            if claimed:
                d.add(f"核查结论：不符。公报原文：{sentence}{d.cite(quote)}")
                return d.answer(verdict="refuted")
        d.add("核查结论：无法核实。公报中没有找到能直接核对这一说法的内容。")
        return d.answer(verdict="unverifiable")

    # -- open questions --------------------------------------------------------------------------
    def _open(self, q: Query) -> Answer:
        found = self._passage_answer(q)
        if found:
            return found
        d = Draft("not_found")
        d.add("公报中没有找到与这个问题直接相关的内容。公报涵盖：环境空气、地表水、海洋、声环境、生态质量、"
              "固体废物、应对气候变化和美丽广州建设等方面的2024年数据。")
        return d.answer("not_found")
