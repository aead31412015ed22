"""Paragraphs and tables -> typed facts, each with the exact sentence or table row it came from.

Prose: a sentence is read clause by clause; the indicator (a lexicon name) and the place named last carry
over to the next clause, so "PM2.5平均值为21微克/立方米（省考目标23.9微克/立方米），同比下降8.7%" gives a value,
a target and a change for PM2.5. The words just before a figure say which statistic it is (目标, 同比, 比2013年,
限值, 连续…年); a figure whose unit cannot belong to the indicator (6项 after a list of pollutants) is dropped.

Tables: the column of names is the places (or the header row is, and the table is turned round); each other
column is an indicator (a lexicon name, or a generic indicator under the header's own words), its unit from
the header or from the table's 单位：… line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..answer import _NAMES
from ..lexicon import CN_DIGITS, FALL_WORDS, RISE_WORDS, Lexicon, fold, share_of_part
from .read import Table
from .structure import Block

UNITS = ("微克/立方米", "毫克/立方米", "毫克/升", "个/平方千米", "千克/平方千米", "平方千米", "个百分点", "百分点", "%",
         "分贝", "万吨/日", "万吨/年", "多吨/年", "吨/日", "吨/年", "亿吨", "万吨", "吨", "公顷", "万亩", "亩", "亿元", "万元",
         "余条", "余个", "余家", "多个", "多家", "多条", "天", "家", "个", "条", "座", "项", "处", "辆", "类", "年", "次")
GROUP_OF = re.compile(r"\s*等\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:个|座|家|市|地|区|县)")  # 等4个重点城市, 等9市
UNIT = re.compile(r"\s*(" + "|".join(re.escape(u) for u in UNITS) + r")?")
NUMBER = re.compile(r"(?<![\dA-Za-z.／/])(\d{1,8}(?:\.\d{1,6})?)(?![\d.]*\d{9})")
# a sentence states figures only if it has a predicate; a legend or a table spilt into the text has none
PREDICATE = re.compile(r"为|是|达|占|比|下降|上升|增加|减少|持平|保持|约|共|有|超过|低于|高于|实现|完成|累计|分别|增至|降至|提升|降低")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*年|(?=\s*[-—–~至到]\s*(?:19|20)\d\d))")
MASKS = re.compile(r"(?:19|20)\d\d\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|(?<![\d.])0\d(?=[\u4e00-\u9fff])|(?<![\d.])\d{1,2}\s*[.．、](?=\s*[\u4e00-\u9fff])|(?<!\d)(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)\d\d\s*年?|(?<!\d)(?:19|20)\d\d\s*年|图\s*\d+|表\s*\d+|"
                   r"[“\"]\d+[”\"]|第\s*\d+\s*[届批次期号条]|\d+\s*[月日号时]|〔\d+〕\s*\d+\s*号|\d+\+\d+|[A-Za-z]+\d+[A-Za-z\d]*")
CLAUSE = re.compile(r"[^，,；;。！？]+")
UP = re.compile(RISE_WORDS)
DOWN = re.compile(FALL_WORDS)
CLASS = re.compile(r"(?:为|属于|符合|达到|是)\s*((?:第)?(?:[一二三四五]|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|劣Ⅴ)类(?:标准)?)")
TROPHIC = re.compile(r"(?:为|属于?|是|呈)\s*((?:贫|中|轻度富|中度富|重度富)营养)")
# what follows a section's name in a clause that gives its class (folded): 断面水质为iii类, 水质类别为ii类, 为劣v类
SITE_CLASS = re.compile(r"\s*(?:断面|水库|湖)?\s*(?:总体)?(?:水质)?(?:类别)?\s*(?:为|是|属于|属)\s*(劣?(?:iv|v|i{1,3})类)(?![\u4e00-\u9fff]*目标)")
GRADE = re.compile(r"(?<!未)达到(?:国家)?(?:环境空气质量)?([一二])级标准")
PLACE_WORDS = re.compile(r"^(?:区|县|区县|县区|行政区|地区|城市|地市|城市名称|市|站点|监测点|测点|点位|断面|名称|单位|序号|地点)$")


CLASS_ITEM = re.compile(r"\s*(?:其中)?\s*(劣)?(v|iv|iii|ii|i)类(?:水质)?(?:断面)?\s*(?:有|为|共)?\s*\d")  # folded: Ⅱ类13个
CLASS_FAMILY = re.compile(r"^(?:劣)?[ⅠⅡⅢⅣⅤ]+类(?:及以下)?水质断面(?:比例|数量)$")
# 9个国考断面中， / 1-7月，11个省考断面中，: a part of the monitored things, not the region's figures. 全市36个国考断面中
# is all of the region's: kept
SUBSET = re.compile(r"^(?:[^，,。；;]{0,12}[，,]\s*)?(?:在)?(\d+)\s*个((?:(?!区|县|市|城市|地市|州|盟|旗|乡镇|街道)[^，,。；;、\d]){1,12}?)(?:之中|当中|中)[，,]")


@dataclass
class Extracted:
    facts: list[dict] = field(default_factory=list)
    standards: list[dict] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def period_named(text: str, year: int) -> str:
    """1-5月 / 2024年1-5月 -> 2024-01~05; 5月 / 5月份 -> 2024-05; nothing -> ""."""
    m = re.search(r"(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月", text)
    if m and 1 <= int(m.group(2)) < int(m.group(3)) <= 12:
        return f"{m.group(1) or year}-{int(m.group(2)):02d}~{int(m.group(3)):02d}"
    m = re.search(r"(?:((?:19|20)\d\d)\s*年\s*)?(?<![\d.\-a-zA-Z])(\d{1,2})\s*月(?:份)?(?!\s*[-—–~至到]|均)", text)  # not PM2.5月均
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1) or year}-{int(m.group(2)):02d}"
    return ""


def _unit_at(folded: str, at: int, lex: Lexicon) -> str:
    """The unit written right after a figure, as the lexicon names it: 18μg/m³ and 18微克/立方米 are both
    微克/立方米, 0.8mg/m³ is 毫克/立方米 (a one-character spelling such as 日 is no unit here: 11日 is a date)."""
    unit = UNIT.match(folded, at).group(1)
    if unit:
        return unit
    rest = folded[at:].lstrip()
    return next((k for a, k in lex.unit_spellings if rest.startswith(a)), "")


def _unit_kind(unit: str) -> str:
    if unit in ("微克/立方米", "毫克/立方米", "毫克/升"):
        return "concentration"
    if unit in ("%", "个百分点", "百分点"):
        return "share"
    if unit == "天":
        return "days"
    if unit in ("分贝",):
        return "sound"
    if unit in ("年",):
        return "years"
    if re.search(r"/[日年]$", unit):
        return "capacity"
    return "other" if unit else ""


def _expected_kind(lex: Lexicon, key: str) -> str:
    """What kind of figure an indicator's name promises (a pollutant: a concentration; …率: a share)."""
    ind = lex.indicators.get(key)
    if ind is not None and ind.pollutant:
        return "concentration"
    if re.search(r"浓度$|总氮$|无机氮$", key):
        return "concentration"
    if re.search(r"率$|比例$|占比$|比率$|频率$", key):
        return "share"
    if key.endswith(("天数", "天气")):  # 重污染天气: counted in days
        return "days"
    if key.endswith("声级"):
        return "sound"
    if key.endswith("年数"):
        return "years"
    if key.endswith("指数") or key.endswith("pH值"):
        return "index"
    if key.endswith("能力"):
        return "capacity"
    if re.search(r"类型$|类别$|等级$", key):
        return "class"
    if COUNT_NAME.search(key):
        return "count"
    return ""


