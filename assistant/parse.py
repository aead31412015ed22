"""Question text -> Query: places, indicators, years, statistics and intent. Pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

import cn2an
import opencc

from .lexicon import FALL_WORDS, INFO_QUESTION, RISE_WORDS, ROMAN_OF, Lexicon, fold

RANK = re.compile(r"垫底|排最后|排在最后|最后[两三几]|哪两个|哪几个|哪三个|top\s*\d+|bottom\s*\d+|最高|最低|最好|最差|最坏|最干净|最脏|最优|最大|最小|最多|最少|排名|排第|名次|前几|后几|(?:排|位列|位居|列)?[前后](?:[两二三四五六七八九十]|\d{1,2})\s*(?:位|名)|前三|后三|倒数|"
                  r"哪(?:个|些|一个)(?:区|县|城市|地市|地方|断面|站点|测点|点位|监测点|水库|河段)|(?:区|县|城市|断面|站点|测点|监测点)(?:有|是)哪(?:些|几个)|哪里|哪儿|改善幅度|较大的|较好|较差|较高|较低|"
                  r"highest|lowest|best|worst|rank|which district")
SHARE_ASKED = re.compile(r"占(?:了|到)?(?:多大|多少|几成|百分之几)?(?:的)?(?:比例|比重|比率|份额)|占比|所占比例|比例是?多少|百分之几|百分比|多少%|几成|"
                         r"percentage|share|proportion")
COMPARE = re.compile(r"哪个高|哪个低|哪个更|哪个好|哪个差|哪个大|哪个小|哪个多|哪个少|哪项|谁高|谁低|谁更|谁大|谁小|谁多|谁少|相比|比较|对比|高多少|低多少|差多少|相差|差距|多多少|少多少|"
                     r"高出|低出|compare|versus|vs\.?|higher than|lower than")
STANDARD = re.compile(r"标准|限值|达标吗|达标了吗|是否达标|达标没|达[没不]达标|有没有达标|超标|国标|standard|limit")
CHANGE = re.compile(r"同比|变化|上升|下降|增加|减少|降低|提高|提升|改善|恶化|变好|变差|比去年|比上年|比2013|较2013|降了|升了|涨了|跌了|降幅|升幅|涨幅|"
                    r"与2013|和2013|相比去年|increase|decrease|change|drop|rise")
FOLLOW_UP = re.compile(r"^(那|那么|还有|再问|再说说|然后|and|what about|how about)|呢[？?]?$")
UP_WORDS = re.compile(rf"{RISE_WORDS}|rise|rose|risen|increase|grew|grow|went up|up|(?:more|higher) than (?:the|in|last|a year)")
DOWN_WORDS = re.compile(rf"{FALL_WORDS}|drop|decrease|declin|fall(?! short)|fell(?! short)|went down|down|(?:fewer|less|lower) than (?:the|in|last|a year)")
_PLACES_ASKED = r"(?:测点|监测点|点位|站点|区|县|断面|城市|是哪|有哪)"
BEST = re.compile(r"最好|最干净|最优|最佳|较好|最低|最少|最小|lowest|best|cleanest|(?<![较最不])好的" + _PLACES_ASKED)
WORST = re.compile(r"最差|最脏|最坏|较差|最高|最多|最大|highest|worst|dirtiest|(?<![相较最])差的" + _PLACES_ASKED)
BASE_YEAR_BEFORE = re.compile(r"(比|较|同|跟|相比|相较|自|从|than|than in|compared with|compared to|since|from)\s*$")
BASE_YEAR_AFTER = re.compile(r"\s*(年)?\s*(起|以来|来|开始|相比|比|同期相比)")
YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?:\s*年|(?!\d))")
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
SCOPE_OUTSIDE = ("全国", "全省", "广东省", "全世界", "世界", "全球", "国内", "nationwide", "across china", "in china",
                 "national ranking", "nationally")


# 12个地级市中 / 各区里: what follows a place that is the group others are counted or ranked in
GROUP_AFTER = re.compile(r"(?:地区|片区)?\s*(?:(?:\d+|[一二两三四五六七八九十]+)\s*个)?[^，,。？?；;\d]{0,8}?(?:之中|当中|中|里)")
MONTHS_SAID = re.compile(r"(?<![\d.a-zA-Z])\d{1,2}\s*(?:[-—–~至到]\s*\d{1,2}\s*)?月(?!均)")
# the name of a statistic, not an order asked: 臭氧日最大8小时平均第90百分位数 (最大 and 第 name how it is computed)
STAT_NAME = re.compile(r"日?最大\s*[18]\s*(?:小时|h)(?:滑动)?(?:平均)?(?:值|浓度)?|第\s*9[05]\s*(?:百分位|%分位)数?")
# days counted of a status said in the same clause, before or after the count (优良的有多少天, 有几天空气达标)
DAYS_OF = re.compile(r"(达标|优良|超标|重污染)[^，,。？?；;]{0,8}?(?:多少|几)\s*(?:天|日)|(?:多少|几)\s*(?:天|日)[^，,。？?；;]{0,8}?(达标|优良|超标|重污染)")
RANKED_AFTER = re.compile(r"(?:地区|片区)?\s*(?:的)?(?:排名|排第|排在|位列|位居|居第|名列)")


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def clean(text: str, limit: int) -> str:
    """Drop control characters, cap the length and write traditional characters as simplified (廣州白雲區 →
    广州白云区, as the bulletin is written); the result is what every later stage sees."""
    text = "".join(ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co") else " " for ch in text)
    text = re.sub(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,80})?/?>", " ", text)  # pasted markup (</answer>) is not a ">" or "<"
    text = re.sub(r"\s+", " ", text).strip()[:limit]
    return _arabic_figures(_to_simplified().convert(text)) if text else text


_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿点"
_CN_FIGURE = re.compile(rf"百分之([{_CN_NUMERAL}]+)|(?<![哪几第每这那边另])([{_CN_NUMERAL}]+)(?=\s*(?:微克|毫克|个百分点|百分点|天|家|条|个|吨|万吨|"
                        r"分贝|亿元|万元|元|年|倍|辆|座|项|处|%))")


def _arabic_figures(text: str) -> str:
    """Figures written in Chinese numerals become digits (二十一微克 → 21微克, 百分之八点七 → 8.7%), so that
    claims are checked the same way; names such as 一氧化碳, 一级 or 二类 are left alone."""
    def convert(m: re.Match) -> str:
        words = m.group(1) or m.group(2)
        scale = words[-1] if words[-1] in "万亿" and len(words) > 1 else ""  # 十万吨 -> 10万吨, as the bulletin writes
        try:
            value = cn2an.cn2an(words[: len(words) - len(scale)], "strict")
        except (ValueError, KeyError, IndexError):
            return m.group(0)
        number = f"{value:g}" if isinstance(value, float) else str(value)
        return f"{number}%" if m.group(1) else number + scale

    return _CN_FIGURE.sub(convert, text) if any(ch in text for ch in _CN_NUMERAL) else text


@dataclass(frozen=True)
class Query:
    text: str
    intent: str  # invalid | value | rank | compare | change | standard | claim | open
    places: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    weak: bool = False  # indicators come from a weak word such as 空气
    years: tuple[int, ...] = ()
    stats: frozenset[str] = field(default_factory=frozenset)
    other_city: str | None = None
    outside_scope: bool = False
    best: bool = False
    worst: bool = False
    listing: bool = False  # 哪些: more than one answer expected
    follow_up: bool = False
    numbers: tuple[float, ...] = ()
    rest: str = ""  # the text no place, year or indicator name accounts for
    measures: tuple[str, ...] = ()  # what kind of figure is asked for: 浓度, 产生量, 覆盖率 …

    @property
    def year(self) -> int | None:
        return self.years[-1] if self.years else None


def _both_kinds(indicators: list[str], folded: str, lex: Lexicon) -> list[str]:
    """昼间和夜间的达标率: two kinds of one subject joined (subject_kinds) before the name found for one of them
    ask the name of each (功能区昼间达标率 and 功能区夜间达标率), in the order said."""
    out = list(indicators)
    for group in lex.words.get("subject_kinds", ()):
        words = {fold(w): n for n, member in enumerate(group) for w in member}
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        joined = re.search(rf"({alternation})\s*(?:和|与|及|、|跟|以及)\s*({alternation})", folded)
        if not joined or words[joined.group(1)] == words[joined.group(2)]:
            continue
        first, second = words[joined.group(1)], words[joined.group(2)]
        for key in indicators:
            for have, want in ((first, second), (second, first)):
                name = next((w for w in group[have] if w in key), None)
                other = next((key.replace(name, w) for w in group[want] if name and key.replace(name, w) in lex.indicators), None)
                if other and other not in out:
                    at = out.index(key)
                    out.insert(at if want == first else at + 1, other)  # in the order the question says them
    return out


def parse(text: str, lex: Lexicon) -> Query:
    if not text.strip():
        return Query(text=text, intent="invalid")
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    # Years first, so 2024 is not read as a figure; then named sites, districts and the city.
    found = list(YEAR.finditer(folded))
    # 比2013年 / 自2011年起 / than in 2023: a base or a starting year the question compares with, not its period
    period = [int(m.group(1)) for m in found if not BASE_YEAR_BEFORE.search(folded[: m.start()])
              and not BASE_YEAR_AFTER.match(folded[m.end():])]
    years = tuple(period)  # only base years (自2011年起): the question asks of the bulletin's own year
    if not years and lex.year:
        # the bulletin is read the year after it reports: 今年/去年 mean its latest year, 前年 the one before
        relative = lex.words.get("relative_years", {})
        said = [w for w in relative if fold(w) in folded and not re.search(rf"(比|较|和|与|跟|相比){re.escape(fold(w))}", folded)]
        years = tuple(lex.year + int(relative[w]) for w in said)[:1]
        both = _year_pair(folded, relative, lex.year)
        if both:  # 去年和前年分别是多少: two years asked, not a comparison
            years = both
    for m in YEAR.finditer(folded):
        taken.append(m.span())
    sites = lex.find("site", text, taken)
    districts = lex.find("district", text, taken)
    # 黄埔岭头片区那个项目: a district said right before a site whose own name begins with it is part of the site's name
    districts = [d for d in districts if not any(d.end == s.start and s.key.startswith(lex.short(d.key))
                                                 for s in sites)]
    places = [*sites, *districts]
    # 石井河: a monitoring site's short name that begins a water body's name is that water body, not the site
    water = [m for m in sites if folded[m.end - 1: m.end] not in "区县市" and re.match(r"(?:河|涌|湖|江|水库|水道)", folded[m.end:])]
    places = [m for m in places if m not in water]
    taken = [span for span in taken if span not in {(m.start, m.end) for m in water}]  # its words stay the subject's
    city = lex.find("city", text, taken)
    others = [m.key for m in lex.find("other_city", text, taken) if m.key not in SCOPE_OUTSIDE]
    # 荔湾区PM10是多少，以及全市平均水平 / …，全市呢: the city asked in a clause of its own, after a district
    city_after = bool(places) and any(c.start > min(m.start for m in places) and
                                      re.search(r"[，,；;。？?]|以及|还有|另外|同时", folded[min(m.start for m in places): c.start])
                                      for c in city)
    # 河源市在粤东西北12个地级市中排第一: the places something ranks among are its setting, not what is asked about
    among = [m for m in places if (GROUP_AFTER.match(folded[m.end:]) and (folded[:m.start].endswith("在") or re.match(
        r"\s*(?:\d+|[一二两三四五六七八九十]+)\s*个", folded[m.end:]))) or (folded[:m.start].endswith("在") and RANKED_AFTER.match(folded[m.end:]))]
    # 虎门大桥、蕉门、洪奇沥三个断面里: the last of a list counted after it is one of the places asked, not their group
    among = [m for m in among if not re.search(r"(?:、|和|与|及|跟)\s*$", folded[:m.start])]
    if among and len(among) < len(places):
        places = [m for m in places if m not in among]
    places = [m.key for m in sorted(places, key=lambda m: m.start)]
    if city and (not places or city_after or COMPARE.search(folded) or re.search(r"(?:和|比|跟|与|同|较).{0,3}(全市|广州)|(全市|广州).{0,3}(比|相比)", folded)):
        places.append(lex.city_name)  # 海珠区和全市比: the city is the second place
    ind_taken = list(taken)
    exact = lex.find("indicator", text, ind_taken)
    scattered = lex.find_scattered(text, taken)
    indicators = _strongest(exact + [m for m in scattered if m.size > max((e.size for e in exact), default=0)],
                            lex, folded)
    site_spans = [(m.start, m.end) for m in lex.find("site", text)]
    around = [m for m in lex.find("indicator", text, []) if any(
        m.start <= a and b <= m.end and (m.end - m.start > b - a or not indicators) for a, b in site_spans)]
    if around:  # 黄龙带水库水质类别: a name that holds a site's name is named in full, not cut at the site
        inside = {m.key for m in exact if any(a.start <= m.start and m.end <= a.end for a in around)} - {m.key for m in around}
        indicators = list(dict.fromkeys([*(m.key for m in around), *(k for k in indicators if k not in inside)]))
    for site in lex.find("site", text):  # 黄龙带水库…几类水: the site's own 黄龙带水库水质类别, not the generic 水质类别
        own = {k for k in lex.indicators if k.startswith(site.key) and k[len(site.key):] in indicators}
        if len(own) == 1:
            mine = next(iter(own))
            indicators = [mine if k == mine[len(site.key):] else k for k in indicators]
            indicators = list(dict.fromkeys(indicators))
    shared = _shared_tail(folded, exact, lex)
    if shared:  # Ⅱ类、Ⅲ类水质比例: the first name borrows the second one's tail
        indicators = list(dict.fromkeys([*shared, *indicators]))
    for short, full in _shared_attribute(folded, exact, lex):  # 漂浮垃圾和海滩垃圾…塑料类的占比: 海滩垃圾塑料类占比
        indicators = list(dict.fromkeys(full if k == short else k for k in indicators))
    share = CLASS_SHARE.search(folded)
    if share:  # Ⅱ类水的比例 / 三类断面占比: the share of that class, where the bulletin keeps one
        roman = ROMAN_OF.get(share.group(1), share.group(1))
        own_share = [k for k in lex.indicators if fold(k).startswith(roman + "类") and re.search(r"比例|占比", k)]
        said = [m for m in exact + scattered if m.start < share.end() and share.start() < m.end]
        if len(own_share) == 1 and own_share[0] not in indicators:  # what the class's words were read as goes
            indicators = [own_share[0], *(k for k in indicators if k not in {m.key for m in said})]
    if SHARE_ASKED.search(folded):  # 空气好的日子占了多大比例: a count asked as a share is its share's indicator
        both = re.search(r"多少天|几天|有多少个|有几个", folded)  # 有多少天，占多少比例: the count and its share
        indicators = list(dict.fromkeys(x for k in indicators for x in (
            ((k, lex.indicators[k].share) if both else (lex.indicators[k].share,))
            if lex.indicators.get(k) and lex.indicators[k].share in lex.indicators else (k,))))
    indicators = _both_kinds(indicators, folded, lex)
    counted = DAYS_OF.search(folded)
    if counted and not any(re.search(r"天数$|天$", k) for k in indicators):
        # 优良的有多少天 / 有几多日空气系达标: the days counted by the status said, wherever the words stand
        days = [m.key for m in lex.find("indicator", f"{counted.group(1) or counted.group(2)}天数")]
        if days:
            indicators = [days[0], *(k for k in indicators if lex.indicators[k].share != days[0] and k != lex.indicators[days[0]].share)]
    weak = False
    if not indicators:
        indicators = _strongest(lex.find("weak", text, ind_taken))
        weak = bool(indicators)
    stats = {kind for kind in ("yoy", "vs2013", "target", "limit", "rank", "class") if lex.has(f"stat:{kind}", text)}
    if 2013 in years and len(years) > 1 or re.search(r"(比|较|与|和|相比)\s*2013", folded):
        stats.add("vs2013")
    if re.search(rf"(比|较|跟|和|与|同|相比)\s*(去年|前年|上一年|上1年|上年|上年同期|前一年|前1年|{lex.year - 1}\s*年)", folded) \
            and len(set(years)) < 2:
        stats.add("yoy")  # 跟前年比 / 跟2023年比呢: against the year before the bulletin's year
    for kind in ("stat:yoy", "stat:vs2013", "stat:target", "stat:limit", "stat:rank", "stat:class"):
        lex.find(kind, text, ind_taken)
    rest = _strip_spans(folded, ind_taken + lex.unit_spans(folded))
    numbers = tuple(float(n) for n in NUMBER.findall(MONTHS_SAID.sub(" ", rest)))  # 1-8月 is a period, not a figure
    ordered = STAT_NAME.sub(" ", folded)  # 日最大8小时 names a statistic: its 最大 asks no order
    own = {fold(a) for a in lex.city_aliases}  # a provincial report's 全省 is its own region, not outside it
    outside = any(s in folded for s in SCOPE_OUTSIDE if fold(s) not in own)

    query = Query(
        text=text, intent="value", places=tuple(dict.fromkeys(places)), indicators=tuple(dict.fromkeys(indicators)),
        weak=weak, years=years, stats=frozenset(stats), other_city=others[0] if others and not city else (others[0] if others else None),
        outside_scope=outside, best=bool(BEST.search(ordered)), worst=bool(WORST.search(ordered)),
        listing=bool(re.search(r"哪些|有哪|which ones|前三|后三", folded)),
        follow_up=bool(FOLLOW_UP.search(folded.strip())) and len(folded) <= 30, numbers=numbers, rest=rest,
        measures=lex.measures_in(_strip_spans(folded, taken)),
    )
    return replace(query, intent=_intent(query, folded, lex))


def _shared_tail(folded: str, mentions: list, lex: Lexicon) -> list[str]:
    """A name written short because the next one in a 、/和 list shares its tail: in "Ⅱ类、Ⅲ类水质比例" the words
    before 、 plus the tail of "Ⅲ类水质" name "Ⅱ类水质". The borrowed name must be a lexicon name in full."""
    out = []
    for m in mentions:
        before = re.search(r"([^\s，,。；;？?、和与及]{1,6})\s*[、和与及]\s*$", folded[: m.start])
        if not before:
            continue
        words, name = before.group(1), folded[m.start: m.end]
        found = next((hit[0].key for h in range(1, len(words) + 1) for j in range(1, len(name))
                      for candidate in [words[-h:] + name[j:]]
                      for hit in [lex.find("indicator", candidate)]
                      if hit and hit[0].start == 0 and hit[0].end == len(candidate) and hit[0].key != m.key), None)
        if found:
            out.append(found)
    return out


def _shared_attribute(folded: str, mentions: list, lex: Lexicon) -> list[tuple[str, str]]:
    """Names listed together (A和B相比 / A、B的…) and an attribute said once after the list: in "海面漂浮垃圾和海滩垃圾
    相比，哪边塑料类的占比更高" the attribute 塑料 makes 海滩垃圾 海滩垃圾塑料类占比. A name is swapped only when
    exactly one indicator has a name made of the words said plus words found after the list."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.key == b.key or not re.fullmatch(r"\s*(?:和|与|及|、|跟|同|以及)\s*", folded[a.end: b.start]):
            continue
        after = _strip_spans(folded[b.end:], [(m.start - b.end, m.end - b.end) for m in ordered if m.start >= b.end])
        for m in (a, b):
            said = folded[m.start: m.end]
            fits = {k for k, ind in lex.indicators.items() if k != m.key
                    for name in (k, *ind.aliases) if fold(name).startswith(said)
                    and len(fold(name)) - len(said) >= 2 and fold(name)[len(said):] in after}
            if len(fits) == 1:
                out.append((m.key, fits.pop()))
    return out


