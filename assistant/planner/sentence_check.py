"""A claim that states no figure of its own, checked against one clause of the bulletin: 增江入选全国美丽河湖优秀案例,
11个区水环境质量同比均有所改善, 生态环境数据要素创新基地于8月18日揭牌. Pure functions; the planner supplies the clauses.

* Supported: one clause of the bulletin says every subject word of the claim (a synonym will do), every place
  it names, every date it gives, with the same negation.
* Refuted: one clause says all of that except one or two words, and in their place it says another member of
  the same contrast (`contrasts` in lexicon.yaml: 省级 for 全国, 下降 for 上升), other districts for the claimed
  ones, or another date; or it says everything with the opposite negation.
* Anything else: no judgement. The caller then says it cannot verify, with the nearest sentence.

A claim is judged clause by clause (its own commas and semicolons); a clause that holds a figure is left to the
figure checks, unless the bulletin's clause states that very figure too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, fold
from ..tools import fmt

UNIT_BREAK = re.compile(r"[^。；;！？!?]+")
CLAIM_BREAK = re.compile(r"[^，,。；;！？!?]+")
DATE = re.compile(r"(?:自|从|since)\s*(?:19|20)\d\d\s*年?|(?:19|20)\d\d\s*年?\s*[至到~\-—–]\s*(?:19|20)\d\d\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|(?<!\d)\d{1,2}\s*月(?!份?\d)")
YEAR = re.compile(r"(?:19|20)\d\d\s*年(?:底|末|初)?|截至|截止")
FIGURE = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?(?![\d.]*[a-z])")
NEGATORS = {"未", "不", "没", "没有", "并未", "尚未", "无", "非", "未能", "不再"}
NEGATION = re.compile(r"并未|尚未|未能|未(?!来)|没有|没|并非|不是|不再|不能|并不|不会|无(?![机害废线人组])")  # not 无机氮, 不断
EVERY = {"均", "都", "全部", "全都", "一律", "所有", "各", "皆"}
EVERY_DISTRICT = re.compile(r"(?:各区|各行政区|所有区|全市各区|\d+个(?:行政)?区)[^，,；;。]{0,12}?(?:均|都|全部|全都)")
SCOPE_COUNT = re.compile(r"(?<![\d.])(\d+)\s*个\s*[\u4e00-\u9fff]{0,3}?(?:城市|区|县|断面|监测点|点位|站点)")
VALUE_CHARS = {"优", "良", "中", "差", "高", "低", "好", "坏", "大", "小", "多", "少"}  # 等级为中: a value in one character


@dataclass(frozen=True)
class Judgement:
    verdict: str  # "supported" | "refuted"
    clause: str  # the bulletin's clause that settles it
    swaps: tuple[tuple[str, str], ...] = ()  # (claimed, stated) behind a refutation


def claim_clauses(claim: str) -> list[str]:
    """The claim's clauses; one that names too little of its own (同比持平) goes with the clause before it."""
    out: list[str] = []
    lead = ""  # 自2013年起，…: a short opening clause (a date, a scope) goes with the clause after it
    for c in (c.strip() for c in CLAIM_BREAK.findall(claim)):
        if c and out and len(re.findall(r"[\u4e00-\u9fff]", c)) <= 6:
            out[-1] = f"{out[-1]}，{c}"
        elif c and not out and len(re.findall(r"[\u4e00-\u9fff]", lead + c)) <= 6 and re.search(r"[自从].*(?:起|以来|开始)", c):
            lead = f"{lead}{c}，"
        elif c:
            out.append(lead + c)
            lead = ""
    return out or ([lead.rstrip("，")] if lead else [])


def units(text: str) -> list[str]:
    """The clauses a bulletin sentence is judged by: split at full stops and semicolons, not at commas, so that
    the subject said at the start of a sentence stays with what follows it."""
    return [u.strip() for u in UNIT_BREAK.findall(text) if u.strip()]


# words that make what a clause says of one place exclusive (前三位为…, 唯一, 最差, 排名第一, 改善幅度较大, 其余…): said
# of another place, it refutes the claim; without them, a clause about another place settles nothing about the claim's
EXCLUSIVE = re.compile(r"最|唯一|仅有|只有|仅|其余|较(?:大|小|好|差|高|低|多|少|快|慢|优|明显)|之首|首位|末位|倒数|前[一二三四五六七八九十\d]|后[一二三四五六七八九十\d]|第[一二三四五六七八九十\d]|排名|排在|位列|位居|名列")