def _fits(lex: Lexicon, key: str, unit: str, stat: str) -> bool:
    """Whether a figure with this unit can be this statistic of this indicator (6项 is no PM2.5 concentration)."""
    want, have = _expected_kind(lex, key), _unit_kind(unit)
    if stat == "streak":
        return have == "years"
    if stat in ("yoy", "vs2013"):
        if have == "years" or (have == "days") != (want == "days"):
            return False
        return unit not in ("个百分点", "百分点") or want in ("share", "")
    if want == "index":
        return have == ""
    if want == "class" or not have:
        return False  # a bare number is a rank, a count of something else, a page: never a value by guessing
    if unit in COUNT_UNITS:
        return want == "count"
    if want == "capacity" or have == "capacity":
        return want == have
    return not want or want == have


class PlaceFinder:
    """The document's places: names from the gazetteer and the document's own tables, with short forms."""

    def __init__(self, places: dict[str, tuple[str, ...]], units: set[str] | frozenset[str] = frozenset()) -> None:
        """`units`: the region's own subdivisions (a city's districts, a province's cities), which 其余N个 counts."""
        self.units = frozenset(units)
        pairs = sorted(((a, k) for k, aliases in places.items() for a in (k, *aliases)), key=lambda p: -len(p[0]))
        self.pattern = re.compile("|".join(re.escape(a) for a, _ in pairs)) if pairs else None
        self.canonical = {a: k for a, k in pairs}

    def find(self, text: str) -> list[tuple[str, int, int]]:
        if self.pattern is None:
            return []
        return [(self.canonical[m.group()], m.start(), m.end()) for m in self.pattern.finditer(text)]


def extract(blocks: list[Block], lex: Lexicon, places: PlaceFinder, year: int, region: str = "全市",
            periodic: bool = False) -> Extracted:
    """`periodic`: a monthly or cumulative report, whose sentences and sections may speak of the month itself
    or of the months so far (5月… / 1-5月累计…); each fact then records which (its `period`)."""
    out = Extracted()
    context = "\n".join(b.text for b in blocks if b.kind == "text")  # what the text says of the tables (排名依据…)
    for block in blocks:
        section = " › ".join(block.section) or "正文"
        in_section = period_named(" ".join(block.section[-1:]), year) if periodic else ""
        if block.kind == "text":
            current = in_section  # 2024年1-9月，…。PM2.5累计平均浓度为…: a period said goes on to the paragraph's next sentences
            for sentence in re.findall(r"[^。！？]+[。！？]?", block.text):
                sentence = _prose_tail(sentence.strip())
                if sentence:
                    start = len(out.facts)
                    _sentence_facts(sentence, section, lex, places, year, region, out)
                    said = period_named(sentence[:14], year) if periodic else ""
                    if said.startswith(str(year)):
                        current = said
                    for fact in out.facts[start:]:
                        fact["period"] = said or current
        elif block.kind == "table" and block.table is not None:
            start = len(out.facts)
            _table_facts(block.table, section, lex, places, year, region, out, context)
            said = period_named(block.table.caption, year) if periodic else ""
            for fact in out.facts[start:]:
                fact["period"] = said or in_section
    for n, fact in enumerate(out.facts, start=1):
        fact["id"] = f"a{n:04d}"
    return out


# -- prose ------------------------------------------------------------------------------------------
def _masked(text: str) -> str:
    """Digits that are not figures (years, 图13, PM2.5, GB 3095-2012, 9月, 第136届) blanked, length kept."""
    text = _NAMES.sub(lambda m: " " * len(m.group()), text)
    return MASKS.sub(lambda m: " " * len(m.group()), text)


