"""Claims: each stated figure, status or class checked against the same indicator, place and period."""

from __future__ import annotations

import re
from dataclasses import replace

import jieba.posseg

from ..answer import Draft, change_text, numbers, value_text
from ..lexicon import ROMAN_OF, Lexicon, fold, share_of_part
from ..parse import CLASS_SHARE, MONTHS_SAID, NUMBER, Query, claimed_direction, parse
from ..tools import fmt
from ..types import Answer, Check, Derived, Evidence
from .base import (
    ALL_DISTRICTS,
    ALL_SITES,
    CITY,
    CN_NUMBERS,
    SCOPE_PHRASE,
    PlannerBase,
    class_order,
    classes_named,
    content_words,
    lexicon_words,
    noun_words,
    said_in,
)
from .sentence_check import claim_clauses, contrasted, judge_claim, units


def claim_figures(q: Query, lex: Lexicon) -> list[tuple[float, str, str]]:
    """Each figure a claim states, with the clause around it (so 同比下降9% is read as a change) and the
    comparison it is stated with: "=" (为21), "<" (低于25, 不到40, 25以下) or ">" (超过300, 300天以上).

    A count of the whole the claim is about (11个行政区中, 全国168个重点城市中) is not a claimed figure, and
    以上 inside a name (52个市控以上监测点) is not a comparison."""
    folded = fold(q.text)
    scope = re.compile(rf"\s*[个家座条所项][^\d，,。；;]{{0,8}}?(?:{lex.word_pattern('scope_after')})(?![小度心型级])")
    internal = lex.word_pattern("name_internal_above")
    out = []
    for m in NUMBER.finditer(q.rest):
        start = max(folded.rfind(p, 0, m.start()) for p in "，,；;。:：") + 1
        ends = [i for i in (folded.find(p, m.end()) for p in "，,；;。") if i >= 0]
        end = min(ends) if ends else len(folded)
        if not re.search(r"分别|依次|各为|各是", folded):  # Ⅱ类占30%、Ⅲ类占70% / 为3.04、同比下降7.3%: items with their own figures
            # (26、52微克/立方米 is one list of figures: it stays one clause, each figure to the name listed in its place)
            after_item = re.search(r"、(?=[^、，,；;。\d]*?[\u4e00-\u9fff][^、，,；;。]*?\d)", folded[m.end(): end])
            end = m.end() + after_item.start() if after_item else end
            items = [i for i in re.finditer(r"\d(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff/a-zμ³]{0,6}?)\s*、", folded[start: m.start()])
                     if re.search(r"[\u4e00-\u9fff]", folded[start + i.end(): m.start()])]
            start = start + items[-1].end() if items else start
        before, after = folded[start: m.start()], folded[m.end(): end]
        if re.search(r"(?:其余|其他|其它|剩下的?|剩余)\s*$", before) and re.match(r"\s*[个家座条所]", after):
            continue  # 其余10个区达标: the count of the rest, not a claimed figure
        if m.group() == "1" and re.match(r"\s*[天次个项场][^，,。；;\d]{0,8}?(?:都|也)\s*(?:没|未|不)", after):
            continue  # 一天重污染天气都没出现过: none at all, not a figure of one
        if re.search(r"[上前近]\s*$", before) and re.match(r"\s*年", after) and m.group() == "1":
            continue  # 比上一年 (folded 上1年): a year back, not a figure
        listed = len(re.findall(r"[、和及与]", before)) + 1
        if re.match(r"\s*[个家座条所项处]", after) and listed >= 2 and abs(float(m.group()) - listed) < 1e-9:
            continue  # 虎门大桥、蕉门、洪奇沥三个断面: the size of the list just named
        if re.match(r"\s*个\s*(?:设区市|设区城市|地级市|城市|市州|市（州）|县（市、区）|区县|县市区|行政区|区|县)[^\d，,。；;]{0,12}?(?:排名|排第|排在|名列)", after):
            continue  # 11个设区市环境空气质量排名第一: the places ranked, not a claimed figure
        if scope.match(after) or ALL_OF.match(after) or re.match(r"\s*(月|日|号|时|点钟|热线|工单|转办|平台)|\s*[-—–~至到]\s*\d{1,2}\s*月", after):
            continue  # a count of the whole, or a date (自2024年9月起)
        if re.search(r"[图表]\s*$|(?:标准)?限值[：:]?\s*$", before) or re.match(r"\s*(?:项|种)(?:指标|污染物)", after):
            continue  # （见图5） names a chart; （标准限值：35微克/立方米） quotes the standard; 6项指标 counts the whole
        after = re.sub(internal, "", after)
        if BELOW_BEFORE.search(before) or BELOW_AFTER.match(after):
            cmp = "<"
        elif ABOVE_BEFORE.search(before) or ABOVE_AFTER.match(after):
            cmp = ">"
        else:
            cmp = "="
        out.append((float(m.group()), folded[start:end], cmp))
    return out


COUNT_UNITS = ("个", "家", "条", "座", "项", "处", "辆", "类", "名", "天", "年")


def _claimed_unit(lex: Lexicon, clause: str, number: float) -> str:
    """The unit written right after a claimed figure (10个 -> 个, 21微克/立方米 -> 微克/立方米), or ""."""
    m = re.search(rf"(?<![\d.]){re.escape(fmt(number))}(?:\.0+)?(?![\d.])\s*(.{{0,8}})", clause)
    if not m:
        return ""
    after = m.group(1)
    return lex.unit_of(after[:6]) or next((u for u in COUNT_UNITS if after.startswith(u)), "")


SCOPE_AFTER = re.compile(r"\s*(?:个|家|座|条)")


# a class that names a target, not the class reached: 达到Ⅳ类水质目标, 水质目标为Ⅲ类 (folded: iv类)
_A_CLASS = r"劣?(?:[一二三四五]|iv|v|i{1,3})类"
TARGET_CLASS = re.compile(rf"(?<![a-z]){_A_CLASS}(?:水质)?(?:标准)?(?:考核)?目标|目标(?:水质)?(?:类别)?(?:为|是)\s*{_A_CLASS}")
QUALITY_WORD = re.compile(r"改善|好转|变好|转好|恶化|变差|变坏|下滑")


def _lead_up(claim: str, clause: str, at: int) -> str:
    """What the claim says before a figure: its clause up to the figure, and when that names too little (占66.7%),
    from the figure before it (or the claim's start) on."""
    own = clause[:at]
    named = re.sub(r"同比|比上年|较上年|与上年相比|上升|下降|增加|减少|降低|提高|升高|持平", "", own)  # 同比下降 names nothing
    if len(re.findall(r"[\u4e00-\u9fff]", named)) >= 4 or clause not in claim:
        return own
    start = claim.find(clause)
    earlier = re.sub(r"^[^:：]{0,8}[:：]", "", claim[:start])  # 核实：…
    blank = re.sub(r"(?:19|20)\d\d\s*年", lambda m: " " * len(m.group()), earlier)
    figures = list(NUMBER.finditer(MONTHS_SAID.sub(lambda m: " " * len(m.group()), blank)))
    if own != named and figures:  # 总磷…为0.133毫克/升，同比下降4.4%: a change is of what the figure before it is of
        return earlier[figures[-2].end() if len(figures) > 1 else 0:] + own
    since = earlier[figures[-1].end():] + own if figures else earlier + own
    if len(re.findall(r"[\u4e00-\u9fff]", since)) >= 4:
        return since
    return earlier + own  # 断面中，Ⅱ类水质断面占70%，Ⅲ类占30%: the subject is the claim's opening


def _change_kind(after: str, clause: str) -> str:
    """What a change is measured in, from the unit (a fact's) or the words right after the figure (a claim's):
    percent, percentage points, or an amount of the thing itself; "" when the claim writes no unit (2 lower
    than the year before, with no %, is an amount)."""
    after = fold(after).lstrip()
    if re.match(r"个?百分点|percentage point|pp\b", after):
        return "points"
    if re.match(r"%|percent", after):
        return "percent"
    if re.match(r"[\u4e00-\u9fffμa-z]", after) and not re.match(r"[,，。；;、和及与]|and\b|from\b|than\b|compared|year|on\b|in\b|over\b|since\b|比|较|同比", after):
        return "amount"
    return "amount" if re.search(r"(?:more|fewer|less|lower|higher) than (?:the|in|last|a year)", fold(clause)) else ""


def _level_in_sentence(fact: Evidence, lex: Lexicon) -> re.Match | None:
    """The level or class the fact's own sentence gives right after the indicator's figure (…68.9分贝，比2023年
    降低0.5分贝，属二级水平): searched up to the next ；, where the next indicator begins."""
    text = fold(fact.text)
    names = [fold(a) for a in (fact.indicator, *(lex.indicators[fact.indicator].aliases if fact.indicator in lex.indicators else ()))]
    at = min((text.find(n) for n in names if n in text), default=-1)
    if at < 0:
        return None
    end = text.find("；", at)
    return re.search(r"([一二三四五])(级|类)", text[at: end if end > 0 else len(text)])


CHANGE_MOST = re.compile(r"(升幅|涨幅|增幅|降幅|改善幅度|变化幅度|上升最|下降最|增加最|减少最|改善最)")  # an extreme of the change


def _grade_consistent(after: str, level: re.Match, stated: re.Match) -> bool | None:
    """A standard's grade claimed with 达到/符合 (or denied with 未达到) against the grade the bulletin states. A
    standard is a ceiling: meeting 一级 meets 二级 too. 达到二级 is true of a figure within 一级 unless 仅/只 says
    it reaches no better; 未达到一级 is true only where the stated grade is looser. None: no such verb before it."""
    order = "一二三四五"
    reach = re.search(r"(仅|只|仅仅|只是)?\s*(未|没有|没|尚未|仍未|不能|未能)?\s*(?:能)?(?:达到|符合|满足)[^，,；;。]{0,12}$",
                      after[: level.start()])
    if not reach:
        return None
    claimed, given = order.index(level.group(1)), order.index(stated.group(1))
    if reach.group(2):
        return given > claimed
    return given == claimed if reach.group(1) else given <= claimed


BARE_LIST = re.compile(r"\d(?:\.\d+)?\s*[%％]?\s*[、和及与]\s*\d")  # 为26、52微克/立方米: a list of figures, one per name


def _respectively(q: Query, figures: list) -> dict[int, tuple[str | None, str | None]]:
    """PM10、二氧化氮分别为37、27，同比分别下降9.8%和6.9%: in a clause with 分别, the i-th figure belongs to the
    i-th name listed (indicators, or else places), when the counts agree."""
    folded = fold(q.text)
    out: dict[int, tuple[str | None, str | None]] = {}
    by_clause: dict[str, list[int]] = {}
    for n, (_number, clause, _cmp) in enumerate(figures):
        by_clause.setdefault(clause, []).append(n)
    listed = False  # …分别为2.28、2.39和2.62，同比改善15.6%、21.6%和3.0%: 分别 reaches the lists that follow it
    for clause, members in by_clause.items():
        listed = listed or "分别" in clause or "respectively" in clause or bool(BARE_LIST.search(clause))
        if not listed or len(members) < 2:
            continue
        if len(q.indicators) == len(members) > 1:
            out.update({n: (q.indicators[i], None) for i, n in enumerate(members)})
        elif len(q.places) == len(members) > 1 and "分别" in folded:
            out.update({n: (None, q.places[i]) for i, n in enumerate(members)})
    return out




def clause_as_written(q: Query, clause: str) -> str:
    """The user's own spelling of a folded clause (fold keeps the length for almost all text)."""
    folded = fold(q.text)
    at = folded.find(clause)
    return q.text[at: at + len(clause)] if at >= 0 and len(folded) == len(q.text) else clause


BELOW_BEFORE = re.compile(r"(低于|少于|小于|不到|不足|不超过|未超过|没超过|没有超过|below|under|less than|<|≤)\s*$")
ABOVE_BEFORE = re.compile(r"(超过|高于|多于|大于|超出|逾|above|over|more than|>|≥)\s*$")
BELOW_AFTER = re.compile(r"\s*[^\d，,。；;]{0,8}?(以下|以内|之内)")
ABOVE_AFTER = re.compile(r"\s*(多|余)|\s*(?:[个天家条座项处年%]|微克/立方米|毫克/立方米|毫克/升|分贝|万吨|吨)?\s*以上|"
                         r"\s*[^\d，,。；;]{0,8}?以上(?=$|[\s，,。；;的）)])")
EVERY = re.compile(r"都|全部|均|全都|一律|无一|每个|所有|all|every")
# 11个行政区都/全部…: the count of every district, said to introduce an all-districts claim
ALL_OF = re.compile(r"\s*个\s*(?:国考|省考|国控|省控|、)*(?:行政区|区|断面|站点|监测点|测点|点位|城市|设区市)\s*(?:的)?[^\d，,。；;]{0,10}?"
                    r"(?:都|全部|均|全都|一律)|\s*districts")