def judge(claim: str, unit: str, lex: Lexicon, context: str = "") -> Judgement | None:
    """One claim clause against one bulletin clause. `context` (the paragraph the clause stands in) may supply
    a topic word said once at its start (近岸海域 before 浮游动物多样性指数…), but most words, every contrast word,
    place and date must be in the clause itself, and a contrast word in the comma clause of the place it is
    said of."""
    c_places, c_rest = _places(claim, lex)
    u_places, u_rest = _places(unit, lex)
    c_dates, c_rest = _dates(c_rest)
    u_dates, u_rest = _dates(u_rest)
    c_figures = {float(f) for f in FIGURE.findall(YEAR.sub(" ", c_rest))}
    u_figures = {float(f) for f in FIGURE.findall(u_rest)}
    uncounted = not c_figures <= u_figures  # a figure the clause does not state: the figure checks decide, unless
    # the clause says the opposite of the whole claim (出现了2天重度污染 / 未出现重度及以上污染)
    words = _words(c_rest, lex)
    latin = _named_in_letters(claim, lex)
    if len(words) + len(c_places) + min(len(latin), 1) < 2:  # PM2.5再创新低: the name in letters counts as one word
        return None
    folded = fold(u_rest)
    every = next((part for part in re.split(r"[，,]", unit) if EVERY_DISTRICT.search(part)), None)
    if c_places and every and not set(c_places) & set(u_places) and all(
            _covered(w, fold(every), lex) or _alternative(w, fold(every), fold(claim), lex) or w in _topic_words(lex)
            for w in words):
        u_places = [*u_places, *c_places]  # 各区同比均改善 says it of 海珠区 too
        c_places = []  # the clause is read as it stands: its words and contrasts against the every-district part
        folded = fold(every)
    if c_places and set(c_places) & set(u_places):
        # 从化、增城区较低 beside 越秀区较高: a place's own words are those of the comma clause that names it
        local = [part for part in re.split(r"[，,]", unit) if set(_places(part, lex)[0]) & set(c_places)]
        local_folded = fold(_places("，".join(local), lex)[1])
    else:
        local_folded = folded
    own = [w for w in words if _covered(w, local_folded if _alternative_of(w, lex) else folded, lex)]
    anchored = own + [w for w in words if w not in own and _alternative(w, local_folded, fold(claim), lex)]
    if len(anchored) * 3 < len(words) * 2:
        return None  # too little of the claim in the clause itself: it is about something else
    named = {m.key for m in lex.find("indicator", claim)}
    own_name = any(fold(a) in folded for k in named for a in (k, *lex.indicators[k].aliases))
    foreign = {m.key for m in lex.find("indicator", unit)} - named
    before = next((sent[: sent.find(unit)] for sent in re.findall(r"[^。！？]+", context) if unit in sent), "")
    if named and not own_name and (len(own) < len(words) or latin) and not {m.key for m in lex.find("indicator", before)} & named:
        return None  # PM2.5同比改善 is not settled by a clause about the districts' air quality (nor PM10创历史新低 by 创新低碳)
    # what the sentence said before the clause (环境空气质量综合指数排名…；各区同比均改善) helps a clause about nothing
    # else; the whole paragraph helps only a clause that names the claim's own indicator
    around = "" if foreign else fold(context if own_name else before)
    topic = _topic_words(lex)
    missing = [w for w in words if w not in own and (w not in topic or not _covered(w, around, lex))]
    folded = local_folded  # where an alternative said instead must stand
    bare = fold(c_rest)
    for w in words:  # the 高 of 较高 is checked with 较高
        bare = bare.replace(w, " ")
    values = [t for t in _tokens(bare) if t in VALUE_CHARS]
    if any(t not in _tokens(fold(u_rest)) for t in values):  # 黄龙带水库为Ⅱ类，水质优: the value may follow a comma
        return None  # 等级为差: a one-character value the clause does not say
    swaps = []
    for w in missing:
        other = _alternative(w, folded, fold(claim), lex)
        if other is None:
            return None
        swaps.append((w, other))
    gone = [p for p in c_places if p not in u_places]
    if gone:
        others = [p for p in u_places if p not in c_places and _same_kind(p, gone[0], lex)]
        exclusive = EXCLUSIVE.search(fold(claim)) or re.search(r"其余|其他", unit) or any(  # 南沙区超标，其余…达标
            EXCLUSIVE.search(fold(part)) for part in re.split(r"[，,；;]", unit) if set(_places(part, lex)[0]) & set(others))
        if not others or not exclusive:
            return None  # 浙江路桥达到水质目标 says nothing of 北新泾桥; only a rank, an end or 唯一 said of the other excludes
        swaps.append(("、".join(gone), "、".join(others)))  # in the order each text names them
    if c_dates and not c_dates <= u_dates:
        if not u_dates or not words:
            return None
        swaps.append(("、".join(sorted(c_dates - u_dates)), "、".join(sorted(u_dates))))
    swaps += [s for s in _bound_swaps(claim, unit, lex) if s not in swaps]
    covered = len(words) - len(missing)
    if swaps and uncounted:
        return None
    if swaps:
        if len(missing) > 2 or covered < 2:
            return None  # too little in common to say the clause is about the same thing
        if _negated(c_rest) != _negated(folded):
            return None  # 未达到一级标准 against 达到二级标准: another member denied is no contradiction
        return Judgement("refuted", unit, tuple(swaps))
    said = _where_said(words, folded, lex)  # 出现轻度污染31天、…，未出现重度污染: the negation of the part that says it
    said_raw = _where_said(words, fold(unit), lex)
    if not c_places and any(p in lex.districts for p in _places(said_raw, lex)[0]):
        return None  # 生态质量类型为一类 said of 从化区 is not said of the city
    all_words = ("均", "都", "全部", "全都", "所有", "一律", "全")
    if any(w in all_words for w in _tokens(c_rest)) and not any(w in all_words for w in _tokens(said_raw)) \
            and not EVERY_DISTRICT.search(unit):
        return None  # 所有区都是二类或三类 is not what 以二类、三类为主 says
    scope = {float(m.group(1)) for m in SCOPE_COUNT.finditer(c_rest)}  # 11个设区城市: who, not what is claimed
    anywhere = _where_said(words, folded, lex, slack=1)  # a merged claim clause may say its figures in two parts
    if c_figures - scope and not uncounted and not c_figures - scope <= {float(f) for f in FIGURE.findall(anywhere)}:
        return None  # 3天轻度污染 beside 中度污染3天: the figure stands in another part of the clause
    if _negated(c_rest) != _negated(said):
        return Judgement("refuted", unit, (("未" if _negated(c_rest) else "", "未" if _negated(said) else ""),))
    if uncounted:
        return None
    if any(_alternative(w, anywhere, fold(claim), lex) for w in words if _alternative_of(w, lex)):
        return None  # 生态质量类型为一类 against 一类至三类…: the clause names more than the claim's class
    if any(re.search(rf"[从由]\s*{re.escape(fmt(f))}", said) for f in c_figures) and not re.search(r"[从由]", c_rest):
        return None  # 优良率是51% against 从51.0%增至74.2%: the figure the clause starts from is not its figure now
    return Judgement("supported", unit)