def _sentence_facts(sentence: str, section: str, lex: Lexicon, places: PlaceFinder, year: int, region: str,
                    out: Extracted) -> None:
    folded = fold(sentence)  # every position below is in the folded text (Ⅲ -> iii changes the length)
    masked = _masked(folded)
    legend = len(re.findall(r"[区县市]\s*\d", masked)) >= 2 and not PREDICATE.search(folded)
    if legend or len(re.findall(r"\d+(?:\.\d+)?", masked)) > max(8, len(folded) // 6):
        return  # a legend (天河区、黄埔区0.8海珠区…) or a spilt table is not prose: never paired by guessing
    key: str | None = None
    status_named: list[str] = []  # the subdivisions the sentence has said 超标/达标 of, in order
    subset = SUBSET.match(folded)
    here: list[str] = [] if subset else [region]  # 9个国考断面中，…为88.9%: that subset's figures, never the region's
    if subset:
        out.review.append(f"“{sentence}”：所述为{subset.group(1)}个{subset.group(2)}的数据，未作{region}的数据收录。")
    earlier: list[str] = []  # the indicators the sentence has named so far, in order
    prev_clause = ""
    said_none = False
    for clause in CLAUSE.finditer(folded):
        start, end = clause.span()
        text = folded[start:end]
        key = None if said_none else key
        mentions = _indicators_around_brackets(lex, text)
        item = CLASS_ITEM.match(text)
        family = f"{item.group(1) or ''}{_roman(item.group(2) + '类')}水质断面比例" if item else None
        if family not in lex.indicators or not (key and CLASS_FAMILY.search(key)):
            family = None  # Ⅰ类水质断面3个，占15.0%；Ⅱ类13个，占65.0%；Ⅳ类1个: the list's next class, that class alone
        else:
            key, mentions = family, []
        found = places.find(text)
        named = list(dict.fromkeys(p for p, _, _ in found))
        if any(GROUP_OF.match(text, e) for _, _, e in found):
            here = []  # 甘南州等4个城市的平均: a group the place heads, none of its places alone (nor the region)
        elif named:
            here = named
        if not here:
            continue
        figures = list(NUMBER.finditer(masked, start, end))
        respectively = "分别" in text or (len(figures) == len(here) > 1)
        last = start
        for n, m in enumerate(figures):
            before = folded[last: m.start()]
            unit = _unit_at(folded, m.end(), lex)
            if not unit and respectively and figures:  # 分别为2.28、2.39和2.62毫克/升: the list shares one unit
                unit = _unit_at(folded, figures[-1].end(), lex)
            before_key = key
            key = family or _indicator_for(lex, folded, start, m, unit, mentions, key)
            if not mentions and re.match(r"\s*(?:断面|累计|当月|本月)*达标率", text) and "水质目标" in folded[:start] \
                    and "断面水质达标率" in lex.indicators:
                key = "断面水质达标率"  # …7个断面达到水质目标，达标率为87.5%: the sections' rate against their targets
            elif re.match(r"\s*(?:累计)?水质达标率", text) and "断面" in folded[:start] and "断面水质达标率" in lex.indicators \
                    and not re.search(r"饮用水|水源|取水", folded):
                key = "断面水质达标率"  # …断面比例为79.2%…；水质达标率为91.7%: said of the sections, not of drinking water
            part = share_of_part(lex, folded[start: m.start()], [*earlier, *(x.key for x in mentions)])
            if part:  # 海滩垃圾主要类型为…聚苯乙烯泡沫塑料类（占比21.3%）: the share of that part of the topic
                key = part
            said = [x for x in mentions if start + x.end <= m.start()]  # the indicators named before the figure
            direct = key != before_key or bool(said)
            qualified = bool(said) and bool(re.search(r"\d+\s*个", folded[start: start + said[-1].start]))
            value = float(m.group(1))
            lead = folded[start: m.start()]
            if re.match(r"\s*为", text) and n == 0 and prev_clause:  # 其中天桥区降幅最大，为15.0%: the clause goes on
                lead, before = prev_clause + "，" + lead, prev_clause + "，" + before
            if re.search(r"与(?:去年|上年)同期相比|与上年相比|同比", folded[:start]) and not re.search(r"同比|相比", lead):
                lead = "同比" + lead  # 与去年同期相比，…，钢城区不降反升，上升2.9%: the sentence's comparison holds
            stat, sign, base = _stat(lead, before, unit)
            if stat is None and base == year - 1:
                stat = "yoy"  # 比2023年降低0.5分贝 in the 2024 bulletin is the change on the year before
            if re.search(r"从\s*$", before) and re.match(r"\s*[^，,；;。]{0,4}(增至|降至|提高到|下降到|上升到|增加到|减少到|减少为|增加为|降低到|提升至|提高至|上升至|下降至)",
                                                        folded[m.end() + len(unit):]):
                stat = None  # 从51.0%增至74.2%: the starting figure belongs to an earlier year the clause does not name
            if re.match(r"\s*(?:" + "|".join(map(re.escape, UNITS)) + r")?\s*(以上|以下|以内|之间|左右)", folded[m.end():]) or \
                    re.search(r"(在|超过|低于|高于|不足|不到|大于|小于)\s*$", before) and not re.search(r"为\s*$", before):
                stat = None  # 优良天数比率在90%以上的城市: a threshold, not any place's figure
            elif re.match(r"\s*(?:" + "|".join(map(re.escape, UNITS)) + r")?\s*[～~至到-]\s*\d", folded[m.end():]) or \
                    re.search(r"\d\s*(?:" + "|".join(map(re.escape, UNITS)) + r")?\s*[～~至到-]\s*$", folded[start: m.start()]):
                stat = None  # 在24～31微克/立方米之间: a range, not a figure of any one place
            fact_year = _year_of(folded, start, m.start(), year) if stat == "value" else year
            if stat == "previous":  # 较上年同期（32微克/立方米）: the same indicator a year earlier
                stat, fact_year = "value", (base or year - 1)
            if stat == "value" and unit in ("个百分点", "百分点"):
                stat = None  # 高于目标（90.0%）0.7个百分点: points are a difference from something, never a value
            last = m.end()
            if key is None or stat is None:
                continue
            if stat == "limit":
                out.standards.append({"indicator": key, "grade": _grade_named(text) or "", "limit": value,
                                      "unit": unit, "basis": "公报所述", "section": section, "source": sentence})
                continue
            counted = lex.count_of(key)
            if unit in COUNT_UNITS and counted is not None:
                key = counted.key  # Ⅳ类水质断面2个，占20.0%: the count is the share's sibling
            if not _fits(lex, key, unit, stat):
                # 优良天数28天，比率90.3%，同比增加3天: the days belong to the indicator counted in days
                key_fit = next((k for k in reversed(earlier) if _fits(lex, k, unit, stat)), None)
                if key_fit is None or stat not in ("yoy", "vs2013"):
                    continue
                key = key_fit
            after_place = any(e == m.start() - start - 1 for _, _, e in found) and folded[m.start() - 1] in "（("
            if stat == "value" and not unit and not re.search(r"(为|是|达|约|：|:)\s*$", before) and not (after_place and respectively):
                continue  # a figure with no unit must be stated (指数为3.04), not merely printed nearby; 留坝县（2.86）、… is
            if stat in ("yoy", "vs2013"):
                value = -value if sign < 0 else value
                unit = "百分点" if unit in ("个百分点", "百分点") else unit
            targets = [here[n]] if respectively and len(figures) == len(here) else here
            for place in targets:
                out.facts.append({**_fact(key, place, fact_year, stat, value, unit, "", section, sentence), "_direct": direct,
                                  "_qualified": qualified})  # 全市15个农村…村庄空气质量优良天数比率: of a counted part
        none = re.match(r"\s*(?:其中)?\s*(?:无|没有|未出现|不存在)\s*", text)
        named_none = next((x for x in mentions if none and x.start == none.end()), None) if not figures else None
        counted = lex.count_of(named_none.key) if named_none else None
        if counted is not None:  # 无劣Ⅴ类水质断面: none of them, 0个 and 0%
            for place in here:
                out.facts.append({**_fact(counted.key, place, year, "value", 0.0, "个", "", section, sentence), "_direct": True})
                out.facts.append({**_fact(named_none.key, place, year, "value", 0.0, "%", "", section, sentence), "_direct": True})
        prev_clause = text if not figures else ""
        said_none = bool(none and not figures)  # 无Ⅴ类和劣Ⅴ类水质断面；水质优良…: not the next clause's subject
        if family:
            key = family
            earlier.append(family)
        if mentions:
            key = max(mentions, key=lambda x: x.end).key
            earlier.extend(m.key for m in sorted(mentions, key=lambda x: x.start))
        site_class = SITE_CLASS.match(text, next((e for _, _, e in found), 0)) if found and not figures else None
        if site_class and all(p not in places.units and p != region for p in named) and "水质类别" in lex.indicators:
            # 武江桥断面水质为Ⅲ类: a section's (or a reservoir's) class, the one it has now
            for place in named:
                out.facts.append(_fact("水质类别", place, year, "class", None, "", _roman(site_class.group(1)), section, sentence))
            continue
        if not key:
            continue
        for g in GRADE.finditer(text):
            for place in here:
                out.facts.append(_fact(key, place, year, "grade", None, "", f"{g.group(1)}级", section, sentence))
        for c in CLASS.finditer(text):
            if not figures:
                for place in here:
                    out.facts.append(_fact(key, place, year, "class", None, "", _roman(c.group(1)), section, sentence))
        for c in TROPHIC.finditer(text):  # …指数为48.6，营养状态为中营养: the state the index puts it in
            if not figures and _expected_kind(lex, key) == "index":
                for place in here:
                    out.facts.append(_fact(key, place, year, "class", None, "", c.group(1), section, sentence))
        if re.search(r"同比持平|与上年持平|与(?:19|20)\d\d年持平|较上年持平|与(?:去年|上年)同期持平|较(?:去年|上年)同期持平", text):
            for place in here:
                out.facts.append(_fact(key, place, year, "yoy", 0.0, "%", "同比持平", section, sentence))
        _status_of_the_rest(text, key, named, places, status_named, year, section, sentence, out)
        group = re.search(r"(?:排名)?([前后])([一二三四五六七八九十\d])(?:位|名)(?:的[^，,；;。\d]{0,6}?)?(?:依次)?(?:为|是)", text)
        if group and named:
            label = f"排名{group.group(1)}{group.group(2)}位"
            for place in named:
                out.facts.append(_fact(key, place, year, "group", None, "", label, section, sentence))
            if group.group(1) == "前" and "依次" in group.group() and len(named) == _count(group.group(2)):
                for n, place in enumerate(named, start=1):  # 排名前三位的依次为平武县、北川县、盐亭县: 1st, 2nd, 3rd
                    out.facts.append(_fact(key, place, year, "rank", float(n), "名", "", section, sentence))


def _count(said: str) -> int:
    """12 / 十二 / 三 -> the number (0 when it is none)."""
    if said.isdigit():
        return int(said)
    tens, _, ones = said.partition("十")
    return (CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)) if "十" in said else CN_DIGITS.get(said, 0)


