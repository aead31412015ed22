"""Shared by every intent: the planner's data, its helpers and the words that gate answers."""

from __future__ import annotations

import re

from ..answer import Draft, change_text, value_text
from ..lexicon import STOPWORDS, Lexicon, fold
from ..parse import COMPARE, RANK, Query
from ..tools import Toolbox
from ..types import Answer, Evidence

CITY = "全市"
MEASURED_TOPICS = ("环境空气", "地表水环境", "海洋环境", "声环境", "生态质量")  # monitored, reported by region
ALL_DISTRICTS = re.compile(r"各区|各个区|各行政区|所有区|所有的区|所有行政区|每个区|全部区|全部的区|十一个区|11个区|11个行政区|十一个行政区|"
                           r"every district|all districts|each district|all \d+ districts|all eleven districts")
# 8个断面 / 所有监测点 / 各断面: a claim about every section or station of a report's table
ALL_SITES = re.compile(r"(?:\d+|[一二三四五六七八九十]+)个(?:国考|省考|国考、省考|国控|省控|、)*(?:断面|站点|监测点|测点|点位)|"
                       r"(?:所有|全部|每个|各个?)的?(?:国考|省考|国控|省控|、)*(?:断面|站点|监测点|测点|点位)")
# 42个主要流域国省控断面中，…: the population a question counts within (its scope, not its subject)
SCOPE_PHRASE = re.compile(r"(?:在|全市|全省)?\d+\s*个[^，,。？?；;、]{1,16}?(?:之中|当中|中|里)(?=[，,\s]|[\u4e00-\u9fff]{0,3}(?:[ⅰ-ⅻi-v一二三四五]|哪|有|的))"
                          # 主要河湖断面中Ⅱ～Ⅲ类…: with no count, only a population of sites, before a class or a question
                          r"|[^，,。？?；;、\d]{0,12}?(?:断面|监测点|点位|站点|城市|区县|县区|水源地)(?:之中|当中|中|里)"
                          r"(?=[，,\s]|[\u4e00-\u9fff]{0,3}(?:(?<![a-z])(?:iv|v|i{1,3})(?:类|～|~|-|—)|[一二三四五]类|哪|有))")
NUMBER_ASKED = re.compile(r"多少|几|数值|数字|what is|how much|how many")
TIME_ASKED = re.compile(r"哪一年|哪年|什么时候|什么时间|何时|几月|哪个月|哪天|哪一天|几号|when|which year|what year")
COUNT_ASKED = re.compile(r"(多少|(?<!哪)几)(辆|个|条|家|座|吨|人|项|次|处|所|台|株|种|只|艘)")
FIGURE = re.compile(r"(?<![a-zA-Z\d.])\d+(?:\.\d+)?")  # a stated figure, not the digits of a name such as PM2.5
DESCRIPTIVE_STATS = ("value", "class", "grade", "group", "status", "improvement")
EVALUATIVE = re.compile(r"怎么样|如何|好吗|好不好|干净吗|干不干净|差吗|质量|情况|状况|how is|how clean")
CLASS_ORDER = {"一类": 1, "二类": 2, "三类": 3, "四类": 4, "五类": 5}
_CLASS_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5,
                 "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def classes_named(text: str) -> set[int]:
    """The classes a question names, as class_order numbers (是Ⅲ类 / 三类 / 劣V类)."""
    def order(m: re.Match, lead: int) -> int:
        said = m.group(lead + 1)
        return 6 if m.group(lead) else _CLASS_DIGITS.get(said.upper(), _CLASS_DIGITS.get(said, 0))

    folded = fold(text)
    found = set()
    for m in re.finditer(r"(劣)?(?<![a-z])(iv|v|i{1,3}|[一二三四五])类", folded):
        found.add(order(m, 1))
    one = r"(劣)?(?<![a-z])(iv|v|i{1,3}|[一二三四五])类?"
    for m in re.finditer(rf"{one}\s*(?:到|至|~|～|-|—)\s*{one}类", folded):  # 一类到四类 / Ⅱ～Ⅲ类: every class between
        low, high = sorted((order(m, 1), order(m, 3)))
        found.update(range(low, high + 1))
    return found - {0}