CLASS_SHARE = re.compile(r"(?<![a-z\d.～~—–\-至到])(?<!劣)(iv|v|iii|ii|i|[一二三四五]|[1-5])类(?![～~—–\-至到])(?:水质?)?(?:的)?(?:水质)?(?:断面)?(?:的)?"
                         r"(?:比例|占比|所占比例|占多少|比重|占(?=\s*(?:\d|%|[、，,；;。]|$)))")  # Ⅱ类占70% / Ⅱ类占、Ⅲ类占


def _strongest(mentions: list, lex: Lexicon | None = None, folded: str = "") -> list[str]:
    """Indicators named by much less text than the best-named one are incidental (行动方案 in 无废全运行动方案)."""
    length: dict[str, int] = {}
    # a name inside a longer one's span is part of it (海滩垃圾 inside 海滩垃圾…塑料)
    mentions = [m for m in mentions if not any(n.key != m.key and n.size > m.size and n.start <= m.start
                                               and m.end <= n.end for n in mentions)]
    if lex is not None:
        mentions = _one_per_phrase(mentions, lex, folded)
        if _listed(mentions, folded):  # 酸雨和PM2.5: every name in an explicit list counts, short or long
            return list(dict.fromkeys(m.key for m in sorted(mentions, key=lambda m: m.start)))
    for m in mentions:
        length[m.key] = length.get(m.key, 0) + m.size
    top = max(length.values(), default=0)
    return [k for k in dict.fromkeys(m.key for m in mentions) if length[k] * 2 > top]