STATUS = re.compile(r"(未达标|不达标|超标|达标)")
THE_REST = re.compile(r"其[余他]\s*(\d+|[一二三四五六七八九十]+)\s*个\s*(?:行政区|区|县|区县|地市|城市|市)?\s*(?:均|都|全部)?\s*(未达标|不达标|超标|达标)")


def _status_of_the_rest(text: str, key: str, named: list[str], places: PlaceFinder, said: list[str], year: int,
                        section: str, sentence: str, out: Extracted) -> None:
    """南沙区超标，其余10个行政区达标: each subdivision named gets its status, and the rest get theirs when the
    count leaves no doubt (named + N = all the region's subdivisions). A count that does not add up is reviewed."""
    rest = THE_REST.search(text)
    # 南沙区超标 / 白云区、花都区均达标: a clause that is the places and their status, nothing else (not 除…外,
    # not 接近超标)
    status = re.fullmatch(r"\s*[^，,]{2,24}?(?:均|都|仍|已)?(未达标|不达标|超标|达标)\s*(?:[（(][^）)]*[）)])?\s*", text)
    units = [p for p in named if p in places.units]
    if status and units and not rest and not NUMBER.search(_masked(text)) and not re.search(r"除|以外|之外|接近|可能|风险|防止|避免|是否", text):
        for place in units:
            out.facts.append(_fact(key, place, year, "grade", None, "", status.group(1), section, sentence))
            said.append(place)
    if rest and said and places.units:
        n = _count(rest.group(1))
        others = sorted(places.units - set(said))
        if len(others) != n:
            out.review.append(f"“{sentence}”：其余{rest.group(1)}个与文中地名数（{len(others)}）对不上，未逐个配对。")
            return
        for place in others:
            out.facts.append(_fact(key, place, year, "grade", None, "", f"{rest.group(2)}（据“{rest.group(0)}”）", section, sentence))