def _bound_swaps(claim: str, unit: str, lex: Lexicon) -> list[tuple[str, str]]:
    """从化区…为四类，荔湾区为一类 against 从化区…为一类，…荔湾区…为四类: each comma part of the claim that names
    one place has its contrast words (classes, levels, directions) checked against the clauses that name that
    place, so two places' words swapped are no match."""
    parts = [p for p in re.split(r"[，,；;]", claim) if p.strip()]
    pieces = [p for p in re.split(r"[，,；;]", unit) if p.strip()]
    swaps = []
    for part in parts if len(parts) > 1 else ():
        places, rest = _places(part, lex)
        if len(places) != 1:
            continue
        local = [p for p in pieces if places[0] in _places(p, lex)[0]]
        folded = fold(_places("，".join(local), lex)[1])
        for w in (_words(rest, lex) if local else ()):
            other = _alternative(w, folded, fold(part), lex) if _alternative_of(w, lex) and not _covered(w, folded, lex) else None
            if other:
                swaps.append((w, other))
    return swaps


def _where_said(words: list[str], folded: str, lex: Lexicon, slack: int = 0) -> str:
    """The comma or 、 parts of a clause that say most of the claim's words (with `slack`, nearly most)."""
    parts = [p for p in re.split(r"[，,、]", folded) if p.strip()]
    if len(parts) < 2:
        return folded
    hits = [sum(_covered(w, p, lex) for w in words) for p in parts]
    floor = max(max(hits) - slack, 1)
    return "，".join(p for p, h in zip(parts, hits, strict=True) if h >= floor) or folded