def class_order(text: str) -> int | None:
    """1 (一类 / Ⅰ类, the best) … 5 (五类 / Ⅴ类), 6 for 劣Ⅴ类; None for anything else."""
    m = re.fullmatch(r"\s*(劣)?(Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|IV|V|I{1,3}|[一二三四五])类\s*", text or "")
    if not m:
        return None
    return 6 if m.group(1) else _CLASS_DIGITS[m.group(2)]
QUESTION_WORDS = set("多少 是多少 哪些 哪个 哪里 哪儿 什么 怎么样 怎样 如何 几个 多少个 有没有 是否 请问 请 告诉 一下 数值 数据 情况 年均 "
                     "平均 浓度 全市 广州 广州市 现在 目前 后来 具体 大概 一共 总共 我们 你们 知道 了解 介绍 说说 讲讲 看看 "
                     "水平 状况 分别 各是 各占 是不是 能不能 还是 没有 了没有 有没 变了 开始 是从 从哪".split())
def content_words(text: str) -> set[str]:
    """The words of a question that carry its subject: jieba words of 2+ characters, minus question words."""
    import jieba

    return {w for w in jieba.lcut(fold(text)) if len(w) >= 2 and w not in QUESTION_WORDS and w not in STOPWORDS
            and not re.fullmatch(r"[\d.\s]+", w) and not set(w) <= FUNCTION_CHARS}


# one-character function words: a "word" jieba makes of them alone (比有 in 同期比有什么变化) names nothing
FUNCTION_CHARS = set("比有和跟与同是在了的到把被给对向从就也都还又")


NOUN_TAGS = ("n", "ns", "nt", "nz", "vn", "ng", "nrt")  # jieba's noun tags; nr (a person's name) is mostly a misreading


ASK_WORD = re.compile(r"多少|(?<![哪十数好])几(?![十百千])\s*[个项条大种类方面家座批年天次]|哪些|哪几|哪\s*[一二三四五六七八九十\d]|什么|谁|多大|多高|多长|多久|"
                      r"如何|怎样|怎么|何时|有哪|是不是|是否|有没有|([\u4e00-\u9fff])[没不]\1")


def asking_parts(text: str) -> list[str]:
    """The clauses of a question that each ask something (细化了多少条措施 / 开展哪五大行动), in order; a clause
    that asks nothing (请告知, 谢谢) goes with the next one."""
    pieces = re.split(r"[，,；;？?。！!、]|以及|并且|同时|还有", fold(text))
    parts, carry = [], ""
    for piece in pieces:
        if ASK_WORD.search(piece):
            parts.append(carry + piece)
            carry = ""
        else:
            carry += piece
    return parts


def noun_words(text: str) -> set[str]:
    """The nouns of a text (jieba's part-of-speech tags), folded: 贷款, 行动, 地下水 — not 摆摊, 算不算, 附近."""
    import jieba.posseg

    return {p.word for p in jieba.posseg.cut(fold(text)) if p.flag in NOUN_TAGS and len(p.word) >= 2}


MANNER_TAGS = ("d", "r", "t", "l", "a", "ad", "z", "y", "e", "o", "f", "s")  # adverbs, states (灰蒙蒙), pronouns, time words, idioms, where (里面, 当中) (a verb may be what is asked: 获得)


def manner_words(text: str) -> set[str]:
    """The words of a text that say how something is asked, not what about (jieba's tags): 到底, 咋样, 马路上 —
    not 降水量, 毫米 or 荣誉."""
    import jieba.posseg

    return {p.word for p in jieba.posseg.cut(fold(text)) if p.flag in MANNER_TAGS and len(p.word) >= 2}


def measured_things(text: str, measures: tuple[str, ...]) -> list[str]:
    """The nouns a question names right before its measure word (溶解氧 in 溶解氧平均浓度是多少, 粪大肠菌群 in
    粪大肠菌群浓度): what the figure asked is of. A place, a scope or a qualifier (断面, 主要, 年均) is not one."""
    import jieba.posseg

    folded, found = fold(text), []
    for m in measures:
        at = folded.find(m)
        if at <= 0:
            continue
        before = re.sub(r"(?:的|平均|年均|月均|日均|总体|整体|总)+$", "", folded[:at])
        words = [(p.word, p.flag) for p in jieba.posseg.cut(before)]
        if words and words[-1][1] in ("n", "nz", "ng", "x") and len(words[-1][0]) >= 2 and \
                re.fullmatch(r"[\u4e00-\u9fff]+", words[-1][0]) and not NOT_MEASURED.search(words[-1][0]):
            found.append(words[-1][0])
    return found