def _indicators_around_brackets(lex: Lexicon, text: str) -> list:
    """The indicators a clause names, also where a bracketed note splits the name (水质优良（达到或优于Ⅲ类）断面比例为
    75.0%: 水质优良断面比例); positions are the clause's own."""
    found = lex.find("indicator", text)
    keep = [i for i, _ in enumerate(text)]
    for m in reversed(list(re.finditer(r"[（(][^（）()]{1,20}[）)]", text))):
        del keep[m.start(): m.end()]
    if len(keep) == len(text):
        return found
    plain = "".join(text[i] for i in keep)
    taken = [(x.start, x.end) for x in found]
    for x in lex.find("indicator", plain):
        start, end = keep[x.start], keep[x.end - 1] + 1
        if end - start > x.end - x.start and not any(start < e and s < end for s, e in taken):
            found.append(dataclasses.replace(x, start=start, end=end))  # only names the note split
    return sorted(found, key=lambda x: x.start)


COUNT_UNITS = ("个", "条", "家", "座", "项", "处", "辆", "多个", "余个", "余家", "多家", "多条", "余条")
COUNT_NAME = re.compile(r"数量|个数|单位$|网点$|站点$|项目$|案例|措施$|方法学$|企业")


def _count_names(lex: Lexicon) -> list[tuple[str, str]]:
    """(indicator, folded name) for the indicators that count things (…数量, …单位, …网点)."""
    return [(k, fold(a)) for k, ind in lex.indicators.items() if COUNT_NAME.search(k) for a in (k, *ind.aliases)]


SPILL = re.compile(r"(?:(?<![\d.])[-+↑↓]?\d+(?:\.\d+)?(?![\d])%?[\u4e00-\u9fff/]{0,4}\s*){6,}")


def _prose_tail(sentence: str) -> str:
    """A table spilt into the text before a sentence (排名行政区…12345…2.95982.9728…2024年，按照…): the
    sentence proper is what follows the last run of five or more figures."""
    if len(re.findall(r"\d+(?:\.\d+)?", sentence)) < 12:
        return sentence
    runs = list(SPILL.finditer(sentence))
    return sentence[runs[-1].end():].strip() if runs else sentence




def _roman(text: str) -> str:
    """Write the Roman numerals fold() spelled out back as the bulletin prints them (iii类 -> Ⅲ类)."""
    return re.sub(r"(劣)?(iv|v|iii|ii|i)(?=类)", lambda m: (m.group(1) or "") + {
        "i": "Ⅰ", "ii": "Ⅱ", "iii": "Ⅲ", "iv": "Ⅳ", "v": "Ⅴ"}[m.group(2)], text)


def _indicator_for(lex: Lexicon, folded: str, start: int, m: re.Match, unit: str, mentions: list, key: str | None) -> str | None:
    """The indicator a figure belongs to: named after it (52个监测点, 500条一级支流) when the figure counts
    something, else the one named last before it in the clause (达标344天 counts as 达标天), else the carried one."""
    if unit in COUNT_UNITS:
        window = folded[m.end(): m.end() + len(unit) + 14]
        counted = [(len(a), k) for k, a in _count_names(lex) if a in window[: len(unit) + 6 + len(a)]]
        if counted:  # 52个市控以上监测点 -> 监测点数量, not the 测点空气质量 named by the same words
            return max(counted)[1]
    probe = _indicators_around_brackets(lex, folded[start: m.start()] + unit)
    if probe:
        return max(probe, key=lambda x: (x.end, x.end - x.start)).key
    return key