CMP_TEXT = {"<": "低于", ">": "高于"}
def _negation(text: str) -> str:
    """One spelling of "not": 没有出现 / 没出现 / 并未出现 -> 未出现."""
    return re.sub(r"并未|没有|没|无", "未", text)




MEASURE_WORDS = {"数量", "个数", "比例", "比率", "总量", "数值", "占比", "天数"}  # what any count or share is named by
ONLY = re.compile(r"唯一|只有|仅")  # 唯一一个一类的区 / 仅从化区为一类
NEGATED_ONLY = re.compile(r"(?:不是|并非|不止|不只)\s*(?:唯一|只有|仅)")


class ClaimIntent(PlannerBase):
    def _claim(self, q: Query) -> Answer:
        d = Draft("claim")
        if q.other_city and not q.places:
            d.add(f"无法核实：本公报只涉及{self.region}，未给出{q.other_city}的数据。")
            return d.answer(verdict="unverifiable")
        separate = self._separate_subjects(q)
        if separate is not None:
            return separate
        if not q.indicators:
            folded = fold(q.text)
            sites = ALL_SITES.search(folded) and not ALL_DISTRICTS.search(folded)
            pool = self.lex.sites if sites else self.lex.districts
            if (sites or ALL_DISTRICTS.search(folded)) and EVERY.search(folded) and classes_named(q.text):
                # 8个断面均达到或优于Ⅲ类: no name said, but the class every section (district) has is given
                f = self.box.facts
                held = f[(f["stat"] == "class") & f["place"].isin(list(pool))]["indicator"]
                if len(held):
                    every = self._claim_every_district(q, held.iloc[0], d)
                    if every:
                        return every
            status = self._site_status(q, q.places[0], d) if len(q.places) == 1 else None
            return status or self._claim_text(q, d)
        place = q.places[0] if q.places else CITY
        key = self._most_specific(q)
        extreme = None
        if (q.best or q.worst) and place in self.lex.districts and len(self.box.rank_districts(key)) >= 2:
            # 浓度最高的区是海珠区: the districts' own figures settle the extreme, not a sentence saying 相对较高
            e = Draft("claim")
            extreme, _ = self._check_extreme(q, key, place, e)
            if extreme and not claim_figures(q, self.lex):
                e.parts.insert(0, f"核查结论：{'属实' if extreme == 'supported' else '不符'}。")
                return e.answer(verdict=extreme)
        only = self._claim_only_class(q, key, place)
        if only is not None and (only.verdict == "refuted" or len(claim_clauses(q.text)) == 1):
            return only  # …为一类；从化区是唯一一类的区: the other clauses are still to be checked when this one holds
        each = self._class_of_each_named(q)
        if each is not None:
            return each
        stated = self._claim_by_sentence(q, Draft("claim"))
        if stated is not None and stated.verdict == "supported" and extreme != "refuted":
            return stated  # the bulletin says it as claimed, word for word or near it: its figures need no pairing
        if (ALL_DISTRICTS.search(fold(q.text)) or ALL_SITES.search(fold(q.text))) and EVERY.search(fold(q.text)):
            every = self._claim_every_district(q, key, d)
            if every:
                return every
        if re.search(r"[一二三四五]类|前\s*[一二三四五六七八九十\d]\s*[位名]|后\s*[一二三四五六七八九十\d]\s*[位名]", fold(q.text)):
            said = self._claim_members(q, key, d) or self._claim_count(q, key, d)  # 4个区为二类 / 三类的有6个区
            if said:
                return said
        figures = claim_figures(q, self.lex)
        if not figures:
            return self._claim_qualitative(q, key, place, d, stated)
        results = []
        pairs = _respectively(q, figures)
        for n, (number, clause, cmp) in enumerate(figures):
            first_part = len(d.parts)
            fact = self._check_figure(q, d, number, clause, cmp, results, *pairs.get(n, (None, None)))
            d.checks.append(Check(claim=clause_as_written(q, clause).strip(), verdict=results[-1],
                                  text=d.plain(first_part), evidence=[fact] if fact else []))
        status = self._check_status(q, d)
        if status:
            results.append(status)
        ordinal = self._check_ordinal(q, d)
        if ordinal:
            results.append(ordinal)
        results += self._check_class_clauses(q, d)
        since = re.search(r"(?:自|从)\s*((?:19|20)\d\d)\s*年\s*(?:起|以来|开始)", fold(q.text))
        start = next(iter(self.box.facts_for(q.indicators[0], place, "since")), None) if since else None
        if start is not None and start.value is not None:  # 自2011年起稳定保持100%
            ok = int(start.value) == int(since.group(1))
            results.append("supported" if ok else "refuted")
            d.add(f"{'属实' if ok else '不符'}：公报原文为“{start.note or start.text}”{d.cite(start)}。")
        first_part = len(d.parts)
        extreme, mine = self._check_extreme(q, q.indicators[0], place, d)  # 白云区PM2.5为24，全市最高: both parts
        if extreme is None:
            extreme, mine = self._check_listed_extreme(q, q.indicators[0], d)
        if extreme:
            results.append(extreme)
            d.parts[first_part] = f"{'属实' if extreme == 'supported' else '不符'}：{d.parts[first_part]}"
            d.checks.append(Check(claim="全市最高" if self._want_high(q, q.indicators[0]) else "全市最低",
                                  verdict=extreme, text=d.plain(first_part), evidence=[mine]))
        results += self._clauses_said_otherwise(q, d, stated)
        verdict = "refuted" if "refuted" in results else ("supported" if results and all(r == "supported" for r in results) else "unverifiable")
        if verdict == "unverifiable" and stated is not None:
            return stated  # 11个设区城市PM2.5均达到二级标准: no figure settles it, one clause does
        head = {"supported": "核查结论：属实。", "refuted": "核查结论：不符。", "unverifiable": "核查结论：无法核实。"}[verdict]
        d.parts.insert(0, head)
        return d.answer(verdict=verdict)

    def _separate_subjects(self, q: Query) -> Answer | None:
        """石井监测点是全市最差的几个之一，白云区PM2.5也是全市最高: a claim without figures whose clauses each name a
        subject of their own (another indicator or place) is several claims. Each is checked by itself; the whole
        is 属实 only if every one is, 不符 if any one is."""
        from ..answer import merge_answers

        core = re.sub(r"^核实[:：]\s*", "", q.text)
        clauses = claim_clauses(core)
        if len(clauses) < 2:
            return None
        if claim_figures(q, self.lex):
            # …水质均为Ⅱ类，富营养化指数分别为35.2和36.5，都属于中营养: with figures, a clause that names no indicator of
            # its own goes with the one before it (同比下降8.7% with PM2.5为21)
            merged: list[str] = []
            for c in clauses:
                if merged and not self.lex.find("indicator", c):
                    merged[-1] = f"{merged[-1]}，{c}"
                else:
                    merged.append(c)
            clauses = merged
            if len(clauses) < 2 or not self.lex.find("indicator", clauses[0]):
                return None
        for n in range(1, len(clauses)):  # 流溪河水库和黄龙带水库…，富营养化指数分别为35.2和36.5: the places said before
            before = [m for kind in ("district", "site") for m in self.lex.find(kind, clauses[n - 1])]
            if before and not any(self.lex.find(kind, clauses[n]) for kind in ("district", "site", "city")):
                said = "和".join(dict.fromkeys(fold(clauses[n - 1])[m.start: m.end] for m in sorted(before, key=lambda m: m.start)))
                clauses[n] = f"{said}{clauses[n]}"
        subs = [parse(f"核实：{c}", self.lex) for c in clauses]
        subjects = [(s.indicators, tuple(p for p in s.places if p != CITY)) for s in subs]
        # 各区地表水环境质量排名中，白云区排在最后一名: a scope and what is said in it are one claim
        named = [set(ind) for ind, _ in subjects]  # 南沙区臭氧超标，是全市唯一臭氧未达标的区: one subject, one claim
        if any(not ind for ind in named) or any(a & b for i, a in enumerate(named) for b in named[i + 1:]) or \
                any(s.intent != "claim" for s in subs) or any(re.search(r"(?:中|里|之中|当中|方面|来看|而言)$", c) for c in clauses):
            return None
        answers = [self._claim(replace(s, years=s.years or q.years)) for s in subs]
        verdicts = [a.verdict for a in answers]
        verdict = "refuted" if "refuted" in verdicts else (
            "supported" if all(v == "supported" for v in verdicts) else "unverifiable")
        if verdict == "unverifiable" and claim_figures(q, self.lex):
            return None  # …占70%，没有Ⅳ类及以下断面: a clause unsettled alone may be settled with the rest, by its sentence
        for clause, a in zip(clauses, answers, strict=True):
            a.text = f"说法“{clause}”：" + re.sub(r"^核查结论：", "", a.text)
        merged = merge_answers(answers)
        merged.text = {"supported": "核查结论：属实。", "refuted": "核查结论：不符。",
                       "unverifiable": "核查结论：无法全部核实。"}[verdict] + "\n" + merged.text
        merged.verdict, merged.intent = verdict, "claim"
        return merged

    def _check_figure(self, q: Query, d: Draft, number: float, clause: str, cmp: str,
                      results: list[str], paired_key: str | None = None, paired_place: str | None = None) -> Evidence | None:
        """Check one stated figure against the bulletin; appends its verdict to `results`, returns its evidence."""
        # "PM2.5为23微克/立方米，达标344天": each clause may name its own indicator and place
        # 达标344天 -> 达标天 (a name); 有8个 -> 有 (个 counts, it names nothing); PM2.5 stays PM2.5
        part = parse(re.sub(r"(?<![a-zA-Z\d.])\d+(?:\.\d+)?(?:[个家条座项处辆])?", "", clause), self.lex)
        key = paired_key or (part.indicators[0] if part.indicators and not part.weak else q.indicators[0])
        named_key = key  # what the claim names; another indicator chosen below must be named too
        written = next(iter(sorted(re.finditer(rf"(?<![\d.]){re.escape(fmt(number))}(?:\.0+)?(?![\d.])", clause),
                                   key=lambda m: bool(SCOPE_AFTER.match(clause, m.end())))), None)  # 3.0% is 3, 三个 is a count
        at = written.start() if written else -1
        share_said = [m for m in CLASS_SHARE.finditer(fold(clause[:at]))] if at > 0 else []
        roman = ROMAN_OF.get(share_said[-1].group(1), share_said[-1].group(1)) if share_said else ""
        own_share = [k for k in self.lex.indicators if roman and fold(k).startswith(roman + "类") and re.search(r"比例|占比", k)]
        if not paired_key and len(own_share) == 1 and len(fold(clause[:at])) - share_said[-1].end() <= 2:
            key = named_key = own_share[0]  # 国考省考断面Ⅱ类占70%、Ⅲ类占30%: each class's own share, not the whole's
        elif not paired_key and len(part.indicators) > 1 and not part.weak and at > 0:
            named = [m.key for m in self.lex.find("indicator", clause[:at]) if m.key in part.indicators and
                     any(ev.value is not None for ev in self.box.facts_for(m.key))]
            if named:  # coastal waters … inorganic nitrogen concentration of 1.47: the one with figures, named last
                key = named_key = named[-1]
        elif not paired_key and (not part.indicators or part.weak) and len(q.indicators) > 1 and clause in fold(q.text):
            named = [m.key for m in self.lex.find("indicator", fold(q.text)[: fold(q.text).find(clause)])
                     if m.key in q.indicators and any(ev.value is not None for ev in self.box.facts_for(m.key))]
            if named:  # …1.47 mg/L in 2024, down 21.4% year on year: the clause names none; the one named before it
                key = named_key = named[-1]
        share = share_of_part(self.lex, clause[: at] if at > 0 else "", list(q.indicators), bare=True) if not paired_key else None
        key = share or key  # 海滩垃圾主要类型为塑料类（66.7%）、聚苯乙烯泡沫塑料类（21.3%）: each part's own share
        place = paired_place or (part.places[0] if part.places else self._place_before(q, clause))
        name = self._indicator(key).display
        stat = "streak" if re.search(rf"连续\s*{re.escape(fmt(number))}\s*年", clause) else self._claim_stat(q, clause)
        upto = clause[: at + len(fmt(number))] if at >= 0 else clause
        if stat == "target" and not re.search(r"目标|target", upto):
            stat = self._claim_stat(q, upto)  # 为94.0%（省考目标90.5%）: the target named after the figure is another one
        direction = self._claimed_move(clause, key)
        if stat == "value":  # 水源由10个减少为9个: a count claimed is checked against the topic's count, not its rate
            key = self._by_unit(key, place, _claimed_unit(self.lex, clause, number), clause)
            name = self._indicator(key).display
        elif stat in ("yoy", "vs2013") and not paired_key and _claimed_unit(self.lex, clause, number) in ("天", *COUNT_UNITS):
            # 达标344天，比上年增加16天: a change counted in days is the days' change, named earlier in the claim
            upto = fold(q.text)[: fold(q.text).find(clause) + len(clause)] if clause in fold(q.text) else clause
            key = self._by_unit(key, place, _claimed_unit(self.lex, clause, number), upto)
            named_key = key if self._names(upto, key) else named_key
            name = self._indicator(key).display
        fact = self.box.lookup(key, place, self.year if stat != "value" else (q.year or self.year), stat)
        if fact is None and stat == "streak":  # 连续3年全面达标: the topic's own count of years, if that is how it is kept
            other = self._by_unit(key, place, "年", clause)
            if other != key:
                key, stat, name = other, "value", self._indicator(other).display
                fact = self.box.lookup(key, place, self.year, "value")
        start = rf"(由|从)\s*{re.escape(fmt(number))}(?:\.0+)?(?![\d.])"
        if fact is not None and re.search(start, clause):
            # 由10个减少为9个 / 从51.0%增至74.2%: the starting figure is checked against the same sentence
            same = bool(re.search(start, fold(fact.text)))
            results.append("supported" if same else "unverifiable")
            d.add(f"{'属实' if same else '无法核实'}：原来的“{fmt(number)}”{'与公报原文一致' if same else '公报未给出'}{d.cite(fact)}。")
            return fact
        # a sibling picked by the unit (监测点数量 said, a % found: 优良天数比率) must cover every word the claim says
        missing = self._uncovered(part.rest, [fact] if fact else [], key, any_=key != named_key)
        # a verb the bulletin never uses (获得 of 获得贷款) says how, not what; a word right after a site's name is part of
        # that name (…美丽单元项目); a noun it never uses (地铁 of 地铁噪声) still says the claim is about something else
        verbs = {p.word for p in jieba.posseg.cut(fold(clause)) if p.flag.startswith("v")} if missing else set()
        missing = [w for w in missing if not self._right_after(clause, w, ("site",)) and not (w in verbs and not self.box.says_anywhere(w))]
        folded = fold(q.text)  # 24个国省控断面中(有): the scope, not the subject
        scopes = [m.span() for m in SCOPE_PHRASE.finditer(folded)]
        missing = [w for w in missing if not any(a <= folded.find(fold(w)) < b for a, b in scopes)]
        if (fact is None or fact.value is None or missing) and cmp == "=":
            stated_so = self._said_as_claimed(clause, number, q.text)
            if stated_so is not None:  # 已连续11年实现100%履约: no fact holds it, a clause of the bulletin says it
                results.append("supported")
                said = f"{'属实：' if len(q.numbers) > 1 else ''}公报原文：“{stated_so[0].strip()}”{d.cite(stated_so[1])}。"
                if said not in d.parts:  # both figures of 连续11年100%履约 are said in the one clause
                    d.add(said)
                return stated_so[1]
        if fact is not None and missing:
            # 土壤监测点位超标率 claimed, the figure found is about 空气质量监测点: a different subject
            results.append("unverifiable")
            d.add(f"公报未给出“{'、'.join(missing)}”方面的相应数据，无法核实“{fmt(number)}”。")
            near = self._best_sentence(clause)
            if near and near[0] >= 0.5:
                d.add(f"公报相关原文：{near[1]}{d.cite(Evidence(text=near[1], locator=near[2].locator, source=near[2].source))}")
            return None
        counted = _claimed_unit(self.lex, clause, number) in COUNT_UNITS
        if stat == "value" and part.measures and not counted and not self._fits(key, part.measures):
            # 产生量 claimed, only a 利用率 reported: nothing to check it against
            results.append("unverifiable")
            d.add(f"公报未给出{self._asked_subject(replace(part, places=()))}的数值，无法核实“{fmt(number)}”。")
            return None
        if fact is None or fact.value is None:
            otherwise = self._said_otherwise(clause, number, q.text)
            if otherwise is not None:  # 连续10年100%履约: the bulletin says the same words with another figure
                said, ev, figure = otherwise
                results.append("refuted")
                d.add(f"不符：公报原文为“{said.strip()}”{d.cite(ev)}，说法中的“{fmt(number)}”应为“{figure}”。")
                return ev
            results.append("unverifiable")
            d.add(f"公报未给出{self._place_name(place)}{name}的相应数据，无法核实“{fmt(number)}”。")
            return None
        if key != named_key and not self._names(clause, key):
            # a figure the claim ties to nothing it names (down 21.4% …): another indicator's figure refutes nothing
            results.append("unverifiable")
            d.add(f"公报未给出可与“{fmt(number)}”直接对应的数据。")
            return None
        claimed_kind = _change_kind(clause[written.end():] if written else "", clause)
        if stat in ("yoy", "vs2013") and claimed_kind not in ("", _change_kind(fact.unit or "", "")) and not paired_key:
            # 降水pH值5.82，酸雨频率6.6%，同比下降2.8个百分点: the change in points is the rate's, not the pH's
            fitting = [ev for k in q.indicators if k != key for ev in [self.box.lookup(k, place, self.year, stat)]
                       if ev is not None and ev.value is not None and _change_kind(ev.unit or "", "") == claimed_kind]
            if len(fitting) == 1:
                fact, key = fitting[0], fitting[0].indicator
                name = self._indicator(key).display
        if stat in ("yoy", "vs2013") and claimed_kind and _change_kind(fact.unit or "", "") not in ("", claimed_kind):
            # 下降2微克/立方米 against 同比下降8.7%: an amount is not a percentage; neither confirms the other
            results.append("unverifiable")
            d.add(f"公报给出的是{self._place_name(place)}{name}{change_text(fact, since='同比' if stat == 'yoy' else '比2013年')}"
                  f"{d.cite(fact)}，说法中的“{fmt(number)}”是另一种变化量，无法直接核对。")
            return fact
        size = abs(fact.value) if stat in ("yoy", "vs2013") else fact.value
        same = {"=": abs(size - number) < 1e-9, "<": size < number, ">": size > number}[cmp]
        rough_fact = fact.note in ("超", "多", "余") or (fact.unit or "")[:1] in ("多", "余")
        rough_claim = at >= 0 and re.match(r"\s*[多余]", clause[at + len(fmt(number)):])
        if cmp == ">" and rough_fact and rough_claim:
            same = abs(size - number) < 1e-9  # 70多个 said of 70多个: the same words; 300余条 of 400余条 is not
        if stat in ("yoy", "vs2013"):
            sign = (fact.value > 0) - (fact.value < 0)
            same = same and (direction == 0 or direction == sign)
            said = change_text(fact, since="同比" if stat == "yoy" else "比2013年")
        elif stat == "streak":
            said = f"{fact.note or '连续年数'}为{value_text(fact)}"
        else:
            said = f"为{value_text(fact)}"
        after = fold(q.text)[fold(q.text).find(clause) + max(at, 0):] if clause in fold(q.text) else clause
        figures = re.split(r"(?<![\d.])(?!(?:19|20)\d\d(?![\d.]))\d+(?:\.\d+)?(?![\d.])", after, maxsplit=2)  # not a year
        said_after = figures[1] if len(figures) > 1 else after
        level = re.search(r"([一二三四五])(级|类)", said_after)
        stated_level = re.search(r"([一二三四五])(级|类)", fact.text_value or "") or _level_in_sentence(fact, self.lex)
        level_ev = fact
        if stated_level is None and level and level.group(2) == "级":  # the level the bulletin gives it elsewhere
            grade = self.box.lookup(fact.indicator, fact.place, self.year, "grade")
            stated_level = re.search(r"([一二三四五])(级)", grade.text_value or "") if grade is not None else None
            level_ev = grade
        consistent = _grade_consistent(said_after, level, stated_level) if level and stated_level and \
            level.group(2) == stated_level.group(2) == "级" else None
        if same and consistent is not None:
            if not consistent:  # 未达到一级标准 said of a figure within 一级 / 仅达到二级 of one within 一级
                same, cmp = False, "level"
        elif same and level and stated_level and level.group(2) == stated_level.group(2) and level.group(1) != stated_level.group(1):
            same = False  # 68.9分贝，属三级水平: the figure is right, the level it is given is not (二级水平)
            cmp = "level"
        if not same and cmp == "=":
            stated_so = self._said_as_claimed(clause, number, q.text)
            if stated_so is not None:  # 其中Ⅱ类水质断面比例为70%: a clause says it, though the fact paired is another's
                results.append("supported")
                d.add(f"{'属实：' if len(q.numbers) > 1 else ''}公报原文：“{stated_so[0].strip()}”{d.cite(stated_so[1])}。")
                return stated_so[1]
            otherwise = self._said_otherwise(clause, number, q.text)
            if otherwise is not None and fmt(fact.value) not in (otherwise[2], fmt(number)):
                said, ev, figure = otherwise  # Ⅲ类占20%: the clause with its words says 30%, not the paired 优良比例
                results.append("refuted")
                d.add(f"不符：公报原文为“{said.strip()}”{d.cite(ev)}，说法中的“{fmt(number)}”应为“{figure}”。")
                return ev
        results.append("supported" if same else "refuted")
        lead = ("属实：" if same else "不符：") if len(q.numbers) > 1 or q.best or q.worst else ""
        d.add(f"{lead}公报显示{self._place_name(place)}{name}{said}{d.cite(fact)}")
        if not same and stat in ("yoy", "vs2013"):  # 同比下降3.7% said of a rise: what the figure itself is
            current = self.box.lookup(key, place, fact.year, "value")
            if current is not None and current.value is not None:
                d.add(f"（{fact.year}年为{self._describe(d, current)}）")
        moved = f"（{'上升' if direction > 0 else '下降'}）" if direction and stat != "value" else ""
        stated = f"{CMP_TEXT.get(cmp, '')}{fmt(number)}{moved}"
        if cmp == ">" and rough_claim and not moved:  # 300余条: said as the claim says it
            stated = f"{fmt(number)}{rough_claim.group().strip()}"
        if cmp != "=" and moved:  # 下降超过5%
            stated = f"{moved[1:-1]}{'超过' if cmp == '>' else '不到'}{fmt(number)}"
        if cmp == "level":
            words = re.search(r"(?:仅仅|仅|只|未能|未|没有|尚未)?\s*(?:达到|符合|满足|属于?)?[^，,；;。\d]{0,12}?[一二三四五](?:级|类)", said_after)
            d.add(f"，公报为“{stated_level.group()}”{d.cite(level_ev) if level_ev is not fact else ''}，"
                  f"与说法中的“{words.group().strip() if words else level.group()}”不一致。")
        elif cmp == "=":
            d.add("。" if same else f"，与说法中的“{stated}”不一致。")
        else:  # 低于25: the figure is compared, not matched
            d.add(f"，{'符合' if same else '不符合'}说法中的“{stated}”。")
        if not same and cmp == "=":  # 51%: the figure the bulletin gives for another year, said as this year's
            other = next((ev for ev in self.box.facts_for(key, place, stat) if ev.year != fact.year
                          and ev.value is not None and abs((abs(ev.value) if stat in ("yoy", "vs2013") else ev.value) - number) < 1e-9), None)
            if other is not None:
                d.add(f"（说法中的“{fmt(number)}”是公报所载{other.year}年的数值{d.cite(other)}。）")
        if not same and fact.locator.endswith("正文") and len(fact.text) <= 160 and fact.text not in "".join(d.parts):
            d.add(f"（公报原文：{fact.text}）")  # the whole sentence: what else it says of the subject
        return fact

    def _place_before(self, q: Query, clause: str) -> str:
        """The place a clause that names none is about: the last one the claim names before it (…146微克/立方米，同比
        下降8.2%；全市仅南沙区臭氧超标: the 8.2 is the city's, 南沙区 comes after it), else the first place named."""
        folded = fold(q.text)
        at = folded.find(fold(clause))
        if at < 0 or not q.places:
            return q.places[0] if q.places else CITY
        # only the places the claim is about: 在粤东西北12个地级市中 names where a place ranks, not a subject
        before = [m for kind in ("district", "site") for m in self.lex.find(kind, folded[:at]) if m.key in q.places]
        if before:
            return max(before, key=lambda m: m.start).key
        later = [m for kind in ("district", "site") for m in self.lex.find(kind, folded[at:])]
        return CITY if later else q.places[0]

    def _places_in(self, text: str) -> list[str]:
        """The districts and sites a text names."""
        return [m.key for kind in ("district", "site") for m in self.lex.find(kind, text)]

    def _names_subject(self, claim: str, clause: str, text: str) -> bool:
        """The indicator the claim names last before the clause's figure (PM2.5 in …21微克/立方米，同比下降9.8%) is
        the one the bulletin's text names last before its figure (not PM10); a claim or text naming none passes."""
        folded = fold(claim)
        at = folded.find(fold(clause))
        upto = folded[: at + len(fold(clause))] if at >= 0 else fold(clause)
        found = self.lex.find("indicator", upto)
        if not found:
            return True
        said = self.lex.find("indicator", text)
        if not said:
            return True
        surface = upto[found[-1].start: found[-1].end]  # 海滩垃圾 names 海滩垃圾塑料类占比 as well as 海滩垃圾密度
        last = said[-1].key  # the last one the bulletin names before the figure
        return last == found[-1].key or any(surface in fold(n) for n in (last, *self.lex.indicators[last].aliases))

    def _words_before(self, text: str) -> tuple[str, list[str]]:
        """What a claim says before a figure, years and the city blanked, and its Chinese words in the order said."""
        before = re.sub(r"(?:19|20)\d\d\s*年?", " ", text)
        _, before = self.lex.blank(before, ("city",))
        return before, sorted((w for w in content_words(before) if re.search(r"[\u4e00-\u9fff]", w)), key=before.rfind)

    def _said_otherwise(self, clause: str, number: float, claim: str) -> tuple[str, Evidence, str] | None:
        """A clause of the bulletin with the claim's words around a figure (连续11年100%履约 for 连续10年100%履约):
        every word the claim says before the figure, the same word right before it and the same unit after, no
        other contrast member, and another figure in its place. Returns the clause, its sentence and its figure."""
        folded = fold(clause)
        at = folded.find(fmt(number))
        if at < 0:
            return None
        import jieba

        before, words = self._words_before(folded[:at])
        tokens = [t for t in jieba.lcut(before) if t.strip()]
        unit = re.match(r"\s*(%|个百分点|[\u4e00-\u9fff])", folded[at + len(fmt(number)):])
        if len(words) < 2 or not tokens or not unit or not re.search(r"[\u4e00-\u9fff]", tokens[-1]):
            return None
        nouns = [w for w in words if w in noun_words(before)]
        slot = re.compile(rf"{re.escape(tokens[-1])}\s*({NUMBER.pattern})\s*{re.escape(unit.group(1))}")
        mine = self.lex.groups_named(folded, "contrasts")
        for said, ev in self.box.clauses_stating(None):
            here = fold(said)
            m = slot.search(here)
            if not m or abs(float(m.group(1)) - number) < 1e-9 or not all(w in here for w in nouns) or \
                    sum(w in here for w in words) * 3 < len(words) * 2 or not self._names_subject(claim, clause, fold(ev.text)):
                continue  # every noun said before the figure, and most of its other words (已经 is the claim's own)
            if any(a and b and not a & b for a, b in zip(mine, self.lex.groups_named(here, "contrasts"), strict=True)):
                continue
            return said, ev, m.group(1)
        return None

    def _said_as_claimed(self, clause: str, number: float, claim: str) -> tuple[str, Evidence] | None:
        """A clause of the bulletin that states the claimed figure with every word the claim says before it (in that
        clause or earlier in its sentence), the same unit after it and no other direction: the claim is said there,
        whichever fact the figure was paired with."""
        folded = fold(clause)
        at = folded.find(fmt(number))
        if at < 0:
            return None
        before, words = self._words_before(_lead_up(fold(claim), folded, at))
        if len(words) < 2:
            return None
        piece = next(p for p in re.finditer(r"[^、，,；;]+", folded) if p.start() <= at < p.end()).group()
        others = [float(n) for n in NUMBER.findall(MONTHS_SAID.sub(" ", re.sub(r"(?:19|20)\d\d\s*年", " ", piece)))
                  if abs(float(n) - number) > 1e-9]  # 7月 is when, not another figure
        # others: 连续11年100%履约's other figure, not a listed part's; the nouns include the lexicon's terms (总磷)
        nouns = [w for w in words if w in noun_words(before) | lexicon_words(before)]
        unit = re.match(r"\s*(%|个百分点|[\u4e00-\u9fff]{1,2}|[a-zμ/³]+)", folded[at + len(fmt(number)):])
        mine = self.lex.groups_named(folded, "contrasts")
        for said, ev in self.box.clauses_stating(number):
            sentence = fold(ev.text)
            upto = sentence[: sentence.find(fold(said)) + len(said)] if fold(said) in sentence else fold(said)
            here = fold(said)
            if not all(said_in(w, upto) for w in nouns) or sum(said_in(w, upto) for w in words) * 3 < len(words) * 2 \
                    or not any(said_in(w, here) for w in words[-2:]) or not self._names_subject(claim, clause, upto):
                continue  # its nouns and most words, the word right before the figure in the clause, the claim's indicator
            pos = here.find(fmt(number))
            if unit and pos >= 0 and not here[pos + len(fmt(number)):].lstrip().startswith(unit.group(1).strip()[:1]):
                continue
            if any(a and b and not a & b for a, b in zip(mine, self.lex.groups_named(here, "contrasts"), strict=True)):
                continue  # Ⅱ类 claimed, Ⅲ类 said; 下降 claimed, 上升 said
            if bool(QUALITY_WORD.search(folded[:at])) != bool(QUALITY_WORD.search(here[:pos] if pos >= 0 else here)):
                continue  # 改善了1.2% claimed, 上升1.2% said: whether a rise is better is not said in the same words
            theirs = [float(n) for n in NUMBER.findall(here)]
            if any(all(abs(n - t) > 1e-9 for t in theirs) for n in others):
                continue  # 连续10年100%履约 against 连续11年100%履约: the clause says another figure beside it
            if re.search(rf"{NUMBER.pattern}\s*[%％]?\s*[、和及与]\s*{NUMBER.pattern}", here) or any(
                    fold(self.lex.short(p) if p in self.lex.districts else p) not in here for p in self._places_in(before)):
                continue  # 同比改善15.6%、21.6%和3.0%: whose figure is which is for the paired facts to say
            pos = upto.rfind(fmt(number), 0, len(upto))
            local = re.split(NUMBER.pattern, upto[:pos] if pos >= 0 else upto)[-1]
            theirs_nouns = [w for w in noun_words(local) if re.search(r"[\u4e00-\u9fff]{2}", w)]
            if theirs_nouns and sum(said_in(w, fold(claim)) for w in theirs_nouns) * 3 < len(theirs_nouns) * 2:
                continue  # 聚苯乙烯泡沫塑料类（占比21.3%）is not 塑料类为主，占21.3%: what the bulletin says the figure is of
            return said, ev
        return None

    def _claim_every_district(self, q: Query, key: str, d: Draft) -> Answer | None:
        """所有区都是二类或三类 / 11个行政区臭氧全部达标 / 各区PM2.5都低于30: checked district by district,
        the exceptions named. None when the bulletin gives nothing district by district to check it with."""
        folded = fold(q.text)
        sites = bool(ALL_SITES.search(folded)) and not ALL_DISTRICTS.search(folded)
        pool = self.lex.sites if sites else self.lex.districts  # 8个断面全部达到水质目标: section by section
        what = "断面（站点）" if sites else "区"
        said = classes_named(q.text)
        classes = [ev for ev in self.box.facts_for(key, stat="class", year=self.year) if ev.place in pool]
        if not classes and said:  # 生态质量都是二类或三类: the classes are the sibling's (生态质量类型, 水质类别)
            keys = [key, *filter(None, [self._class_sibling(key)])]
            classes = [ev for k in keys for ev in self.box.facts_for(k, stat="class", year=self.year) if ev.place in pool]
        exceptions: list[Evidence] = []
        checked: list[Evidence] = []
        if classes and said and all(class_order(ev.text_value) for ev in classes):
            checked = classes
            if re.search(r"优于|以上|以内|之内|或更好|不低于|不差于|or better", folded):  # 均达到或优于Ⅳ类 / 都在Ⅳ类以内:
                strict = re.search(r"优于", folded) and not re.search(r"或优于|及以上|以上|以内|之内", folded)  # 优于Ⅲ类: Ⅲ is not
                exceptions = [ev for ev in classes if class_order(ev.text_value) >= max(said) + (0 if strict else 1)]
            elif re.search(r"以下|劣于|差于|或更差|or worse", folded):  # 均为Ⅳ类及以下: none better than it
                exceptions = [ev for ev in classes if class_order(ev.text_value) < min(said)]
            else:  # 均为二类或三类: each one of the classes named
                exceptions = [ev for ev in classes if class_order(ev.text_value) not in said]
        elif re.search(r"达标|达到.{0,6}(?:标准|目标)|超标|\bmet\b.{0,30}standard|\bmeets?\b.{0,30}standard", folded):
            grades = [ev for ev in self.box.facts_for(key, stat="grade") if ev.place in pool]
            if not grades and sites:  # the status a table gives each section (是否达标), whatever its column's name
                f = self.box.facts
                grades = [self.box.tables.evidence(row) for _, row in f[(f["stat"] == "grade") & (f["year"] == self.year) & f["place"].isin(list(pool))].iterrows()]
            limit = self.box.standard_limit(key)
            values = self.box.rank_districts(key)
            exceptions = [ev for ev in grades if re.search(r"超标|未达", ev.text_value)]
            if limit is not None and limit.text_value != "一级":
                exceptions += [ev for ev in values if ev.value > limit.value]
            checked = grades + values
            if "超标" in folded and not re.search(r"未超标|不超标|没有超标|均未", folded):
                exceptions, checked = [], []  # 各区都超标: an unusual claim; leave it to the figure checks
        else:
            bounds = [(n, cmp) for n, _, cmp in claim_figures(q, self.lex) if cmp != "="]
            values = self.box.rank_districts(key)
            if bounds and values:
                bound, cmp = bounds[0]
                checked = values
                exceptions = [ev for ev in values if not (ev.value < bound if cmp == "<" else ev.value > bound)]
        if not checked:
            return None
        shown = checked[0].indicator if checked and checked[0].indicator in self.lex.indicators else key
        name = self._indicator(shown).display
        if exceptions:
            d.add(f"核查结论：不符。并非所有{what}都如此，例外的{what}：" + "；".join(
                f"{ev.place}{value_text(ev) if ev.value is not None else ev.text_value}{d.cite(ev)}" for ev in exceptions) + "。")
            rest = list(dict.fromkeys(ev.place for ev in checked if ev.place not in {x.place for x in exceptions}))
            if rest:  # 其余10个行政区达标: how many do hold, counted from the same facts (checked like any figure)
                held = [next(ev for ev in checked if ev.place == p) for p in rest]
                names = "、".join(rest)
                marks = "".join(dict.fromkeys(d.cite(ev) for ev in held))
                count = d.derive(Derived(float(len(rest)), "count", tuple(held), f"{names}，共{len(rest)}个", 0))
                d.add(f"其余{count}个{what}（{names}）符合说法{marks}。")
            return d.answer(verdict="refuted")
        places = {ev.place for ev in checked}
        if len(places) < len(pool):
            d.add(f"核查结论：无法核实。公报只给出了{len(places)}个{what}的{name}，" + "；".join(
                f"{ev.place}{value_text(ev) if ev.value is not None else ev.text_value}{d.cite(ev)}" for ev in checked[:11]) + "，均符合说法。")
            return d.answer(verdict="unverifiable")
        d.add(f"核查结论：属实。公报给出的各{what}{name}：" + "；".join(
            f"{ev.place}{value_text(ev) if ev.value is not None else ev.text_value}{d.cite(ev)}" for ev in checked) + "。")
        return d.answer(verdict="supported")

    def _by_unit(self, key: str, place: str, unit: str, clause: str) -> str:
        """The indicator whose figures have the claimed unit: the one named, else the one of the same topic
        whose name best accounts for the clause (饮用水水源由10个… -> 饮用水水源地数量, not the 达标率)."""
        def counted_in(k: str) -> set[str]:  # 400余条 and 300多个 are counted in 条 and 个
            return {re.sub(r"^[余多]", "", ev.unit or "") for ev in self.box.facts_for(k, place, "value")}

        units = counted_in(key)
        if not unit or not units or unit in units:
            return key
        sibling = self.lex.count_of(key)  # Ⅲ类水质断面比例 -> its own count
        if sibling is not None and unit in counted_in(sibling.key):
            return sibling.key
        topic = self._indicator(key).topic
        chars = set(fold(clause))
        best, score = key, 0
        for k, ind in self.lex.indicators.items():
            if ind.topic != topic or unit not in counted_in(k) or not self._words_said(k, unit, fold(clause)):
                continue
            s = max(len(set(fold(n)) & chars) for n in (k, *ind.aliases))
            if s > score:
                best, score = k, s
        return best if score >= 2 else key

    @staticmethod
    def _words_said(key: str, unit: str, clause: str) -> bool:
        """Every part of the indicator's name, but its unit and measure words, is said in the clause, if only in
        part: 达标天数 is not what 臭氧超标天数为15天 counts (达标 is not said); 饮用水水源地数量 is what 饮用水水源由10个…
        counts."""
        name = fold(key)
        for word in (*MEASURE_WORDS, unit):
            name = name.replace(word, " ")
        for chunk in re.findall(r"[\u4e00-\u9fff]{2,}", name):
            if not any(chunk[i: i + 2] in clause for i in range(len(chunk) - 1)):
                return False
        return True

    def _claimed_move(self, text: str, key: str) -> int:
        """+1 / -1 / 0 as claimed_direction, with 改善 and 变差 read by the indicator: where lower is better
        (a concentration), 同比变差 means it rose; where higher is better (a rate), 改善 means it rose."""
        direction = claimed_direction(re.sub(r"改善", "", text))
        better = self._indicator(key).better if key in self.lex.indicators else None
        if not direction and better and re.search(r"改善|好转|变好|变差|恶化|下滑|退步|improv|worse", text):
            worse = bool(re.search(r"变差|恶化|下滑|退步|worse", text))
            direction = (1 if better == "lower" else -1) * (1 if worse else -1)
        return direction

    def _names(self, text: str, key: str) -> bool:
        """Whether the text names the indicator, if only in part: an alias (English ones included) or two
        characters of its name in a row (水源 of 饮用水水源地数量)."""
        folded = fold(text)
        ind = self.lex.indicators.get(key)
        names = [fold(a) for a in (key, *(ind.aliases if ind else ()), *(ind.weak if ind else ()))]
        pairs = {n[i:i + 2] for n in names for i in range(len(n) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", n[i:i + 2])}
        return any(n in folded for n in names) or any(p in folded for p in pairs)

    def _most_specific(self, q: Query) -> str:
        """Of the indicators a claim names, the one named by the longest words (浮游动物多样性指数 over 近岸海域)."""
        folded = fold(q.text)

        def named(k: str) -> int:
            ind = self.lex.indicators.get(k)
            return max((len(fold(a)) for a in (k, *(ind.aliases if ind else ())) if fold(a) in folded), default=0)

        return max(q.indicators, key=named) if len(q.indicators) > 1 else q.indicators[0]

    def _check_ordinal(self, q: Query, d: Draft) -> str | None:
        """数量居全省第二 beside right figures: the place the cited sentence gives (居全省第一) decides."""
        pattern = r"(居|位居|位列|排名|排|列)(全省|全国|全市|国内城市|全国城市)?(第[一二三四五六七八九十\d]+|首位)"
        said = re.search(pattern, fold(q.text))
        if not said:
            return None
        for ev in d.evidence:
            stated = re.search(pattern, fold(ev.text))
            if stated and (stated.group(2) or "") == (said.group(2) or ""):
                ok = stated.group(3) == said.group(3) or {stated.group(3), said.group(3)} == {"第一", "首位"}
                d.add(f"{'属实' if ok else '不符'}：公报原文为“{stated.group(0)}”，说法为“{said.group(0)}”。")
                return "supported" if ok else "refuted"
        return None

    def _check_class_clauses(self, q: Query, d: Draft) -> list[str]:
        """生态质量指数为61.74，生态质量类型为一类: a clause that states a class with no figure is checked against
        the class the bulletin gives for that indicator and place."""
        out = []
        carried = None  # 广州生态质量指数为61.74，生态质量类型为二类: a clause naming no place is said of the one before
        for clause in re.split(r"[，,；;。]", fold(q.text)):
            part = parse(clause, self.lex) if clause.strip() else None
            if part is not None and part.places:
                carried = part.places[0]
            said = re.search(r"(为|是|属于?)\s*(第?[一二三四五]类)", clause)
            if re.search(r"\d", re.sub(r"(?:19|20)\d\d年", "", clause)):
                continue
            if not said:
                out += self._check_level(q, d, clause)
                continue
            keys = [self._with_classes(k) for k in (part.indicators or q.indicators)]
            place = part.places[0] if part.places else (carried or (q.places[0] if q.places else CITY))
            fact = next((ev for k in keys for ev in self.box.facts_for(k, place, "class", self.year)), None)
            if fact is None:
                out += self._check_level(q, d, clause)
                continue
            ok = said.group(2).lstrip("第") in fact.text_value
            out.append("supported" if ok else "refuted")
            d.add(f"{'属实' if ok else '不符'}：公报显示{self._place_name(place)}{self._indicator(fact.indicator).display}"
                  f"为{fact.text_value}{d.cite(fact)}。")
        return out

    def _check_level(self, q: Query, d: Draft, clause: str) -> list[str]:
        """富营养化指数为35.2，属于贫营养状态: a figure-less clause that states a level (a member of a contrast in
        lexicon.yaml: 中营养, 轻度污染, 二级 …) is checked against the level the cited sentence states right after
        the claim's figure."""
        figures = [fmt(n) for n in q.numbers]
        for contrast in self.lex.words.get("contrasts", ()):
            members = [fold(w) for alternative in contrast for w in alternative]
            said = re.search(rf"(?:为|是|属于?|处于)\s*({'|'.join(map(re.escape, sorted(members, key=len, reverse=True)))})", clause)
            if not said:
                continue
            mine = next(a for a in contrast if said.group(1) in map(fold, a))
            for ev in d.evidence:
                text = fold(ev.text)
                at = [text.find(f) for f in figures if f in text]
                if not at:
                    continue
                segment = re.split(r"[；;。]", text[min(at):])[0]
                quoted = ev.text[min(at): min(at) + len(segment)] if len(text) == len(ev.text) else segment
                stated = [w for alternative in contrast for w in alternative if re.search(rf"(?:为|是|属于?|处于)\s*{re.escape(fold(w))}", segment)]
                if not stated:
                    continue
                ok = any(fold(w) in map(fold, mine) for w in stated)
                d.add(f"{'属实' if ok else '不符'}：说法为“{said.group(1)}”，公报原文为“{quoted.strip()}”{d.cite(ev)}。")
                return ["supported" if ok else "refuted"]
        return []

    def _check_status(self, q: Query, d: Draft) -> str | None:
        """但仍未达到省年度考核目标 stated beside right figures: the bulletin's own word on it (达到/未达到/完成)
        decides; None if the claim states no such status or the cited sentences say nothing of it."""
        folded = fold(q.text)
        said = re.search(r"(未|没有|没|尚未|仍未|不)?(达到|完成|达标)[^，,。；;]{0,12}?(目标|标准|要求|任务)", folded)
        if not said:
            return None
        claim_negated = bool(said.group(1))
        for ev in d.evidence:
            m = re.search(rf"(未|没有|尚未)?(达到|完成|达标)[^，,。；;]{{0,12}}?{said.group(3)}", fold(ev.text))
            grades = {re.search(r"[一二三四五]级", t).group() if re.search(r"[一二三四五]级", t) else None
                      for t in (said.group(), m.group() if m else "")}
            if m and len(grades) > 1 and None not in grades:
                continue  # 二级标准 said, 一级标准 stated: the level check's business, not 达到 or 未达到
            if m:
                ok = bool(m.group(1)) == claim_negated
                d.add(f"{'属实' if ok else '不符'}：公报原文为“{ev.text[m.start(): m.end()]}”，说法为“{q.text[said.start(): said.end()]}”。")
                return "supported" if ok else "refuted"
        return None

    def _class_of_each_named(self, q: Query) -> Answer | None:
        """流溪河水库和黄龙带水库水质均为Ⅲ类: one class claimed of several things named, each checked against its own."""
        folded = fold(q.text)
        said = re.findall(r"(?:均|都|皆|同)\s*(?:为|是|属于?)\s*(劣?(?:[一二三四五]|iv|v|i{1,3})类)", folded)
        if len(q.indicators) < 2 or len(set(said)) != 1:
            return None
        facts = [next(iter(self.box.facts_for(k, stat="class", year=self.year)), None) for k in q.indicators]
        if any(ev is None or not ev.text_value for ev in facts):
            return None
        want = re.sub(r"[一二三四五]", lambda m: ROMAN_OF[m.group()], said[0])
        d = Draft("claim")
        wrong = [ev for ev in facts if not fold(ev.text_value).startswith(want)]
        d.add(f"核查结论：{'不符' if wrong else '属实'}。" + "；".join(
            f"公报：{self._indicator(ev.indicator).display}为{ev.text_value}{d.cite(ev)}" for ev in facts) + "。")
        return d.answer(verdict="refuted" if wrong else "supported")

    def _check_groups(self, q: Query, key: str, d: Draft) -> Answer | None:
        """排前三的是从化、增城、花都: each district named is checked against the group (排名前三位 …) the
        bulletin puts it in; the claim holds only if every one is in the group it claims."""
        def label(text: str) -> str:  # 前三 / 前3 / 排名前三位 -> 前3
            m = re.search(r"([前后])\s*([一二三四五六七八九十\d])", fold(text))
            return m.group(1) + str(CN_NUMBERS.get(m.group(2), m.group(2))) if m else ""

        said = re.search(r"[前后]\s*[一二三四五六七八九十\d]\s*(?:名|位)?", fold(q.text))
        named = [p for p in q.places if p in self.lex.districts]
        groups = {ev.place: ev for ev in self.box.facts_for(key, stat="group") if ev.place in self.lex.districts}
        if not said or not named or not groups:
            return None
        want = label(said.group())
        wrong = [p for p in named if p not in groups or label(groups[p].text_value or "") != want]
        name = self._indicator(key).display
        members = [ev for ev in groups.values() if label(ev.text_value or "") == want]
        if wrong:
            d.add("核查结论：不符。" + "；".join(
                f"公报：{p}{name}{groups[p].text_value}{d.cite(groups[p])}" if p in groups else f"公报未将{p}列入{said.group()}"
                for p in wrong) + "。")
            if members:
                d.add(f"公报所列{said.group()}为：{'、'.join(ev.place for ev in members)}{d.cite(members[0])}。")
            return d.answer(verdict="refuted")
        d.add(f"核查结论：属实。公报：{'、'.join(named)}{name}{groups[named[0]].text_value}{d.cite(groups[named[0]])}。")
        return d.answer(verdict="supported")

    def _claim_members(self, q: Query, key: str, d: Draft) -> Answer | None:
        """Several places said to share a class or a group (黄埔、南沙、增城、番禺为二类; 排名前三位为从化、增城、南沙):
        each place is checked, and a group's stated members are compared with the claimed ones."""
        places = [p for p in q.places if p in self.lex.districts or p in self.lex.sites]
        if len(places) < 2:
            return None
        folded = fold(q.text)
        cls = re.search(r"[一二三四五]类", folded)
        group = re.search(r"(前|后)\s*([一二三四五六七八九十\d])\s*(位|名)", folded)
        if cls:
            facts = {ev.place: ev for ev in self.box.facts_for(key, stat="class", year=self.year)}
            if not all(p in facts for p in places):
                return None
            said = self._class_of_each(folded, places)  # 从化区为一类，荔湾区为四类: each place its own class
            wrong = [facts[p] for p in places if facts[p].text_value != said[p]]
            if wrong:
                claimed = said[wrong[0].place]
                actual = [ev for ev in facts.values() if ev.text_value == claimed and ev.place in self.lex.districts]
                d.add("核查结论：不符。" + "；".join(f"{ev.place}为{ev.text_value}{d.cite(ev)}，不是{said[ev.place]}" for ev in wrong) +
                      f"。公报中为{claimed}的是{'、'.join(ev.place for ev in actual)}（{len(actual)}个区）。")
                return d.answer(verdict="refuted")
            rest = re.search(r"(?:其余|其他|其它|剩下的?)[^，,。；;]{0,8}?(?:为|是|属于?)\s*([一二三四五]类)(?:\s*(?:或|和|、|或者)\s*([一二三四五]类))?", folded)
            if rest:  # 其余行政区为二类或三类: every district not named
                allowed = {c for c in rest.groups() if c}
                others = [ev for p, ev in facts.items() if p in self.lex.districts and p not in places]
                off = [ev for ev in others if ev.text_value not in allowed]
                if off:
                    d.add("核查结论：不符。" + "；".join(f"{ev.place}为{ev.text_value}{d.cite(ev)}" for ev in off) +
                          f"，不是{'或'.join(sorted(allowed))}。")
                    return d.answer(verdict="refuted")
            d.add("核查结论：属实。" + "；".join(f"{p}为{facts[p].text_value}{d.cite(facts[p])}" for p in places) +
                  (f"；其余各区为{'、'.join(sorted({ev.text_value for ev in others}))}" if rest else "") + "。")
            return d.answer(verdict="supported")
        if group:
            label = f"{group.group(1)}"
            members = [ev for ev in self.box.facts_for(key, stat="group") if label in ev.text_value]
            if not members:
                return self._claim_top(q, key, d, places, group)
            stated = {ev.place for ev in members}
            if stated == set(places):
                d.add(f"核查结论：属实。公报：{'、'.join(ev.place for ev in members)}{members[0].text_value}{d.cite(members[0])}。")
                return d.answer(verdict="supported")
            d.add(f"核查结论：不符。公报中{members[0].text_value}的是{'、'.join(ev.place for ev in members)}{d.cite(members[0])}"
                  f"（说法中的{'、'.join(p for p in places if p not in stated)}不在其中）。")
            return d.answer(verdict="refuted")
        return None

    def _claim_top(self, q: Query, key: str, d: Draft, places: list[str], group: re.Match) -> Answer | None:
        """前三名为从化、增城、番禺 with no group stated: the districts' own figures, best first by the indicator's
        direction (the first places of 前 are the best, of 后 the worst), ties kept."""
        ranked = self.box.rank_districts(key)  # lowest first
        count = CN_NUMBERS.get(group.group(2)) or (int(group.group(2)) if group.group(2).isdigit() else 0)
        if len(ranked) < len(self.lex.districts) or not count or count != len(places):
            return None
        best_first = ranked if (self._indicator(key).better or "lower") == "lower" else ranked[::-1]
        order = best_first if group.group(1) == "前" else best_first[::-1]
        cut = order[count - 1].value
        top = [ev for ev in order if (ev.value <= cut if order[0].value <= cut else ev.value >= cut)]
        stated = {ev.place for ev in top}
        name = self._indicator(key).display
        listed = "、".join(f"{ev.place}（{value_text(ev)}{d.cite(ev)}）" for ev in top)
        if set(places) <= stated:
            d.add(f"核查结论：属实。按{name}，{group.group(0)}为{listed}。")
            return d.answer(verdict="supported")
        d.add(f"核查结论：不符。按{name}，{group.group(0)}为{listed}"
              f"（说法中的{'、'.join(p for p in places if p not in stated)}不在其中）。")
        return d.answer(verdict="refuted")

    def _class_of_each(self, folded: str, places: list[str]) -> dict[str, str]:
        """The class a claim gives each place: the first one written after the place's name (黄埔、南沙为二类: both
        二类; 从化区为一类，荔湾区为四类: each its own)."""
        out = {}
        for p in places:
            names = [fold(n) for n in (p, self.lex.short(p) if p in self.lex.districts else p)]
            at = min((folded.find(n) for n in names if n in folded), default=0)
            m = re.compile(r"[一二三四五]类").search(folded, at)
            out[p] = m.group() if m else ""
        return out

    def _claim_count(self, q: Query, key: str, d: Draft) -> Answer | None:
        """生态质量类型为三类的有6个区: counted over the districts the bulletin classes."""
        m = re.search(r"([一二三四五]类)的?(?:有|共|共有)?\s*(\d+)\s*个", fold(q.text))
        facts = [ev for ev in self.box.facts_for(key, stat="class", year=self.year) if ev.place in self.lex.districts]
        if not m or not facts:
            return None
        members = [ev for ev in facts if ev.text_value == m.group(1)]
        ok = len(members) == int(m.group(2))
        d.add(f"核查结论：{'属实' if ok else '不符'}。公报中{self._indicator(key).display}为{m.group(1)}的有{len(members)}个区："
              f"{'、'.join(ev.place for ev in members)}{d.cite(members[0]) if members else ''}。")
        return d.answer(verdict="supported" if ok else "refuted")

    def _claim_position(self, q: Query, key: str, place: str, d: Draft) -> Answer | None:
        """花都区排名倒数第一 / 白云区排第3: the place's position in the bulletin's own ranking (rank figures),
        counted from the better end, or from the worse end for 倒数."""
        folded = fold(q.text)
        # 排在最后一名 / 垫底 / 末位 are 倒数第一
        folded = re.sub(r"(?:排在?|位列|位居|居)?(?:最后一[名位]|最后|垫底|末位|末尾)", "排倒数第一", folded)
        m = re.search(r"(倒数)?第\s*([一二三四五六七八九十\d]{1,2})(?:名|位)?", folded)
        ranks = [ev for ev in self.box.facts_for(key, stat="rank") if ev.value is not None and ev.place in self.lex.districts]
        mine = next((ev for ev in ranks if ev.place == place), None)
        if not m or not ranks or mine is None or "排" not in folded:
            return None
        n = int(m.group(2)) if m.group(2).isdigit() else CN_NUMBERS.get(m.group(2), 0)
        claimed = len(ranks) + 1 - n if m.group(1) else n
        ok = int(mine.value) == claimed
        at = next(ev for ev in ranks if int(ev.value) == claimed) if any(int(ev.value) == claimed for ev in ranks) else None
        tail = "" if ok or at is None else f"；该位置是{at.place}{d.cite(at)}"
        d.add(f"核查结论：{'属实' if ok else '不符'}。公报排名中{place}排第{int(mine.value)}名（共{len(ranks)}个{'区' if all(r.place in self.lex.districts and r.place.endswith('区') for r in ranks) else ''}）{d.cite(mine)}{tail}。")
        return d.answer(verdict="supported" if ok else "refuted")

    def _claim_standard(self, q: Query, key: str, place: str, d: Draft) -> Answer | None:
        """南沙区臭氧浓度超标 / 全市PM2.5达标: the place's figure against the limit the bulletin states, or the
        grade it states for the place; None when neither is given."""
        folded = fold(q.text)
        said = re.search(r"未达标|不达标|没有达标|没达标|超标|达标|达到.{0,8}标准", folded)
        if not said:
            return None
        claims_over = bool(re.search(r"未达标|不达标|没有达标|没达标", said.group())) or (
            "超标" in said.group() and not re.search(r"(未|没有|没|不)超标", folded))
        limit = self.box.standard_limit(key)
        value = self.box.lookup(key, place, self.year, "value")
        grade = self.box.lookup(key, place, self.year, "grade")
        name = self._indicator(key).display
        if grade is not None and grade.text_value:
            over = bool(re.search(r"超标|未达", grade.text_value))
            basis = f"公报指出{self._place_name(place)}{name}{grade.text_value}{d.cite(grade)}"
        elif value is not None and limit is not None and limit.text_value != "一级":
            over = value.value > limit.value
            basis = (f"公报显示{self._place_name(place)}{name}为{self._describe(d, value)}，"
                     f"{'高于' if over else '不高于'}{limit.text_value}标准限值{self._describe(d, limit)}")
        else:
            return None
        ok = over == claims_over
        d.add(f"核查结论：{'属实' if ok else '不符'}。{basis}，{'超标' if over else '达标'}。")
        return d.answer(verdict="supported" if ok else "refuted")

    def _said_word_for_word(self, q: Query, sentence: str) -> bool | None:
        """True if the sentence states the claim word for word (time and place aside); False if it states it with
        the opposite negation (未出现 / 出现了); None otherwise."""
        core = re.sub(r"^核实[:：]|[\s，,。；;:：！!？?“”\"]", "", fold(q.text))
        region = "|".join(re.escape(fold(a)) for a in (self.region, self.region[:-1], "全市") if a)
        core = re.sub(rf"^(?:(?:19|20)\d\d年)?(?:\d{{1,2}}(?:[-~]\d{{1,2}})?月(?:份)?)?(?:{region})?", "", core)
        flat = re.sub(r"[\s，,。；;:：！!？?“”\"]", "", fold(sentence))
        if len(core) < 6:
            return None
        if core in flat:
            return True
        flipped = _negation(core)
        if flipped.startswith("未") and flipped[1:] in flat and ("未" + flipped[1:]) not in flat:
            return False
        return None

    def _claim_stat(self, q: Query, clause: str) -> str:
        """Which statistic a claimed figure is about, judged from the clause it sits in."""
        if re.search(r"(由|从)\s*\d[^，,。；;]*?(为|到|至)\s*\d", clause):
            return "value"  # 由10个减少为9个: the figures themselves, before and after
        if "2013" in clause or ("vs2013" in q.stats and not re.search(r"同比|去年", clause) and
                                re.search(r"上升|下降|增加|减少|提高|提升|降低|改善|\b(?:down|up|rose|fell|lower|higher)\b", clause)):
            return "vs2013"  # 比2013年下降48.6%, and a later clause's 下降 of it; 浓度37微克/立方米 beside it is a value
        if re.search(r"同比|上升|下降|增加|减少|提高|提升|降低|多出|多了|少了|比去年|较上年|[比较]上\s*1?\s*年|year[- ]on[- ]year|than (in )?(19|20)\d\d|"
                     r"(?<!made )(?<!make )(?<!makes )\b(?:down|up)\b\s*(?:by\s*)?\d|(?:from|than) the (?:year before|previous year|prior year)|a year earlier|"
                     r"than last year|compared with|from (19|20)\d\d|\b(rose|fell(?! short)|increased|decreased|dropped|declined|grew)\b",
                     clause):
            return "yoy"
        if re.search(r"目标|target", clause):
            return "target"
        return "value"

    def _clauses_said_otherwise(self, q: Query, d: Draft, stated: Answer | None) -> list[str]:
        """前三名为从化区、增城区和番禺区 / 入选全国美丽河湖优秀案例 beside figures that check out: a clause with no figure
        of its own that one clause of the bulletin says otherwise (another place, another contrast member) refutes
        the claim. Only refutations are taken from here; what supports is the figures' business."""
        if stated is not None and stated.verdict == "refuted" and not q.numbers:
            found = [stated]
        else:
            core = re.sub(r"^核实[:：]\s*", "", q.text)
            parts = [self._with_subject(p, core) for p in claim_clauses(core)
                     if not re.search(r"\d", re.sub(r"(?:19|20)\d\d\s*年", "", p))]
            found = [a for p in parts if len(parts) < len(claim_clauses(core))
                     for a in [self._claim_by_sentence(replace(q, text=p), Draft("claim"))] if a is not None and a.verdict == "refuted"]
        for a in found[:2]:
            text = re.sub(r"^核查结论：不符。", "", a.text)
            first = {}
            for ev in a.evidence:  # its own markers, renumbered into this draft's
                first.setdefault((ev.locator, ev.text), ev)
            local = {n + 1: d.cite(ev) for n, ev in enumerate(first.values())}
            d.add("不符：" + re.sub(r"\[(\d+)\]", lambda m, local=local: local.get(int(m.group(1)), ""), text))
        return ["refuted"] if found else []

    def _with_subject(self, part: str, claim: str) -> str:
        """但未达到一级标准 of "PM10年均37微克/立方米，达到二级标准，但未达到一级标准": a clause naming no indicator is
        said of the one the claim named last before it, so it is judged against that one's sentences."""
        if self.lex.find("indicator", part):
            return part
        at = fold(claim).find(fold(part))
        before = [m for m in self.lex.find("indicator", claim[:at])] if at > 0 else []
        return f"{fold(claim)[before[-1].start: before[-1].end]}{part}" if before else part

    def _claim_by_sentence(self, q: Query, d: Draft) -> Answer | None:
        """A claim without figures of its own, settled by one clause of the bulletin that says it (or says it
        otherwise); None when no clause settles it."""
        core = re.sub(r"^核实[:：]\s*", "", q.text)
        candidates: dict[str, Evidence] = {}
        # the claim, and the claim with its contrasts' other members (the words a clause that says it otherwise uses)
        for query in dict.fromkeys((core, contrasted(core, self.lex))):
            for ev in self.box.search_passages(query, k=8):
                if not ev.locator.endswith("图表标题"):
                    for unit in units(ev.text):
                        candidates.setdefault(unit, ev)
        judged = judge_claim(core, [(unit, ev.text) for unit, ev in candidates.items()], self.lex)
        if judged is None:
            return None
        verdict, found = judged
        claimed = {n for n, _, _ in claim_figures(q, self.lex)}
        if verdict == "supported" and any(_paired_otherwise(q.text, j.clause, claimed, self.lex.city_aliases) for j in found):
            return None  # 秸秆综合利用率97.27%，农膜回收率95.93%: the clause holds both figures, each of the other subject
        d.add(f"核查结论：{'属实' if verdict == 'supported' else '不符'}。")
        swaps = {j.clause: [] for j in found}  # one quote per clause of the bulletin, what differs said before it
        for j in found:
            swaps[j.clause] += [f"说法为“{a}”，公报为“{b}”" for a, b in j.swaps if a and b]
        for clause, differs in swaps.items():
            ev = candidates[clause]
            d.add(f"{'；'.join(differs)}。" if differs else "")
            d.add(f"公报原文：{clause}{d.cite(Evidence(text=clause, locator=ev.locator, source=ev.source))}。")
        return d.answer(verdict=verdict)

    def _claim_qualitative(self, q: Query, key: str, place: str, d: Draft, stated: Answer | None) -> Answer:
        if stated is not None:  # what one clause of the bulletin settles (judged once, in _claim)
            return stated
        judged = self._claim_in_words(q, key, place, d)
        if judged.verdict == "supported":  # 前三名为从化区、增城区和番禺区，11个区同比均有所改善: each clause must hold
            other = Draft("claim")
            if self._clauses_said_otherwise(q, other, None):
                other.parts.insert(0, "核查结论：不符。")
                return other.answer(verdict="refuted")
        missing = self._uncovered(q.rest, judged.evidence, key, any_=True, nouns=True) if judged.verdict == "refuted" else []
        if missing:  # 以臭氧为首要污染物的超标天数占八成: the 臭氧 standard found says nothing of 首要污染物 or 天数
            u = Draft("claim")
            u.add(f"核查结论：无法核实。公报未给出“{'、'.join(missing)}”方面的内容。")
            near = self._best_sentence(q.text)
            if near and near[0] >= 0.5:
                u.add(f"公报相关原文：{near[1]}{u.cite(Evidence(text=near[1], locator=near[2].locator, source=near[2].source))}")
            return u.answer(verdict="unverifiable")
        return judged

    def _place_and_name(self, place: str, key: str) -> str:
        """天河区生态质量类型; 流溪河水库水质类别 alone when the indicator's name already says the place."""
        name = self._indicator(key).display
        return name if name.startswith(place) else f"{self._place_name(place)}{name}"

    def _site_status(self, q: Query, place: str, d: Draft) -> Answer | None:
        """蕴藻浜东闸断面水质达标了: a site's 达标 / 未达标 claimed, against the status the bulletin gives the site
        (未达标（水质目标Ⅳ类）); None if it gives none or the claim says something more (a figure, a class)."""
        folded = fold(q.text)
        said = re.search(r"(未|没有|没|不|尚未)?(达标|超标)", folded)
        rest = re.sub(r"(?:19|20)\d\d\s*年|\d{1,2}\s*月", "", folded)
        if place not in self.lex.sites or not said or re.search(r"\d|类|级", rest):
            return None
        f = self.box.facts
        rows = f[(f["place"] == place) & (f["stat"] == "grade")]
        stated = [self.box.tables.evidence(row) for _, row in rows.iterrows()
                  if re.match(r"(未|不)?(达标|超标)", str(row["text_value"] or ""))]
        if len(stated) != 1:
            return None
        ev = stated[0]
        claimed_ok = (said.group(2) == "达标") != bool(said.group(1))
        stated_ok = (ev.text_value.lstrip("未不").startswith("达标")) != bool(re.match(r"[未不]", ev.text_value))
        ok = claimed_ok == stated_ok
        d.add(f"核查结论：{'属实' if ok else '不符'}。公报：{place}{ev.text_value}{d.cite(ev)}。")
        for found in self.box.search_passages(f"{place} 达标 超标", k=4):  # what the prose adds (超标项目…0.42倍)
            said = next((c for c in re.split(r"[。；;]", found.text) if place in c and re.search(r"达到|达标|超标", c)), None)
            if said and not found.locator.endswith("图表标题"):
                d.add(f"公报原文：{said.strip()}{d.cite(Evidence(text=said.strip(), locator=found.locator, source=found.source))}。")
                break
        return d.answer(verdict="supported" if ok else "refuted")

    def _claim_in_words(self, q: Query, key: str, place: str, d: Draft) -> Answer:
        """A claim with no figure of its own, judged by the change, standard, status, class or rank the bulletin states."""
        status = self._site_status(q, place, d)
        if status is not None:
            return status
        if q.outside_scope:
            d.add(f"核查结论：无法核实。公报只报告{self.region}自身的数据，没有与全国或全省其他城市的比较排名。")
            city = self.box.lookup(key, CITY) if not q.weak else self.box.lookup("优良天数比率", CITY)
            if city:
                d.add(f"可供参考：{self.year}年{self.region}{self._indicator(city.indicator).display}为{self._describe(d, city)}。")
            return d.answer(verdict="unverifiable")
        direction = self._claimed_move(q.text, key)
        change = self.box.lookup(key, place, self.year, "vs2013" if "vs2013" in q.stats else "yoy")
        if direction and change is not None and change.value is not None and not q.best and not q.worst:
            # 酸雨频率同比上升: a direction claimed without a figure is checked against the stated change
            sign = (change.value > 0) - (change.value < 0)
            since = "比2013年" if change.stat == "vs2013" else "同比"
            ok = sign == direction
            current = self.box.lookup(key, place, self.year, "value")
            now = f"，{self.year}年为{self._describe(d, current)}" if current else ""
            d.add(f"核查结论：{'属实' if ok else '不符'}。公报显示{self._place_and_name(place, key)}"
                  f"{change_text(change, since=since)}{d.cite(change)}{now}。")
            return d.answer(verdict="supported" if ok else "refuted")
        meets = self._claim_standard(q, key, place, d)
        if meets:
            return meets
        status = self.box.facts_for(key, place, "status")
        if status and status[0].text_value:  # 未出现重污染天气: the claim must say the same, negation included
            ev = status[0]
            said, stated = _negation(fold(q.text)), _negation(fold(ev.text_value))
            core = stated.lstrip("未不")
            negated = stated != core
            # the thing the status is of (重污染天气), said in the claim by any two characters of it (重度污染), and
            # the claim's "not" near it, before (未出现…) or after (…都没有 / 也没出现)
            thing = re.sub(r"^(?:出现|发生|有)", "", core)
            at = next((said.find(thing[k: k + 2]) for k in range(len(thing) - 1) if thing[k: k + 2] in said), -1)
            near = said[max(0, at - 6): at + len(thing) + 8] if at >= 0 else ""
            ok = at >= 0 and bool(re.search(r"未|不", near)) == negated
            d.add(f"核查结论：{'属实' if ok else '不符'}。公报：{self._place_name(place)}{ev.text_value}{d.cite(ev)}。")
            return d.answer(verdict="supported" if ok else "refuted")
        stated = self._claim_members(q, key, d) or self._claim_count(q, key, d) or self._claim_position(q, key, place, d)
        if stated:
            return stated
        facts = [ev for stat in ("class", "grade", "group") for ev in self.box.facts_for(key, place, stat)]
        if not facts and classes_named(q.text) and key in self.lex.indicators:
            # 从化区生态质量是二类: the class is stated under the sibling of the same topic (生态质量类型)
            sibling = self._class_sibling(key, place)
            if sibling:
                key, facts = sibling, self.box.facts_for(sibling, place, "class")
        if not re.search(r"类|级|前三|后三|前列|较好|较差|改善幅度", TARGET_CLASS.sub(" ", fold(q.text))):
            # the claim says nothing about a class, grade or group (达到Ⅳ类水质目标 names the target): none refutes it
            facts = []
        for ev in facts:
            said = self._class_of_item(q, ev)
            if said is not None:  # pH值、…化学需氧量…符合第一类标准；活性磷酸盐…第二类: the claim's own item's class
                verdict, part = said
                if verdict is None:
                    facts = []  # the items given classes do not include the claim's: nothing refutes it
                    break
                d.add(f"核查结论：{'属实' if verdict == 'supported' else '不符'}。公报：{part}{d.cite(ev)}。")
                return d.answer(verdict=verdict)
        ended = re.findall(r"(?:降为|升为|变为|变成|改为|到|为|成)了?\s*(劣?第?(?:[一二三四五]|i{1,3}|iv|v)类)", fold(q.text))
        if ended and facts:  # 由Ⅱ类降为Ⅲ类: the class it is said to be now is the one checked
            now = ended[-1]
            ev = facts[0]
            ok = class_order(_roman_back(now)) == class_order(ev.text_value) if class_order(ev.text_value) else now in fold(ev.text_value)
            d.add(f"核查结论：{'属实' if ok else '不符'}。公报：{self._place_and_name(place, key)}为"
                  f"{ev.text_value}{d.cite(ev)}。")
            return d.answer(verdict="supported" if ok else "refuted")
        grouped = self._check_groups(q, key, d)
        if grouped is not None:
            return grouped
        for ev in facts:
            if ev.text_value and ev.text_value[:2] in q.text:
                d.add(f"核查结论：属实。公报：{self._place_and_name(place, key)}{ev.text_value}{d.cite(ev)}。")
                return d.answer(verdict="supported")
        if facts:
            ev = facts[0]
            d.add(f"核查结论：不符。公报：{self._place_and_name(place, key)}为{ev.text_value}{d.cite(ev)}。")
            return d.answer(verdict="refuted")
        first_part = len(d.parts)
        extreme, _ = self._check_extreme(q, key, place, d)
        if extreme:  # the verdict goes first, once known
            d.parts.insert(first_part, f"核查结论：{'属实' if extreme == 'supported' else '不符'}。")
            return d.answer(verdict=extreme)
        near = self._best_sentence(q.text)
        core = re.sub(r"^核实[:：]|[\s，,。；;:：！!？?“”\"]", "", fold(q.text))
        region = "|".join(re.escape(fold(a)) for a in (self.region, self.region[:-1], "全市") if a)
        core = re.sub(rf"^(?:(?:19|20)\d\d年)?(?:{region})?", "", core)
        if near and len(core) >= 8 and core in re.sub(r"[\s，,。；;！!？?“”\"]", "", fold(near[1])):
            quote = Evidence(text=near[1], locator=near[2].locator, source=near[2].source)
            d.add(f"核查结论：属实。公报原文：{near[1]}{d.cite(quote)}")  # stated word for word
            return d.answer(verdict="supported")
        d.add("核查结论：无法核实。公报没有可以直接核对这一说法的数据。")
        # what the bulletin does say on it, for the reader to judge: the nearest sentence to the claim, or to
        # each of its clauses when the claim says several things (石井监测点最差的几个之一，白云区PM2.5全市最高)
        clauses = claim_clauses(re.sub(r"^核实[:：]\s*", "", q.text))
        nearest = [(near, 0.4)] + [(self._best_sentence(c), 0.4) for c in (clauses[:3] if len(clauses) > 1 else ())]
        shown: set[str] = set()
        for found, enough in nearest:
            if found and found[0] >= enough and found[1] not in shown:
                shown.add(found[1])
                quote = Evidence(text=found[1], locator=found[2].locator, source=found[2].source)
                d.add(f"公报相关原文：{found[1]}{d.cite(quote)}")
        return d.answer(verdict="unverifiable")

    def _class_of_item(self, q: Query, ev: Evidence) -> tuple[str | None, str] | None:
        """A class the bulletin gives several items at once (pH值、溶解氧、化学需氧量和石油类浓度符合第一类标准；活性磷酸盐
        浓度符合第二类标准): the part naming the item the claim names decides, by the class it gives that item;
        (None, "") when no part names the claim's item. None when the class is not said item by item."""
        parts = [p for p in re.split(r"[；;]", ev.text_value or "") if p.strip()]
        if len(parts) < 2 and "、" not in (ev.text_value or ""):
            return None
        folded = fold(q.text)
        claimed = classes_named(q.text)
        for part in parts:
            head = re.split(r"符合|达到|为|属于?|是", part)[0]
            items = [fold(re.sub(r"浓度$|含量$", "", w.strip())) for w in re.split(r"[、和及与,，]", head)]
            if any(len(w) >= 2 and w in folded for w in items):
                given = classes_named(part)
                if not claimed or not given:
                    return None
                return ("supported" if claimed <= given else "refuted"), part.strip()
        return None, ""

    def _check_listed_extreme(self, q: Query, key: str, d: Draft) -> tuple[str | None, Evidence | None]:
        """虎门大桥、蕉门、洪奇沥…分别改善15.6%、21.6%和3.0%，其中洪奇沥改善幅度最大: the place said to be the most
        of the places the claim lists, checked among those places' own figures (the change when the words name one)."""
        folded = fold(q.text)
        listed = [p for p in q.places if p != CITY]
        names = "|".join(re.escape(fold(self.lex.short(p) if p in self.lex.districts else p)) for p in listed)
        said = re.search(rf"其中\s*({names})[^，,。；;]{{0,12}}?(最大|最高|最多|最快|最小|最低|最少|最慢)", folded) if names else None
        if len(listed) < 2 or not said:
            return None, None
        moved = re.search(r"幅度|降幅|升幅|增幅|改善|下降|上升|增加|减少|降低|提高", folded[said.start(): said.end()])
        stat = "yoy" if moved else "value"
        facts = [ev for p in listed for ev in [self.box.lookup(key, p, self.year, stat)] if ev is not None and ev.value is not None]
        if len(facts) < len(listed):
            return None, None
        high = said.group(2) in ("最大", "最高", "最多", "最快")
        size = (lambda ev: abs(ev.value)) if moved else (lambda ev: ev.value)
        top = (max if high else min)(facts, key=size)
        mine = next(ev for ev in facts if fold(ev.place).startswith(said.group(1)) or said.group(1) in fold(ev.place))
        ok = abs(size(mine) - size(top)) < 1e-9
        d.add(f"所列{len(facts)}处中{said.group(2)}的是{top.place}"
              f"（{change_text(top) if moved else value_text(top)}{d.cite(top)}）。")
        return ("supported" if ok else "refuted"), mine

    def _check_extreme(self, q: Query, key: str, place: str, d: Draft) -> tuple[str | None, Evidence | None]:
        """全市最高 / 各区最低 said of a district, checked against the district ranking: (verdict, the district's
        figure), or (None, None) if it cannot be checked."""
        ranked = self.box.rank_districts(key)
        if place in self.lex.sites and (q.best or q.worst):  # 改善幅度最大的是洪奇沥: among the sites given it
            return self._check_site_extreme(q, key, place, d)
        if place in self.lex.districts and not ranked and (q.best or q.worst):
            return self._check_extreme_class(q, key, place, d)
        if place not in self.lex.districts or not ranked or not (q.best or q.worst):
            return None, None
        moved = CHANGE_MOST.search(q.text)
        if moved:  # 升幅为全省最大: ranked by the stated change, not by the figure
            changes = sorted((ev for ev in self.box.facts_for(key, stat="yoy") if ev.place in self.lex.districts
                              and ev.value is not None), key=lambda ev: ev.value)
            mine = next((ev for ev in changes if ev.place == place), None)
            if mine is None:
                return None, None
            rising = self._rising(moved.group(), key)
            extreme = changes[-1] if rising else changes[0]
            ok = mine.value == extreme.value
            d.add(f"{place}{self._indicator(key).display}{change_text(mine)}{d.cite(mine)}；各{'市' if self.region.endswith('省') else '区'}中"
                  f"{'升幅' if rising else '降幅'}最大的是{extreme.place}，{change_text(extreme)}{d.cite(extreme)}。")
            return ("supported" if ok else "refuted"), mine
        extreme = ranked[-1] if self._want_high(q, key) else ranked[0]
        mine = next((ev for ev in ranked if ev.place == place), None)
        if mine is None:
            return None, None
        self._position(place, key, ranked, d, self._want_high(q, key))
        return ("supported" if mine.value == extreme.value else "refuted"), mine

    def _rising(self, word: str, key: str) -> bool:
        """升幅最大 / 改善最多 of an indicator that is better higher: the extreme asked is the largest rise."""
        return bool(re.search(r"升|涨|增|上", word)) or ("改善" in word and (self._indicator(key).better or "lower") == "higher")

    def _check_site_extreme(self, q: Query, key: str, place: str, d: Draft) -> tuple[str | None, Evidence | None]:
        """总氮同比改善幅度最大的是洪奇沥 / 洪奇沥总氮最高: among the sites the bulletin gives the figure (or its change)
        for; None when it gives fewer than two."""
        moved = CHANGE_MOST.search(q.text)
        folded = fold(q.text)
        most = re.search(r"最", folded)
        sites = self.lex.find("site", q.text)
        after = re.search(r"最[^，,。；;]{0,8}?(?:的)?(?:是|为)\s*", folded)
        named = [m for m in sites if after and m.start == after.end()] or [
            m for m in sites if most and m.start < most.start() and not re.search(r"[，,。；;]", folded[m.end: most.start()])]
        if named:  # 其中洪奇沥最高 / 最高的是蕉门: the site said to be the most, in the clause that says it
            place = named[-1].key
        stat = "yoy" if moved else "value"
        found = [ev for ev in self.box.facts_for(key, stat=stat) if ev.place in self.lex.sites and ev.value is not None]
        mine = next((ev for ev in found if ev.place == place), None)
        if mine is None or len(found) < 2:
            return None, None
        rising = self._rising(moved.group(), key) if moved else self._want_high(q, key)
        extreme = (max if rising else min)(found, key=lambda ev: ev.value)
        what = ("改善幅度" if "改善" in moved.group() else "变化幅度") if moved else ""
        d.add(f"{place}{self._indicator(key).display}{change_text(mine) if moved else '为' + value_text(mine)}{d.cite(mine)}；"
              f"公报给出的{len(found)}处中{what}最{'大' if moved else ('高' if rising else '低')}的是{extreme.place}，"
              f"{change_text(extreme) if moved else value_text(extreme)}{d.cite(extreme)}。")
        return ("supported" if mine.value == extreme.value else "refuted"), mine

    def _claim_only_class(self, q: Query, key: str, place: str) -> Answer | None:
        """荔湾区是唯一一个一类的区 / 仅从化区为一类: 属实 only if the district has that class and no other district has
        it; 不符 otherwise, naming the districts that have it. None when the bulletin gives no district classes."""
        folded = next((fold(c) for c in claim_clauses(q.text) if ONLY.search(fold(c))), fold(q.text))  # its own clause
        claimed = re.search(r"(?<![a-z\d])([一二三四五])类", folded)
        place = next((m.key for m in self.lex.find("district", folded)), place)
        if not ONLY.search(folded) or not claimed or place not in self.lex.districts or NEGATED_ONLY.search(folded):
            return None
        classed = self._with_classes(key)
        classes = [ev for ev in self.box.facts_for(classed, stat="class", year=self.year) if ev.place in self.lex.districts
                   and class_order(ev.text_value)]
        mine = next((ev for ev in classes if ev.place == place), None)
        if mine is None or len(classes) < 2:
            return None
        wanted = f"{claimed.group(1)}类"
        holders = [ev for ev in classes if ev.text_value == wanted]
        ok = mine.text_value == wanted and len(holders) == 1
        d = Draft("claim")
        name = self._indicator(classed).display
        d.add(f"核查结论：{'属实' if ok else '不符'}。公报：{place}{name}为{mine.text_value}{d.cite(mine)}；")
        d.add(f"{wanted}的区为{'、'.join(ev.place for ev in holders)}{d.cite(holders[0])}。" if holders
              else f"公报所列各区中没有{wanted}。")
        return d.answer(verdict="supported" if ok else "refuted")

    def _check_extreme_class(self, q: Query, key: str, place: str, d: Draft) -> tuple[str | None, Evidence | None]:
        """荔湾区生态质量最差 where the bulletin gives districts a class (一类 best): 属实 if the district alone holds the
        worst class given, 不符 if another district's class is worse; shared with others, it cannot be settled."""
        said = re.search(r"最\s*(好|优|佳)|最\s*(差|坏|糟)", fold(q.text))
        classed = self._with_classes(key)
        classes = [ev for ev in self.box.facts_for(classed, stat="class", year=self.year) if ev.place in self.lex.districts
                   and class_order(ev.text_value)]
        mine = next((ev for ev in classes if ev.place == place), None)
        if not said or mine is None or len(classes) < 2:
            return None, None
        worst = bool(said.group(2))
        edge = (max if worst else min)(class_order(ev.text_value) for ev in classes)
        at_edge = [ev for ev in classes if class_order(ev.text_value) == edge]
        name = self._indicator(classed).display
        d.add(f"{place}{name}为{mine.text_value}{d.cite(mine)}；各区中{'最差' if worst else '最好'}的是"
              f"{'、'.join(ev.place for ev in at_edge)}（{at_edge[0].text_value}）{d.cite(at_edge[0])}。")
        if mine not in at_edge:
            return "refuted", mine
        return ("supported" if len(at_edge) == 1 else None), mine

    def _claim_text(self, q: Query, d: Draft) -> Answer:
        said = self._claim_by_sentence(q, d)
        if said is not None:
            return said
        best = self._best_sentence(q.text)
        if best and best[0] >= 0.6:
            _, sentence, ev = best
            quote = Evidence(text=sentence, locator=ev.locator, source=ev.source)
            claimed = {n for n, _, _ in claim_figures(q, self.lex)}  # dates (5月) are no claimed figures
            stated = {v for v, _ in numbers(sentence)}
            swapped = _paired_otherwise(q.text, sentence, claimed, self.lex.city_aliases) if claimed and claimed <= stated else []
            if swapped:  # 秸秆综合利用率97.27%，农膜回收率95.93%: both figures are there, each of the other subject
                d.add("核查结论：不符。" + "；".join(f"说法中{w}为{fmt(n)}，公报为{fmt(t)}" for w, n, t in swapped)
                      + f"。公报原文：{sentence}{d.cite(quote)}")
                return d.answer(verdict="refuted")
            if claimed and claimed <= stated:
                d.add(f"核查结论：属实。公报原文：{sentence}{d.cite(quote)}")
                return d.answer(verdict="supported")
            if claimed:  # no indicator to pin the figure to: the sentence is shown, nothing is refuted by it
                d.add(f"核查结论：无法核实。公报中最接近的原文：{sentence}{d.cite(quote)}")
                return d.answer(verdict="unverifiable")
            said = self._said_word_for_word(q, sentence)
            if said is not None:
                d.add(f"核查结论：{'属实' if said else '不符'}。公报原文：{sentence}{d.cite(quote)}")
                return d.answer(verdict="supported" if said else "refuted")
        d.add("核查结论：无法核实。公报中没有找到能直接核对这一说法的内容。")
        return d.answer(verdict="unverifiable")


_SEGMENT = re.compile(r"[^、，,；;。:：]+")
_LINK_TAIL = re.compile(r"(?:为|是|占|达到|达|约|仅|共|有)+$")  # 总磷平均浓度为 -> 总磷平均浓度: the words that name, not the link
_CLASS_WORD = re.compile(r"(?<![a-z])(?:劣)?(?:iv|v|iii|ii|i)类")


def _paired_otherwise(claim: str, sentence: str, claimed: set[float], region: tuple[str, ...] = ()) -> list[tuple[str, float, float]]:
    """(subject, claimed figure, the sentence's figure for it) for each figure of the claim whose subject the sentence
    gives another figure: the claim's segment (秸秆综合利用率97.27%, Ⅱ类占30%) names a noun or a class that, in the
    sentence, is in a segment with a different figure and without the claimed one. Empty when every pairing holds.
    `region`: the names of the bulletin's own place, which are no part of a subject (广州秸秆综合利用率)."""
    folded_claim, folded = fold(claim), fold(sentence)
    segments = [m.group() for m in _SEGMENT.finditer(folded)]
    own = "|".join(re.escape(fold(a)) for a in sorted({"全市", "全省", "其中", *region}, key=len, reverse=True))
    out = []
    for seg in (m.group() for m in _SEGMENT.finditer(folded_claim)):
        mine = [float(n) for n in NUMBER.findall(seg) if float(n) in claimed]
        if len(mine) != 1:
            continue
        n = mine[0]
        lead = re.findall(r"[\u4e00-\u9fff]{2,}", seg[: seg.find(fmt(n))] if fmt(n) in seg else seg)
        said = _LINK_TAIL.sub("", lead[-1]) if lead else ""
        subject = re.sub(rf"^(?:{own})", "", said)
        words = {w for w in (*_CLASS_WORD.findall(seg), *noun_words(seg), *([subject] if len(subject) >= 3 else []))
                 if not re.search(r"\d", w)}
        def holding(w: str) -> list[str]:  # the sentence's segments that say the word
            return [sg for sg in segments if (re.search(rf"(?<![a-z]){re.escape(w)}", sg) if _CLASS_WORD.fullmatch(w) else w in sg)]

        def named_before(text: str, figure: float) -> str:
            at = text.find(fmt(figure))
            run = re.findall(r"[\u4e00-\u9fff]+", text[:at] if at >= 0 else "")
            return _LINK_TAIL.sub("", run[-1]) if run else ""

        # 河湖断面总磷平均浓度为0.148: the segment that names its figure with the claim's own words (总磷平均浓度)
        # holds it, or another figure; segments sharing only the claim's first words (河湖断面) do not decide
        same_words = [(sg, figures) for sg in segments for figures in [[float(x) for x in NUMBER.findall(sg)]] if figures
                      for theirs in [named_before(sg, figures[0])]
                      if said and len(min(said, theirs, key=len)) >= 2 and (said.endswith(theirs) or theirs.endswith(said))]
        if same_words:
            if len(same_words) == 1 and n not in same_words[0][1]:
                theirs, figures = same_words[0]
                out.append((named_before(theirs, figures[0]), n, figures[0]))
            continue
        for w in sorted(words, key=len, reverse=True):
            theirs = holding(w)
            if len(theirs) != 1:
                continue
            figures = [float(x) for x in NUMBER.findall(theirs[0])]
            if figures and n not in figures:
                out.append((w, n, figures[0]))
                break
    return out


def _roman_back(folded_class: str) -> str:
    """iii类 (a folded class) -> Ⅲ类; 第三类 -> 三类, so class_order reads it."""
    text = folded_class.replace("第", "")
    return re.sub(r"(?<![a-z])(iv|v|iii|ii|i)(?=类)", lambda m: {"i": "Ⅰ", "ii": "Ⅱ", "iii": "Ⅲ", "iv": "Ⅳ", "v": "Ⅴ"}[m.group(1)], text)