SEPARATOR = re.compile(r"[和与及、,，;；/跟同或]|以及|还有|and|or")
IGNORED_CHARS = set("是多少的了吗呢么什哪个几年市")


def _one_per_phrase(mentions: list, lex: Lexicon, folded: str) -> list:
    """Names that run into each other with no 和/、 between them form one phrase (地表水|国考断面|优良率):
    the phrase names one indicator, the one whose name accounts for most of the question's characters."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[list] = []
    for m in ordered:
        if runs and m.start - runs[-1][-1].end <= 2 and not SEPARATOR.search(folded[runs[-1][-1].end: m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    chars = set(folded) - IGNORED_CHARS
    kept = []
    for run in runs:
        # 近岸海域无机氮: a topic's name (海水水质类别, whose overview holds 无机氮) before one of its own
        # indicators only says where that indicator is measured
        run = [m for m in run if not any(n.start > m.start and n.key != m.key and lex.indicators.get(m.key) is not None
                                         and n.key in lex.indicators[m.key].overview for n in run)] or run
        keys = list(dict.fromkeys(m.key for m in run))
        if len(keys) == 1:
            kept.extend(run)
            continue
        score = {k: _explains(lex, k, chars) for k in keys}
        best = max(score.values())
        kept.extend(m for m in run if score[m.key] == best)
    return kept


def _explains(lex: Lexicon, key: str, chars: set[str]) -> int:
    """How many of the question's characters the indicator's best name accounts for."""
    ind = lex.indicators.get(key)
    return max(len(set(fold(n)) & chars) for n in (key, *(ind.aliases if ind else ())))


def _listed(mentions: list, folded: str) -> bool:
    """Two or more names joined only by 和/与/、 and the like."""
    spans: list[list] = []  # one span per name in order; repeated matches of one name merge
    for m in sorted(mentions, key=lambda m: m.start):
        if spans and spans[-1][0] == m.key:
            spans[-1][2] = max(spans[-1][2], m.end)
        else:
            spans.append([m.key, m.start, m.end])
    if len({key for key, _, _ in spans}) < 2:
        return False
    gaps = [folded[a[2]: b[1]] for a, b in zip(spans, spans[1:], strict=False)]
    return all(len(g) <= 4 and SEPARATOR.search(g) for g in gaps)


def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            chars[i] = " "
    return "".join(chars)


ASKED_FIGURE = re.compile(r"(为|是|有|达到|达|等于|超过|低于|高于|不到|少于|多于)\s*\d[^，,。；;]*(吗|么|不)[？?]?\s*$"
                          # 是不是达到了9121.6吨/日？ / 是否为23微克: the A-not-A question puts the figure as a claim
                          r"|(是不是|是否|有没有)\s*(?:真的)?\s*(?:为|是|有|达到了?|达|等于|超过了?|低于|高于|不到|少于|多于)?\s*"
                          r"\d[^，,。；;？?]*[？?]?\s*$")


def asks_check(folded: str, lex: Lexicon) -> bool:
    """A check request: 核实/fact check at the start, or 属实吗/请核查/网上说 … anywhere (lexicon.yaml)."""
    hearsay = () if INFO_QUESTION.search(folded) else lex.word_list("reported_speech")  # 听说…，具体是什么: a question
    return bool(re.match(rf"\s*({lex.word_pattern('check_openers')})", folded)) or any(
        w in folded for w in (*lex.word_list("check_closers"), *hearsay))


def _intent(q: Query, folded: str, lex: Lexicon | None = None) -> str:
    if (lex is not None and asks_check(folded, lex)) or (q.numbers and ASKED_FIGURE.search(folded) and (q.indicators or q.places)):
        return "claim"  # 黄埔区PM2.5浓度为22微克每立方米吗: a figure put as a yes/no question is a claim
    if not q.indicators and not q.places and not q.other_city:
        return "open"
    if "limit" in q.stats or STANDARD.search(folded):
        return "standard"
    if len(q.places) >= 2 and (COMPARE.search(folded) or re.search("和|与|跟|比", folded)) or \
            ("target" in q.stats and COMPARE.search(folded)):
        return "compare"
    if len(q.indicators) >= 2 and len(q.places) <= 1 and COMPARE.search(folded) and not q.stats & {"yoy", "vs2013"}:
        return "compare"  # 利用处置能力和收集能力相比，哪个大: two indicators at one place
    if RANK.search(STAT_NAME.sub(" ", folded)) and not re.search(r"第几", folded) or ("rank" in q.stats and len(q.places) <= 1):
        return "rank"
    if q.stats & {"yoy", "vs2013"} or (CHANGE.search(folded) and q.indicators):
        return "change"
    if not q.indicators:
        return "value" if q.places else "open"
    return "value"


def claimed_direction(text: str) -> int:
    """+1 if the text says a figure rose, -1 if it fell, 0 if it says neither."""
    folded = fold(text)
    up, down = bool(UP_WORDS.search(folded)), bool(DOWN_WORDS.search(folded))
    return 0 if up == down else (1 if up else -1)


def _variant(text: str, last: str, lex: Lexicon) -> str | None:
    """The indicator whose name holds a word of the follow-up and most of the last indicator's name."""
    folded = fold(text)
    words = [w for w in re.findall(r"[\u4e00-\u9fff]{2,4}", folded) if w not in ("那么", "还有", "什么")]
    words = [w[:-1] if w.endswith(("呢", "吗")) else w for w in words]
    words += [folded[i:i + 2] for i in range(len(folded) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", folded[i:i + 2])
              and folded[i:i + 2] not in ("那么", "还有", "什么")]  # 昼间的达标率: 昼间 inside a longer run
    best, score = None, 0
    for key in lex.indicators:
        if key == last or not any(w and w in key for w in words):
            continue
        shared = len(set(key) & set(last))
        if shared >= 3 and shared > score:
            best, score = key, shared
    return best


def merge_follow_up(q: Query, prev: Query | None, lex: Lexicon | None = None) -> Query:
    """Carry the place, indicator and year of the previous turn into a follow-up that leaves them out."""
    if prev is None or q.intent in ("invalid", "claim") or prev.intent == "invalid":
        return q
    # short, or naming no place and no indicator at all (比2023年是升了还是降了？): it leans on the turn before
    short = q.follow_up or len(q.text) <= 12 or (not q.places and not q.indicators and len(q.text) <= 30)
    if not short or (q.places and q.indicators):
        return q
    if not q.indicators and prev.indicators and lex is not None:
        variant = _variant(q.text, prev.indicators[0], lex)
        if variant:  # 功能区昼间达标率…？ / 夜间呢？: the indicator named like the last one, with the new word
            q = replace(q, indicators=(variant,))
            if q.intent == "open":  # 另外一个水库是几类: now that it names its indicator, what it asks of it
                intent = _intent(q, fold(q.text))
                q = replace(q, intent=prev.intent if intent == "open" and prev.intent not in ("claim", "invalid") else intent)
            return merge_follow_up(q, prev, lex)
    if not q.places and not q.indicators:
        # 同比呢？ / 最低的呢？ / 达标吗？ / 2023年呢？: only a statistic, an order, a test or a year is new
        folded = fold(q.text)
        if not prev.indicators or not (q.stats or q.years or RANK.search(folded) or STANDARD.search(folded)
                                        or CHANGE.search(folded) or COMPARE.search(folded)):
            return q
        carried = replace(q, places=() if RANK.search(folded) else prev.places, indicators=prev.indicators,
                          weak=prev.weak, years=q.years or prev.years, stats=q.stats)
        return replace(carried, intent=_intent(carried, folded))
    places = q.places or (prev.places if q.indicators or q.stats else ())
    indicators = q.indicators or prev.indicators
    intent = q.intent
    if intent in ("open", "value") and not q.indicators:  # 它比2013年下降了多少: the carried subject, the new test
        intent = _intent(replace(q, places=places, indicators=indicators), fold(q.text))
    if intent == "open" or (intent == "value" and prev.intent in ("change", "standard", "rank", "compare")
                            and not q.places):
        intent = prev.intent if prev.intent not in ("claim", "open", "invalid") else "value"
    if q.places and not q.indicators and prev.intent in ("value", "change", "standard") and intent in ("value", "open"):
        intent = prev.intent
    if set(q.places) - set(prev.places) and prev.places and re.search(r"比|相比|对比|和|跟", fold(q.text)) and not q.indicators:
        places, intent = tuple(dict.fromkeys((*prev.places, *q.places))), "compare"  # 和白云区比呢？
    return replace(q, places=places, indicators=indicators, weak=q.weak if q.indicators else prev.weak,
                   years=q.years or prev.years, stats=q.stats or prev.stats, intent=intent)


def split_claims(passage: str) -> list[str]:
    """Sentences of a passage that state something checkable: they carry a number or a comparison."""
    parts = re.split(r"(?<=[。！？!?；;\n])", passage)
    out = []
    for part in parts:
        part = re.sub(r"^\s*(核实|核查|网上说|据说|听说)[：:，,]?", "", part).strip(" \n。；;")
        if len(part) >= 4 and (re.search(r"\d", part) or re.search(r"最|第一|达标|超标|类", part)):
            out.append(part)
    return out


def _year_pair(folded: str, relative: dict, latest: int) -> tuple[int, ...]:
    """去年和前年（分别）是多少 / 前年、去年各是多少: two relative years joined as a pair ask for both years' values.
    A pair followed by a comparison (去年和前年比 / 变化) is a change, and a pair that names one year twice (今年和去年,
    both the bulletin's latest year) is not read as two."""
    words = "|".join(re.escape(fold(w)) for w in sorted(relative, key=len, reverse=True) if re.search(r"[\u4e00-\u9fff]", w))
    pair = re.search(rf"({words})\s*(?:和|与|跟|及|、|以及)\s*({words})", folded) if words else None
    if not pair or CHANGE.search(folded) or re.search(r"比|相差|差多少|高多少|低多少", folded[pair.end():]):
        return ()
    lookup = {fold(w): int(v) for w, v in relative.items()}
    years = tuple(dict.fromkeys(latest + lookup[pair.group(k)] for k in (1, 2)))
    return years if len(years) == 2 else ()