def _stat(clause_before: str, before: str, unit: str) -> tuple[str | None, int, int]:
    """(statistic, sign, base year) of a figure, from the words just before it in its clause."""
    sign = -1 if DOWN.search(before) and not UP.search(before[-4:]) else (1 if UP.search(before) else 0)
    if not sign and re.search(r"降幅|下降幅度|降低幅度", before):
        sign = -1  # 天桥区降幅最大，为15.0%
    elif not sign and re.search(r"升幅|增幅|上升幅度", before):
        sign = 1
    if re.search(r"(限值|标准值?)\s*[（(：:为是]?\s*$", before):
        return "limit", 0, 0
    if re.search(r"(上年同期|去年同期|上年|去年)\s*[（(：:为是]?\s*$", before):
        return "previous", 0, 0
    earlier = re.search(r"((?:19|20)\d\d)\s*年\s*同期\s*[（(：:为是]?\s*$", before)
    if earlier:  # （2023年同期为30微克/立方米）: the same indicator and months of that year
        return "previous", 0, int(earlier.group(1))
    if re.search(r"目标\s*[：:为是（(]?\s*$", before):  # 高于省考目标（90.0%）
        return "target", 0, 0
    if re.search(r"连续\s*$", before) and unit == "年":
        return "streak", 0, 0
    base = re.search(r"(?:比|较|与)\s*((?:19|20)\d\d)\s*年", clause_before)
    if base and sign:
        return ("vs2013" if base.group(1) == "2013" else None), sign, int(base.group(1))
    if re.search(r"同比|比上年|较上年|比去年|与上年相比", clause_before) and sign:
        return "yoy", sign, 0
    if sign and re.search(r"(上升|增加|提高|提升|下降|降低|减少)\s*$", before):
        return None, sign, 0  # a change against something not stated: not a figure we can type
    return "value", 0, 0


def _year_of(sentence: str, clause_start: int, at: int, default: int) -> int:
    """The year a stated value is for: a year named earlier in its clause (2021年…为51%), else the year the
    sentence opens with (2023年，…), else the bulletin's year. A year compared against (比2013年, 与2023年持平)
    or one end of a range (2013-2024年) is not it."""
    def plain(m: re.Match, text: str) -> bool:
        return not re.search(r"(比|较|与|和|同|自|从|至|到|[-—–~])\s*$", text[: m.start()]) and \
            not re.match(r"\s*[-—–~至到起以]", text[m.end():])

    clause = sentence[clause_start:at]
    named = [int(m.group(1)) for m in YEAR.finditer(clause) if plain(m, clause)]
    if named:
        return named[-1]
    opening = re.match(r"\s*((?:19|20)\d\d)\s*年\s*[，,]?", sentence)
    if opening and plain(opening, sentence) and opening.end() <= at:
        return int(opening.group(1))
    return default


def _grade_named(text: str) -> str:
    """二级 / 一、二级 (written as 一级、二级, the way the standards table names both grades)."""
    m = re.search(r"([一二])(?:、([一二]))?级", text)
    if not m:
        return ""
    return f"{m.group(1)}级、{m.group(2)}级" if m.group(2) else f"{m.group(1)}级"


def _fact(key: str, place: str, year: int, stat: str, value: float | None, unit: str, text_value: str,
          section: str, source: str, locator: str = "正文", row_label: str = "", note: str = "") -> dict:
    return {"id": "", "indicator": key, "place": place, "year": year, "stat": stat,
            "value": "" if value is None else _num(value), "unit": unit, "text_value": text_value,
            "section": section, "locator": locator, "source": source, "row_label": row_label, "note": note}