# words before a measure word that name where or which, not what is measured (断面浓度, 全市水平)
NOT_MEASURED = re.compile(r"断面|点位|站点|监测点|城市|地区|区域|全市|全省|主要|重点|水质|空气|环境|质量|情况|水平|数据|数值|指标")


def lexicon_words(text: str) -> set[str]:
    """The lexicon's own terms in a text (jieba tags the words the lexicon adds "x"): 危险废物, 富营养化指数."""
    import jieba.posseg

    return {p.word for p in jieba.posseg.cut(fold(text)) if p.flag == "x" and re.fullmatch(r"[\u4e00-\u9fff]{2,}", p.word)}


def organisations(text: str) -> set[str]:
    """Names of organisations in a text (jieba's nt tag): 国家开发银行, 亚洲开发银行."""
    import jieba.posseg

    return {p.word for p in jieba.posseg.cut(fold(text)) if p.flag == "nt" and len(p.word) >= 3}


def words_to_find(question: str, folded_text: str) -> set[str]:
    """The question's subject words to look for in a text; English words around 碳普惠 name nothing in Chinese text."""
    words = content_words(question)
    if re.search(r"[\u4e00-\u9fff]", folded_text) and any(re.search(r"[\u4e00-\u9fff]", w) for w in words):
        words = {w for w in words if not re.fullmatch(r"[a-z]+", w)}
    return words


def said_in(word: str, folded: str, shortest: int = 4) -> bool:
    """The word is in the text, or one of `shortest`+ characters in its two-character pieces (国考省考断面 in 国考、
    省考断面; 断面水质达标率 in 国考断面…水质…达标率为88.9%)."""
    return word in folded or (len(word) >= shortest and all(word[i:i + 2] in folded for i in range(0, len(word) - 1, 2)))


def coverage(question: str, text: str) -> float:
    """Share of the question's subject words that occur in text (a cheap relevance check)."""
    folded = fold(text)
    words = words_to_find(question, folded)
    if not words:
        return 0.0
    return sum(1 for w in words if w in folded) / len(words)


def _wanted_count(text: str) -> int:
    """前三 / 最低的三个区 / top 5 -> how many districts a ranking should list (0: not said)."""
    folded = fold(text)
    found = [m for m in re.finditer(r"(?:前|后|倒数)([一二两三四五六七八九十\d]{1,2})|([一二两三四五六七八九十\d]{1,2})"
                                    r"个(?:区县|县区|县市区|市区县|区|行政区|县|城市|地市|市|断面|监测点|站点|点位)|top\s*(\d{1,2})", folded)
             if not re.match(r"\s*(中|里|当中|之中)", folded[m.end():])]  # 11个区中…: the whole, not the count
    if not found:
        return 0
    m = found[-1]
    word = next(g for g in m.groups() if g)
    n = int(word) if word.isdigit() else CN_NUMBERS.get(word, 0)
    return n if 1 < n <= 11 else 0


# words that state a change or a comparison: what is claimed of the subject, not the subject
DIRECTION = re.compile(r"有所|略有|稍有|明显|显著|大幅|上升|下降|多出|多了|少了|增加|减少|降低|提高|提升|升高|增长|改善|恶化|变差|变好|好转|降到|降至|升到|升至|增至|减至|已达|持平|变化|同比|高于|低于|超过|不到|以上|以下|达标|超标|达到|"
                       r"稳定|保持|连续|^全部$|^所有$|^分别$|^平均$|^年均$|^平均值$|^年均值$|^均值$|^数值$|^数据$")
ASKING = re.compile(r"多少|几|哪|什么|如何|怎么|怎样|是否|吗|呢|情况|状况|水平|有没有|是不是|\?|？|what|which|how|whether")