def judge_claim(claim: str, candidates: list[tuple[str, str]], lex: Lexicon) -> tuple[str, list[Judgement]] | None:
    """Every clause of the claim against the bulletin clauses (with their paragraphs) it may be about, in retrieval
    order: refuted if one claim clause is refuted, supported if every claim clause is supported, None otherwise."""
    found: list[Judgement] = []
    subject: set[str] = set()  # the indicators the claim spoke of last
    unsettled = False
    for part in claim_clauses(claim):
        own = {m.key for m in lex.find("indicator", part)}
        subject = own or subject
        places, rest = _places(part, lex)
        if len(_words(_dates(rest)[1], lex)) + len(places) + min(len(_named_in_letters(part, lex)), 1) < 2:
            continue  # 其中 / 是这样 / 2024年广州各区中: a scope or a link, nothing of its own to check
        best: Judgement | None = None
        best_others = 0
        for unit, context in candidates:
            if subject and _about_others(unit, subject, lex):
                continue  # PM10为37…，仅达到二级标准: PM2.5's (or CO's) 达到…标准 is not said of PM10
            j = judge(part, unit, lex, context)
            if j is None:
                continue
            others = _others_named(unit, subject, lex)
            if best is None or (best.verdict == "refuted" and j.verdict == "supported") or \
                    (best.verdict == j.verdict == "supported" and subject and others < best_others):
                # a clause that says it as claimed beats one that says something else; of two that say it, the one
                # about the subject alone (PM10…同比下降9.8%) beats a list of six pollutants and PM2.5's 同比下降8.7%
                best, best_others = j, others
        if best is None:
            unsettled = True  # 其余10个区均达标 after 仅花都区超标: a clause no clause settles; another may refute
            continue
        found.append(best)
    refuted = [j for j in found if j.verdict == "refuted"]
    if refuted:
        return "refuted", found
    if not found or unsettled:
        return None
    return "supported", found


def _named_in_letters(text: str, lex: Lexicon) -> list:
    """The indicators the text names in letters only (PM2.5, PM10): no Chinese word of the text holds them."""
    return [m for m in lex.find("indicator", text) if not re.search(r"[\u4e00-\u9fff]", text[m.start: m.end])]


def _others_named(unit: str, subject: set[str], lex: Lexicon) -> int:
    """How many indicators the clause names besides those the claim speaks of."""
    return len({m.key for m in lex.find("indicator", unit)} - subject)


def _about_others(unit: str, subject: set[str], lex: Lexicon) -> bool:
    """The bulletin's clause names indicators, none of those the claim was speaking of, and none of their names
    (生态质量 of 生态质量指数 is said in 生态质量类型)."""
    named = {m.key for m in lex.find("indicator", unit)}
    folded = fold(unit)
    return bool(named) and not named & subject and not any(
        fold(a) in folded for k in subject if k in lex.indicators for a in (k, *lex.indicators[k].aliases))


def contrasted(claim: str, lex: Lexicon) -> str:
    """The claim with the other members of its contrasts added (恶化 -> 改善 …): the words a clause that says it
    otherwise would use, to search with."""
    folded = fold(claim)
    others = [fold(w) for contrast in lex.words.get("contrasts", ()) if any(fold(s) in folded for a in contrast for s in a)
              for alternative in contrast for w in alternative[:1] if fold(w) not in folded]
    return " ".join([claim, *others])


def _places(text: str, lex: Lexicon) -> tuple[list[str], str]:
    """The districts and sites a text names (as their lexicon keys), and the text with them blanked."""
    found, folded = lex.blank(text, ("district", "site", "city"))
    return list(dict.fromkeys(m.key for kind, m in sorted(found, key=lambda f: f[1].start) if kind != "city")), folded


PERIOD = re.compile(r"^\s*(?:核实[:：])?\s*(?:(?:19|20)\d\d\s*年)?\s*\d{1,2}\s*(?:[-—–~至到]\s*\d{1,2}\s*)?月(?!\s*\d{1,2}\s*[日号])(?:份)?")