def _num(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# -- tables -----------------------------------------------------------------------------------------
UNIT_IN_HEADER = re.compile(r"[（(]\s*([^（）()]*?)\s*[）)]\s*$")


def _table_units(unit_line: str) -> tuple[str, dict[str, str]]:
    """单位：微克/立方米（一氧化碳:毫克/立方米，综合指数无量纲） -> default unit and per-column exceptions."""
    body = re.sub(r"^单位\s*[:：]\s*", "", unit_line or "").strip()
    if not body:
        return "", {}
    m = re.match(r"([^（(]*)[（(](.*)[）)]\s*$", body)
    default, extra = (m.group(1).strip(), m.group(2)) if m else (body, "")
    if not m and re.search(r"[；;，,]", body) and re.search(r"为|[:：]|无量纲", body):
        default, extra = "", body  # 优良天数比率为%；PM2.5、PM10为微克/立方米；综合指数无量纲: each column named
    exceptions: dict[str, str] = {}
    parts = []
    for part in re.split(r"[，,；;]", extra):  # 、 parts each with their own unit, or names sharing one (PM2.5、PM10为…)
        pieces = part.split("、")
        parts += pieces if len(pieces) > 1 and all(re.search(r"为|[:：]|无量纲", x) for x in pieces) else [part]
    for part in parts:
        names, _, unit = part.partition("为") if "为" in part else (part, "", "")
        if "无量纲" not in part and "、" in names and unit:  # PM2.5、PM10为微克/立方米: both columns
            for name in names.split("、"):
                exceptions[name.strip()] = unit.strip()
            continue
        part = part.strip()
        if not part:
            continue
        if "无量纲" in part:
            exceptions[part.replace("无量纲", "").strip(" 为:：")] = ""
        elif re.search(r"[:：为]", part):
            name, unit = re.split(r"\s*[:：为]\s*", part, maxsplit=1)
            exceptions[name.strip()] = unit.strip()
    return default, exceptions


def _column(lex: Lexicon, header: str) -> tuple[str, str | None, str]:
    """(indicator, unit stated in the header, statistic) for a column header."""
    unit = None
    m = UNIT_IN_HEADER.search(header)
    name = header
    if m and (m.group(1) in UNITS or "/" in m.group(1) or m.group(1) in ("无量纲", "%")):
        unit = "" if m.group(1) == "无量纲" else m.group(1)
        name = header[: m.start()].strip()
    stat = "value"
    if re.search(r"排名|名次", name):
        stat = "rank"
    elif re.search(r"同比|变化|变幅|增幅|降幅", name):
        stat = "yoy"
    elif re.search(r"目标", name):
        stat = "target"
    core = re.sub(r"排名|名次|同比|变化(率|幅度)?|变幅|增幅|降幅|目标值?|年均值|平均值|年均|浓度值", "", name) or name
    # O3-8h第90百分位浓度 / 臭氧日最大8小时滑动平均值第90百分位 / CO日均值第95百分位: the pollutant, by its statistic
    for name in dict.fromkeys((core, re.sub(r"(?:日最大)?8\s*小时(?:滑动)?平均(?:值)?|[-—–]?\s*8\s*h|第\s*9[05]\s*百分位(?:数|浓度)?|日均值|浓度$",
                                            "", core) or core)):
        hits = lex.find("indicator", name)
        exact = [h for h in hits if h.end - h.start >= len(fold(name)) - 2]
        if (exact or hits) and len(fold(name)) <= 12:
            return (exact or hits)[0].key, unit, stat
    return core, unit, stat  # a name the lexicon lacks (负离子浓度) is kept as written


def _is_place(name: str, places: PlaceFinder) -> bool:
    found = places.find(name)
    return bool(found) and found[0][2] - found[0][1] >= len(name) - 1


# 类 may be left out of a class column's cells (水质类别 | Ⅲ), but only for Roman numerals
CLASS_CELL = re.compile(r"(?:劣)?(?:[一二三四五]|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|I{1,3}|IV|V)类|(?:劣)?(?:Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|I{1,3}|IV|V)")
EARLIER_COLUMN = re.compile(r"^\s*(?:上年|去年|上一年)(?:同期)?")  # 上年同期水质类别: the year before's


MET_CELL = re.compile(r"是|否|达标|未达标|不达标|超标")
WATER_BODY = re.compile(r"所在水体|所在河流|河流(?:名称)?|水体(?:名称)?|所属水体|所属河流|流域")
EMPTY_CELLS = ("", "-", "—", "/", "--")  # a cell that states nothing


def _class_text(cell: str) -> str:
    """Ⅲ -> Ⅲ类 (a class column's bare numeral, written as the bulletin writes a class)."""
    cell = cell.strip()
    return cell if cell.endswith("类") or not CLASS_CELL.fullmatch(cell) else cell + "类"


def _mostly(rows: list[list[str]], col: int, pattern: re.Pattern) -> bool:
    """Whether a column's non-empty cells are all of one kind (classes, 是/否 …), at least two of them."""
    cells = [r[col].strip() for r in rows if len(r) > col and r[col].strip() not in EMPTY_CELLS]
    return len(cells) >= 2 and all(pattern.fullmatch(c) for c in cells)


def _status_cells(rows: list[list[str]], col: int, class_col: int, key: str, header: list[str], places: PlaceFinder,
                  region: str, year: int, section: str, label: str, out: Extracted) -> None:
    """是否达标 是/否 beside a class column: each row's status against its target (达标 / 未达标), as a grade of the
    class's indicator; the target, where the table gives one, is said with it."""
    target = next((i for i in range(1, len(header)) if re.search(r"目标", header[i]) and _mostly(rows, i, CLASS_CELL)), None)
    for row in rows:
        if len(row) <= col or not row[0] or row[col].strip() in EMPTY_CELLS:
            continue
        cell = row[col].strip()
        status = "达标" if cell in ("是", "达标") else "未达标"
        if target is not None and len(row) > target and row[target].strip():
            status += f"（{header[target]}{_class_text(row[target])}）"
        source = "｜".join(f"{header[i]} {row[i]}" for i in range(1, min(len(header), len(row))))
        out.facts.append(_fact(key, _row_place(row[0], places, region), year, "grade", None, "", status, section, source,
                               locator=label, row_label=row[0]))


def _ranked_by(header: list[str], rows: list[list[str]], columns: list[tuple], context: str) -> str | None:
    """The indicator a bare 排名 column ranks by: a value column whose order the ranks follow exactly, and, if
    several do, the one the text says the ranking is by (按照…综合指数…排序 / 排名依据…). None when not certain."""
    rank = next((i for i, c in enumerate(columns) if c[2] == "rank" and re.fullmatch(r"排名|名次|序号", header[i].strip())), None)
    if rank is None:
        return None
    def number(cell: str) -> float | None:
        m = re.fullmatch(r"[-+]?\d+(?:\.\d+)?", cell.replace(",", "").strip())
        return float(m.group()) if m else None
    order = [(number(r[rank]), r) for r in rows if len(r) > rank and number(r[rank]) is not None]
    if len(order) < 3:
        return None
    order.sort(key=lambda p: p[0])
    following = []
    for i, (key, _, stat) in enumerate(columns):
        if stat != "value" or i == rank:
            continue
        values = [number(r[i]) if len(r) > i else None for _, r in order]
        if None in values:
            continue
        pairs = list(zip(values, values[1:], strict=False))
        if all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs):
            following.append((key, UNIT_IN_HEADER.sub("", header[i]).strip()))
    if len(following) > 1:  # several columns follow the ranks: the one the text ranks by
        saying = [s for s in re.split(r"[。；;\n]", context) if re.search(r"排名|排序", s)]
        following = [(k, h) for k, h in following if any(k in s or (h and h in s) for s in saying)]
    return following[0][0] if len(following) == 1 else None