def _asking_clauses(rest: str) -> str:
    """The clauses of a question that ask something or name its subject (blanked in `rest`); a clause that only
    tells (表示担心自来水水源安全) is no part of the subject."""
    kept = []
    for m in re.finditer(r"[^，,。；;！!]+[？?]?", rest):
        clause = m.group()
        if ASKING.search(clause) or re.search(r"\S\s{2,}\S|^\s{2,}|\s{2,}$", clause):
            kept.append(clause)
    return " ".join(kept) if kept else rest


# words of a question that say how it is asked (an order, a count, who asks), not what it is about
NOT_SUBJECT = re.compile(r"最|更|较|谁|哪|几|名|位|属于|我|你|这|那|它|其|两者|二者|双方|一个|两个|三个|垫底|倒数|前三|后三|排在|排名|高出|低出|降幅|升幅|增幅|幅度|"
                         r"时候|多久|怎么|为什么|是否|^个区$|^各区$|^区$|^行政区$|^各行政区$|城市|区县|地市|设区|区市|市中|哪里|地方|^各市$|^县$|^[比较与和同]?年$|各自|^主要$|公报|类型|全年|年度|要求|告知|答复|询问|咨询|了解|提供|能否|可否|能不能|麻烦|市民|反映|表示|担心|一直|自年|年起|一样|降得|升得|变得|^[比跟较和与同][前上]$|^前年$|^上年$|评价$|^整体$|^情况$|^干净$|^脏$|^好坏$")
CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