def _dates(text: str) -> tuple[set[str], str]:
    text = PERIOD.sub(" ", text)  # 2024年3月武汉市…: the report's period, not a date the claim states
    found = {re.sub(r"\s+", "", m.group()) for m in DATE.finditer(text)}
    return found, DATE.sub(" ", text)


def _words(text: str, lex: Lexicon) -> list[str]:
    """The claim's words that must be said: jieba words of two or more characters (a question's stop words and
    the check request's own words aside); 浓度 and 较高 count here, unlike in a question's subject."""
    from ..lexicon import STOPWORDS

    cues = {fold(w) for name in ("check_closers", "check_openers", "quote_refs", "reported_speech", "wrapper_openers")
            for w in lex.words.get(name, ())}
    text = NEGATION.sub(" ", YEAR.sub(" ", text))  # said apart (_negated): jieba reads 湖未入选 as 湖未 + 入选
    fillers = {fold(w) for w in lex.word_list("claim_fillers")}  # words a claim may say that no sentence needs to
    for filler in (f for f in fillers if len(f) > 1):  # 有所改善 is 改善
        text = text.replace(filler, " ")
    # 比去年下降 is said of the year before (同比), not of 2013: the base of a comparison must be said
    text = re.sub(r"(?:比|较|与|跟|和|同)\s*(?:去年|上一年|前一年|上年|上一年度)", " 比上年 ", text)
    for word in lex.words.get("relative_years", {}):  # 去年 is the period, not something said
        text = text.replace(fold(word), " ")
    said = {fold(w) for contrast in lex.words.get("contrasts", ()) for alternative in contrast for w in alternative
            if re.search(rf"(?<![a-z劣]){re.escape(fold(w))}", fold(text))}  # 较高 in 浓度较高, not i类 in ii类
    return sorted(said | {w for w in set(_tokens(text)) if len(w) >= 2 and re.search(r"[\u4e00-\u9fff]", w) and w not in cues
                  and w not in STOPWORDS
                  and w not in EVERY and w not in fillers and w not in NEGATORS and not any(w in c for c in cues if len(w) >= 2 and len(c) > len(w))})


_TOPIC_WORDS: dict[int, frozenset[str]] = {}


def _topic_words(lex: Lexicon) -> frozenset[str]:
    """The words of indicator and topic names (近岸海域, 空气质量): the only words a paragraph's context may supply."""
    if id(lex) not in _TOPIC_WORDS:
        names = {a for ind in lex.indicators.values() for a in (ind.key, ind.topic, *ind.aliases, *ind.weak)}
        _TOPIC_WORDS[id(lex)] = frozenset(t for n in names for t in (fold(n), *_tokens(n)) if len(t) >= 2)
    return _TOPIC_WORDS[id(lex)]


def _covered(word: str, folded_unit: str, lex: Lexicon) -> bool:
    if word in folded_unit:
        return True
    synonyms = lex.words.get("subject_synonyms", {})
    if any(fold(s) in folded_unit for s in synonyms.get(word, ())):
        return True
    group = _alternative_of(word, lex)
    return group is not None and any(fold(s) in folded_unit for s in group[1])


def _alternative_of(word: str, lex: Lexicon) -> tuple[int, tuple[str, ...]] | None:
    """(contrast index, the alternative's spellings) that the word is a spelling of."""
    for i, contrast in enumerate(lex.words.get("contrasts", ())):
        for alternative in contrast:
            spellings = tuple(fold(s) for s in alternative)
            if fold(word) in spellings:
                return i, spellings
    return None


def _alternative(word: str, folded_unit: str, folded_claim: str, lex: Lexicon) -> str | None:
    """Another member of the word's contrast that the clause says and the claim does not (省级 for 全国)."""
    mine = _alternative_of(word, lex)
    if mine is None:
        return None
    for alternative in lex.words["contrasts"][mine[0]]:
        spellings = [fold(s) for s in alternative]
        if spellings == list(mine[1]):
            continue
        said = next((s for s in spellings if s in folded_unit), None)
        if said and not any(s in folded_claim for s in spellings):
            return said
    return None


def _same_kind(a: str, b: str, lex: Lexicon) -> bool:
    return (a in lex.districts) == (b in lex.districts)


def _tokens(text: str) -> list[str]:
    import jieba

    return jieba.lcut(fold(text))


def _negated(text: str) -> bool:
    return bool(NEGATION.search(fold(text)))