def _table_facts(table: Table, section: str, lex: Lexicon, places: PlaceFinder, year: int, region: str,
                 out: Extracted, context: str = "") -> None:
    header, rows = list(table.header), [list(r) for r in table.rows]
    names = [r[0] for r in rows if r]
    if sum(_is_place(h, places) for h in header[1:]) > sum(_is_place(n, places) for n in names):
        # printed column after column: the places are across the top; turn the table round
        header, rows = [header[0], *names], [[h, *[r[i] for r in rows]] for i, h in enumerate(header[1:], start=1)]
        names = [r[0] for r in rows]
    if len(header) < 2 or not rows:
        return
    pc = _place_column(header, rows, places)  # 排名 | 城市 | …: the names need not come first
    if pc:
        header = [header[pc], *header[:pc], *header[pc + 1:]]
        rows = [[r[pc], *r[:pc], *r[pc + 1:]] if len(r) > pc else r for r in rows]
    default_unit, exceptions = _table_units(table.unit)
    label = table.caption or "表格"
    columns = [_column(lex, h) if i else ("", None, "") for i, h in enumerate(header)]
    class_col = next((i for i in range(1, len(header)) if columns[i][2] == "value" and _mostly(rows, i, CLASS_CELL)), None)
    ranked_by = _ranked_by(header, rows, columns, context)
    previous_key = None
    for col in range(1, len(header)):
        key, unit, stat = columns[col]
        col_year = year - 1 if EARLIER_COLUMN.match(header[col]) else year  # 本月 | 上年同期: two years of one thing
        if stat == "rank" and ranked_by and key not in lex.indicators:
            key = ranked_by  # 排名 | 城市 | 综合指数 …: the rank is the order of the one column the text says ranks
        if WATER_BODY.fullmatch(header[col].strip()) or (stat == "target" and class_col and _mostly(rows, col, CLASS_CELL)):
            continue  # the water body goes into the site's names; a target class is said with the status below
        if class_col and _mostly(rows, col, MET_CELL):
            _status_cells(rows, col, class_col, columns[class_col][0], header, places, region, year, section, label, out)
            continue
        if stat == "yoy" and previous_key and _names_no_indicator(lex, header[col]):
            key = previous_key  # 同比变化（%） right after a column: that column's change
        elif stat == "value":
            previous_key = key
        if unit is None:
            unit = next((u for name, u in exceptions.items() if name and (name in header[col] or name == key)),
                        default_unit)
        unit = next((k for k, aliases in lex.units.items() if unit and (unit == k or unit in aliases)), unit)  # μg/m³
        if stat == "rank":
            unit = "名"
        if stat == "yoy" and unit == "个百分点":
            unit = "百分点"
        for row in rows:
            if col >= len(row) or not row[0]:
                continue
            cell = row[col].replace(",", "").strip()
            place = _row_place(row[0], places, region)
            source = "｜".join(f"{header[i]} {row[i]}" for i in range(1, min(len(header), len(row))))
            number = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*(%?)", cell)
            if number:
                value = float(number.group(1))
                out.facts.append(_fact(key, place, col_year, stat, value, unit or number.group(2), "", section, source,
                                       locator=label, row_label=row[0]))
            elif stat == "value" and (re.search(r"[一二三四五ⅠⅡⅢⅣⅤ]类|优|良|轻度|中度|重度", cell)
                                      or (CLASS_CELL.fullmatch(cell) and _mostly(rows, col, CLASS_CELL))):
                # a class under 水质目标 / 排名 is not the indicator's class: it goes to review below
                out.facts.append(_fact(key, place, col_year, "class", None, "", _class_text(cell), section, source,
                                       locator=label, row_label=row[0]))
            elif cell not in EMPTY_CELLS:
                out.review.append(f"{label}：{row[0]} 的“{header[col]}”单元格“{cell}”不是数值，未收录。")


def _place_column(header: list[str], rows: list[list[str]], places: PlaceFinder) -> int:
    """The column of names: the one whose header says 城市/区/断面/站点, else the one with the most known places."""
    for i, h in enumerate(header):
        if PLACE_WORDS.match(h.strip()) or re.fullmatch(r".{0,4}(城市|区县|区（县）|区\(县\)|断面名称|断面|站点|点位|地区|区域|县区|区（市）)", h.strip()):
            return i
    counts = [sum(_is_place(r[i], places) for r in rows if len(r) > i) for i in range(len(header))]
    return max(range(len(header)), key=lambda i: counts[i]) if max(counts, default=0) > 0 else 0


def _names_no_indicator(lex: Lexicon, header: str) -> bool:
    core = re.sub(r"[（(].*?[）)]|同比|变化|变幅|增幅|降幅|幅度|率", "", header).strip()
    return not core or not lex.find("indicator", core)


def _row_place(name: str, places: PlaceFinder, region: str) -> str:
    if re.fullmatch(r"(全市|全省|全区|合计|平均|全市平均|全省平均|总体)", name):
        return region
    found = places.find(name)
    return found[0][0] if found and found[0][2] - found[0][1] >= len(name) - 1 else name