class PlannerBase:
    """The data every intent reads (tables, lexicon, retrieval) and the helpers they share."""

    @property
    def year(self) -> int:
        """The bulletin's own year: what a question with no year is about."""
        return self.box.year

    @property
    def region(self) -> str:
        """The region the bulletin reports on (广州市, 广东省 …): how 全市 is written in answers."""
        return self.box.tables.manifest.city or "全市"

    def _place_name(self, place: str) -> str:
        return self.region if place == CITY else place

    def __init__(self, box: Toolbox, lexicon: Lexicon) -> None:
        self.box = box
        self.lex = lexicon

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
        phrase = re.sub(r"(?:\d{4}年|\d{4})?\d{1,2}(?:-\d{1,2})?月份?|\d{2,4}年", "", phrase)  # dates name no subject
        phrase = re.sub(r"^(?:\d{4}年|\d{4}|年|月份?|今年|去年|的)+", "", phrase)  # 月: the rest of 7月 cut off above
        phrase = re.sub(r"(?:1|一|全|每)年", "", phrase)  # 生活垃圾一年产生多少吨: 一年 is how long, not a figure
        asked = re.match(r"(.*?)[了的]?(?:多少|几)(.+)$", phrase)
        if asked and measure.startswith(("多少", "几")):  # 医疗废物一共处置了多少吨 -> 医疗废物一共处置（以吨计）
            phrase = f"{asked.group(1)}（以{asked.group(2)}计）"
        place = self._place_name(q.places[0]) if q.places else ""
        return f"{place}{phrase}" if phrase else measure

    def _unreported_measure(self, q: Query) -> Answer:
        said = self._passage_answer(q)  # 断面达标率为91.7%: stated in the text under a name the lexicon lacks
        if said is not None and said.status == "answered" and any(m in fold(said.text) for m in q.measures):
            return said
        d = Draft("not_found")
        d.add(f"公报未给出{self._asked_subject(q)}的数值。")
        related = []
        for key in q.indicators[:3]:
            place = q.places[0] if q.places else CITY
            ev = self.box.lookup(key, place, q.year or self.lex.year) or self.box.lookup(key, CITY) or next(
                iter(self._described(key, CITY)), None)
            if ev:
                related.append(f"{self._place_name(ev.place)}{self._indicator(key).display}为{self._describe(d, ev)}")
        if related:
            d.add(f"公报给出的相关数据：{'；'.join(related)}。")
        return d.answer("not_found")

    def _described(self, key: str, place: str, year: int | None = None) -> list[Evidence]:
        """What the bulletin states of an indicator at a place: its value first, else its class, grade, group …"""
        return [ev for stat in DESCRIPTIVE_STATS for ev in self.box.facts_for(key, place, stat, year)]

    def _with_classes(self, key: str) -> str:
        """生态质量指数 has no classes, 生态质量类型 does: a class question goes to the sibling of the same topic."""
        if self.box.facts_for(key, stat="class"):
            return key
        return self._class_sibling(key) or key

    def _class_sibling(self, key: str, place: str | None = None) -> str | None:
        """Another indicator of key's topic that the bulletin gives classes for (at `place`, if given)."""
        if key not in self.lex.indicators:
            return None
        topic = self._indicator(key).topic
        return next((k for k, ind in self.lex.indicators.items() if k != key and ind.topic == topic
                     and self.box.facts_for(k, place, "class")), None)

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

    @staticmethod
    def _scope(q: Query) -> str:
        """The region outside Guangzhou a question names: 全国, 全省/广东省, 全球 …"""
        folded = fold(q.text)
        if re.search(r"全省|广东省|广东|省内", folded):
            return "全省"
        if re.search(r"全球|世界", folded):
            return "全球"
        return "全国"

    def _other_city(self, q: Query) -> Answer:
        d = Draft("not_found")
        d.add(f"本公报是《{self.box.tables.manifest.title}》，只报告{self.region}及其各区的数据，未给出{q.other_city}的情况。")
        self._add_city_figure(d, q.indicators[0] if q.indicators else None)
        return d.answer("not_found")

    def _add_city_figure(self, d: Draft, key: str | None, lead: str = "公报给出的") -> None:
        """What a not-found answer can still offer: the region's own figure for the indicator asked."""
        city = self.box.lookup(key, CITY) if key else None
        if city:
            d.add(f"{lead}{self.region}{self._indicator(key).display}为{self._describe(d, city)}。")

    def _outside_value(self, q: Query) -> Answer:
        """全国PM2.5平均浓度: a figure for a region the bulletin does not report on."""
        d = Draft("not_found")
        scope = self._scope(q)
        name = self._indicator(q.indicators[0]).display
        d.add(f"本公报只报告{self.region}及其各区的数据，未给出{scope}的{name}。")
        self._add_city_figure(d, q.indicators[0])
        return d.answer("not_found")

    def _topic_words(self, keys: set[str | None]) -> list[str]:
        """The loose words of the indicators' topics (空气 / 大气 for PM2.5): said with a figure of the topic, they
        name what the figure is part of, not something else."""
        topics = {self._indicator(k).topic for k in keys if k in self.lex.indicators}
        return [w for ind in self.lex.indicators.values() if ind.topic in topics for w in ind.weak]

    def _uncovered(self, rest: str, evidence: list[Evidence], key: str | None = None, any_: bool = False,
                   nouns: bool = False) -> list[str]:
        """The question's subject words (what no place, year, indicator or unit name accounts for) that the
        evidence does not mention, when they are most of them (or, with `any_`, when there is one): the
        evidence is then about something else. With `nouns`, only the nouns among them count."""
        asked = _asking_clauses(rest)
        words = {w for w in content_words(asked) if re.search(r"[\u4e00-\u9fff]", w) and not DIRECTION.search(w)
                 and not NOT_SUBJECT.search(w) and not RANK.search(w) and not COMPARE.search(w)
                 and w not in self.lex.words.get("relative_years", {})
                 and w not in self.lex.word_list("reported_speech")  # 听说 / 听讲: how the caller came to ask
                 and re.sub(r"[里中上]$", "", w) not in self.lex.word_list("speakers")  # 报告里说 / 稿子: who said it
                 and not any(self.lex.has(f"stat:{k}", w) for k in ("yoy", "vs2013", "target", "limit", "rank", "class"))}
        if nouns:  # and only those the bulletin uses somewhere: 村想 or 附近 name nothing it could be about
            # an organisation's name (亚洲开发银行) counts even when the bulletin never says it: it names who was asked about
            words = {w for w in words & noun_words(asked) if self.box.says_anywhere(w) or w in organisations(asked)}
        else:  # an adverb, pronoun or idiom the bulletin never uses (到底, 咋样, 马路上) is how it was said, not what
            manner = manner_words(asked)
            words = {w for w in words if w not in manner or self.box.says_anywhere(w)}
        if not words or not evidence:
            return []
        names = " ".join((key or "", *(self._indicator(key).aliases if key in self.lex.indicators else ()),
                          *self._topic_words({key})))
        shown = fold(" ".join(ev.text for ev in evidence) + " " + names)
        missing = sorted(w for w in words if not self._mentions(w, shown))
        return missing if (missing and any_) or len(missing) * 2 > len(words) else []

    def _other_kind(self, question: str, about: str, near: bool = True) -> tuple[str, str] | None:
        """(what was asked, what the text is about instead) when the question names one thing of a kind
        (subject_kinds in lexicon.yaml: 地下水, 夜间, 一般工业固体废物) and the text names only another of it."""
        asked_text, said_text = fold(question), fold(about)
        for group in self.lex.words.get("subject_kinds", ()):
            asked = [g for g in group if any(fold(w) in asked_text for w in g)]
            if len(asked) != 1:
                continue
            if any(fold(w) in said_text for w in asked[0]):
                if not near:
                    continue
                clash = self._said_of_another(asked_text, said_text, asked[0], [g for g in group if g is not asked[0]])
                if clash:
                    return clash
                continue
            other = next((w for g in group if g is not asked[0] for w in g if fold(w) in said_text), None)
            if other:
                said = next(w for w in asked[0] if fold(w) in asked_text)
                return said, other
        return None

    @staticmethod
    def _said_of_another(question: str, text: str, mine: list[str], others: list[list[str]]) -> tuple[str, str] | None:
        """夜间等效声级 asked; the text says 夜间 only of 达标率 and gives 等效声级 only with 昼间: what the question
        puts right after its word is, in every clause of the text that says it, said of another member."""
        import jieba

        word = next((fold(w) for w in mine if fold(w) in question), None)
        if word is None:
            return None
        tail = [t for t in jieba.lcut(question[question.find(word) + len(word):]) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", t)]
        if not tail or tail[0] in ("平均", "是多少", "多少"):
            return None
        head = tail[0]
        clauses = [c for c in re.split(r"[，,；;。]", text) if head in c]
        if not clauses or any(word in c for c in clauses):
            return None
        other = next((fold(w) for g in others for w in g if all(fold(w) in c for c in clauses)), None)
        return (word + head, other + head) if other else None

    def _right_after(self, text: str, word: str, kinds: tuple[str, ...]) -> bool:
        """The word is written right after a name of these lexicon kinds (PM2.5情况, …美丽单元项目)."""
        folded = fold(text)
        return any(folded.startswith(word, m.end) for kind in kinds for m in self.lex.find(kind, folded))

    def _mentions(self, word: str, folded_text: str) -> bool:
        """The word, or one of its synonyms (subject_synonyms in lexicon.yaml), is in the text."""
        synonyms = self.lex.words.get("subject_synonyms", {})
        return word in folded_text or any(fold(s) in folded_text for s in synonyms.get(word, ()))

    def _want_high(self, q: Query, key: str) -> bool:
        literal_high = re.search(r"最高|较高|最大|最多|偏高|更高|高一些|高一点|比较高|highest|most", q.text)
        literal_low = re.search(r"最低|较低|最小|最少|偏低|更低|低一些|低一点|比较低|lowest|least", q.text)
        if literal_high or literal_low:
            return bool(literal_high)
        better = self._indicator(key).better or "lower"
        side = self._rank_side(q)
        best = side == "best" if side else bool(q.best and not q.worst)
        return (better == "higher") == best

    def _rank_side(self, q: Query) -> str | None:
        """排名前三 / top 3 / 名列前茅 ask for the best; 后三 / 倒数第一 / 垫底 / 最后两位 / bottom 2 for the
        worst (rank_* in lexicon.yaml; 前, 后, 最后 and 倒数 count only before a number, 几 or 名)."""
        folded = fold(q.text)
        count = r"\s*(?:第)?\s*(?:[一二两三四五六七八九十\d]|几)(?!\s*[个件点条]?\s*(?:问题|事|问|想))|\s*名"  # not 最后一个问题
        for side in ("worst", "best"):
            if any(w in folded for w in self.lex.word_list(f"rank_{side}")) or re.search(
                    rf"(?:{self.lex.word_pattern(f'rank_{side}_before_count')})(?:{count})", folded):
                return side
        return None
