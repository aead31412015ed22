"""Query -> tool calls -> a draft answer, one module per intent.

`RulePlanner` (no LLM) reads the parsed Query and calls the tools itself; `llm.LLMPlanner` is the other
implementation of the same step.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..answer import Draft, change_text, merge_answers
from ..lexicon import fold
from ..parse import SHARE_ASKED, Query, parse
from ..tools import fmt
from ..types import Answer, Derived, Evidence
from .base import (
    ASK_WORD,
    CITY,
    MEASURED_TOPICS,
    NOT_SUBJECT,
    NUMBER_ASKED,
    QUESTION_WORDS,
    SCOPE_PHRASE,
    TIME_ASKED,
    asking_parts,
    content_words,
    coverage,
    lexicon_words,
    noun_words,
    organisations,
)
from .change import ChangeIntent
from .claim import ClaimIntent, claim_figures
from .compare import CompareIntent
from .passage import PassageIntent, answer_kind
from .rank import RankIntent
from .standard import StandardIntent
from .value import ValueIntent

WITHIN_PERIOD = re.compile(r"不是累计|非累计|不算累计|不含累计|不要累计|当年新增|年内新增|全年新增|今年新增|一年里|一年内|当年新|单年|新签发|新增了多少|新增多少")
SUM_ASKED = re.compile(r"加起来|合计|一共多少|总共多少|总计|之和|加在一起")
INDICATOR_SET = re.compile(r"[六6]项|各项|哪项|哪一项|哪几项|哪(?:种|个|一种|类)[\u4e00-\u9fff]{0,4}污染物|污染物里|污染物中|指标里|指标中|六种")
CHANGE_ASKED = re.compile(r"降幅|升幅|降得|升得|同比|持平|变化|下降|上升|改善")
COUNT_WORD = re.compile(r"(?:多少|(?<!哪)几)\s*(个|家|条|座|项|处|辆|件)")
IMPROVE_ASKED = re.compile(r"改善|变好|好转|变差|恶化|变坏|improv|worse")  # 改善了吗: said by the better direction
TOPIC_HEAD = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:垃圾|废物|断面|类型)")  # 海滩垃圾 of 海滩垃圾塑料类占比: the topic a share is part of
COMPOSITION = re.compile(r"(?:占比|比例|比重)?最(?:大|多|高)的是?哪(?:一|几)?类|哪(?:一)?类(?:占比|比例)?最|主要类型|主要是什么类型|什么类型|各自占比|各占多少|各占|组成|构成|分别占|哪几类|哪些类|主要是哪|主要有哪|由哪些|主要是什么|主要有什么")

__all__ = ["RulePlanner", "claim_figures", "content_words", "coverage"]


def _cumulative_words(text: str) -> str:
    """截至2024年底 / 累计签发: how the sentence says its figure is a running total."""
    m = re.search(r"(?:截至|截止)[^，。；]{0,12}|累计[^，。；]{0,8}", text)
    return m.group() if m else "累计"


def _said_of_another(word: str, folded: str, mentions: list, key: str) -> bool:
    """Whether a measure word stands right after the mention of another indicator than `key`."""
    for m in mentions:
        if m.key != key:
            nxt = min((n.start for n in mentions if n.start >= m.end), default=len(folded))
            if word in re.split(r"[和与及、，,；;？?]", folded[m.start: nxt])[0]:
                return True
    return False


LEVEL_ASKED = re.compile(r"几级|哪一?级|什么级别|什么等级|哪个等级|等级是|评价等级|属于几|what grade|which grade|what level")
# the level a sentence gives a figure: 评价等级为二级（较好）, 属三级水平（对应评价为一般）, 为一级（好）
LEVEL_SAID = re.compile(r"(?:评价)?(?:等级)?(?:为|属于?|属)\s*[一二三四五]级(?:水平)?(?:[（(][^）)]{1,12}[）)])?")

class RulePlanner(ValueIntent, RankIntent, CompareIntent, ChangeIntent, StandardIntent, ClaimIntent, PassageIntent):
    """The built-in planner: intent -> the tool calls a careful analyst would make."""

    def plan(self, q: Query) -> Answer:
        if q.other_city and (not q.places or q.places == (CITY,)) and q.intent != "claim":
            return self._other_city(q)
        unknown = self._unknown_place(q)
        if unknown:  # 济南市高新区PM2.5: a district the bulletin never names is not answered with the city's figure
            d = Draft("not_found")
            d.add(f"公报未涉及{unknown}，没有它的数据。")
            self._add_city_figure(d, q.indicators[0] if q.indicators else None)
            return d.answer("not_found" if q.intent != "claim" else "answered", verdict="unverifiable" if q.intent == "claim" else None)
        if q.outside_scope and not q.places and q.indicators and q.intent in ("value", "change") and \
                self._indicator(q.indicators[0]).topic in MEASURED_TOPICS:
            # 全国PM2.5是多少. A question that also names 广州 is about 广州; 获评广东省…企业 names an award.
            return self._outside_value(q)
        if INDICATOR_SET.search(q.text) and CHANGE_ASKED.search(q.text) and q.intent not in ("claim",):
            return self._rank_indicators(q)  # 六项污染物里哪项降幅最大、哪几项持平
        composed = bool(COMPOSITION.search(q.text)) and any(k not in q.indicators for key in q.indicators for k in self._parts_of(key))
        if q.measures and q.indicators and q.intent in ("value", "rank", "compare", "standard") and not composed:
            shares = self._shares_of(q.indicators)  # 有几天？占百分之几: the share stays
            fitting = tuple(k for k in q.indicators if k in shares or not (said := self._measures_of(k, q)) or self._fits(k, said))
            if not fitting:  # 一般工业固体废物产生量: the bulletin reports that topic only as a 利用率
                return self._unreported_measure(q)
            q = replace(q, indicators=fitting)
        if q.intent in ("value", "rank") and q.indicators and q.places in ((), (CITY,)):
            listed = self._district_list(q)
            if listed:
                return listed
        if SUM_ASKED.search(q.text) and len(q.indicators) == 2 and q.intent != "claim":
            summed = self._sum(q)  # 利用处置能力和收集能力加起来一共多少
            if summed:
                return summed
        counted = COUNT_WORD.search(q.text)
        if counted and q.indicators and q.intent in ("value", "open"):  # 还有几个水源: the topic's count, not its rate
            place = q.places[0] if q.places else CITY
            shares = self._shares_of(q.indicators)  # 有几天？占全年百分之几: the share stays
            # 有多少家持证经营单位，危废利用处置能力多少: the count word asks of its own clause's indicator only
            clauses = re.split(r"[，,；;？?。]", fold(q.text))
            clause = next((c for c in clauses if counted.group(0) in c), fold(q.text))
            elsewhere = {k for k in q.indicators if not self._names_in(k, clause) and any(self._names_in(k, c) for c in clauses)}
            own = any(self._names_in(k, clause) for k in q.indicators)  # 达标率是多少；水源还有几个: the count of it too
            q = replace(q, indicators=tuple(dict.fromkeys(x for k in q.indicators for x in (
                (k,) if k in shares else (k, *(() if own else (self._by_unit(k, place, counted.group(1), clause),)))
                if k in elsewhere else (self._by_unit(k, place, counted.group(1), q.text),)))))
            if SHARE_ASKED.search(fold(q.text)) or re.search(r"占(?:了|到)?(?:多少|几)", fold(q.text)):  # 有几个，占多少: both
                q = replace(q, indicators=tuple(dict.fromkeys(x for k in q.indicators for x in (
                    (k, self.lex.indicators[k].share) if k in self.lex.indicators and self.lex.indicators[k].share in
                    self.lex.indicators else (k,)))))
            if not any(self._counts_things(k) for k in q.indicators):  # 信访投诉受理了多少件: no count of it is given
                return self._uncounted(q)
        parts = [k for key in q.indicators for k in self._parts_of(key)] if COMPOSITION.search(q.text) else []
        named = self._parts_named(q.text, parts)
        if named:  # 漂浮垃圾和海滩垃圾里，塑料类各占多少: the part named, of each topic (not 聚苯乙烯泡沫塑料类)
            parts = named
        composition = any(k not in q.indicators for k in parts)  # the topic is made of shares the bulletin gives
        if composition:  # 漂浮垃圾主要是哪几类，各占多少: every part's share; 类 names the parts, not a class
            q = replace(q, indicators=tuple(dict.fromkeys(parts)))
        if "class" in q.stats and q.indicators and not composition and q.intent != "claim" and \
                self.lex.has("stat:class", q.text):  # 生态质量是几类: the topic's indicator that has classes (a class
            # carried from the turn before is not asked of a name the follow-up brings)
            keep = q.indicators if NUMBER_ASKED.search(fold(q.text)) else ()  # 指数是多少？属于哪一类？: both
            if len(q.indicators) > 1:  # 水质类别和营养状态: each indicator stays; a class is added where one is given
                keep = q.indicators
            q = replace(q, indicators=tuple(dict.fromkeys((*keep, *(self._with_classes(k) for k in q.indicators)))))
        handler = {"value": self._value, "rank": self._rank, "compare": self._compare, "change": self._change,
                   "standard": self._standard, "claim": self._claim}.get(q.intent, self._open)
        answer = self._every_ask(q, self._level_said(q, self._improvement_first(q, self._conclusion_first(
            q, self._about_what_was_asked(q, handler(q))))))
        if answer.status == "answered" and not answer.text.strip():  # a path that found nothing to say says so
            return self._not_found(q)
        return answer

    def _every_ask(self, q: Query, answer: Answer) -> Answer:
        """细化了多少条措施，开展哪五大行动 / 几大样板、几项重点工作、几个方面的保障措施: a question that asks several
        things in one sentence gets each. An asking clause whose subject the answer leaves out is answered by the
        bulletin sentence that names that subject (and holds a figure if it asks 多少/几), or said to be not given.
        A question found nowhere as a whole is answered only if every one of its asks is."""
        if answer.status not in ("answered", "not_found") or q.intent in ("claim", "invalid"):
            return answer
        asks = asking_parts(q.text)
        if len(asks) < 2:
            return answer
        topic = " ".join(w for w in noun_words(asks[0]) | lexicon_words(asks[0]) if self.box.says_anywhere(w))
        if answer.status == "not_found":
            found = [self._sentence_for_ask(q, part, topic, subject) for part in asks if (subject := self._ask_subject(part))]
            if len(found) < 2 or any(f is None for f in found):
                return answer
            d = Draft("open")
            for sentence, ev in dict.fromkeys(found):
                d.add(f"据公报：{sentence}{d.cite(Evidence(text=sentence, locator=ev.locator, source=ev.source))}\n")
            return d.answer()
        shown = fold(answer.text) + " " + self._cited_names(answer)  # what the reader is told, and whose figures
        d = Draft(answer.intent)
        d.evidence = list(answer.evidence)
        added: list[str] = []
        subs: list[Answer] = []
        for part in asks:  # the first too: the answer may have been chosen for a later part (七大行动 over 1+12)
            subject = self._ask_subject(part)
            if not subject:
                continue
            named = [w for w in subject if re.match(r"[一二两三四五六七八九十]", w)]
            head = self._ask_head(part) or max(subject, key=lambda w: fold(part).rfind(w))
            counted = [m.group(1) for m in re.finditer(r"(?<!哪)(?:多少|几)\s*([类项种条个家座])", fold(part))]  # not 哪几个
            if all(self._mentions(w, shown) for w in named) and self._mentions(head, shown) and \
                    all(re.search(rf"\d+(?:\.\d+)?\s*{c}", shown) for c in counted):
                continue  # the answer already speaks of it (a counted name such as 五大行动 said whole, 多少类 with a count)
            own = self._ask_on_its_own(q, part, head, counted)
            if own is not None:  # 还有几个在用的…水源，水质达标率多少: the ask is a question of its own, answered so
                subs.append(own)
                shown += fold(own.text)
                continue
            found = self._sentence_for_ask(q, part, topic, subject)
            if found is None:
                added.append(f"公报未给出“{part.strip('？?，, ')}”。")
                continue
            sentence, ev = found
            if fold(sentence) in shown:
                continue
            added.append(f"另：{sentence}{d.cite(Evidence(text=sentence, locator=ev.locator, source=ev.source))}")
            shown += fold(sentence)
        if not added and not subs:
            return answer
        out = answer
        if added:
            d.add(answer.text + "".join(f"\n{a}" for a in added))
            out = d.answer(answer.status, answer.verdict)
            out.derived, out.checks = answer.derived, answer.checks
        return merge_answers([out, *subs]) if subs else out

    def _ask_on_its_own(self, q: Query, part: str, head: str | None, counted: list[str]) -> Answer | None:
        """One asking clause planned as a question of its own (the message's place and year kept): taken when it
        answers with a figure of what that clause asks (its head word said, a count in the unit asked)."""
        if self.__dict__.get("_in_ask") or q.intent == "claim":
            return None
        sub_q = parse(part, self.lex)
        if not sub_q.indicators or sub_q.weak:
            return None
        sub_q = replace(sub_q, places=sub_q.places or q.places, years=sub_q.years or q.years)
        self.__dict__["_in_ask"] = True
        try:
            sub = self.plan(sub_q)
        finally:
            self.__dict__["_in_ask"] = False
        said = fold(sub.text) + " " + self._cited_names(sub)
        if sub.status != "answered" or not any(ev.value is not None for ev in sub.evidence) or \
                (head and not counted and not self._mentions(head, said)) or \
                not all(re.search(rf"\d+(?:\.\d+)?\s*{c}", fold(sub.text)) for c in counted):
            return None
        return sub

    def _cited_names(self, answer: Answer) -> str:
        """The names (and aliases) of the indicators whose figures an answer cites, folded: what it speaks of."""
        return " ".join(fold(n) for ev in answer.evidence if ev.indicator in self.lex.indicators
                        for n in (ev.indicator, *self._indicator(ev.indicator).aliases))

    def _sentence_for_ask(self, q: Query, part: str, topic: str, subject: list[str]) -> tuple[str, Evidence] | None:
        """The bulletin sentence that answers one asking clause: it names the clause's subject (`_ask_subject`; a
        counted name such as 五大行动 whole), holds a figure or a date if one is asked, and is not about another thing
        of its kind."""
        need = answer_kind(part)
        counted = [rf"[一二两三四五六七八九十\d]+\s*{m.group(1)}\s*{m.group(2)}"  # 几大行动 wants 五大行动
                   for m in re.finditer(r"几\s*([大项个类条])\s*([\u4e00-\u9fff]{2})", fold(part))]

        def answers(s: str) -> bool:
            f = fold(s)
            return all(self._mentions(w, f) for w in subject) and all(re.search(c, f) for c in counted) and \
                (need is None or need[1](s)) and not self._other_kind(q.text, s)

        found = self._best_sentence(f"{topic} {part}", need=answers)
        if found is None or found[0] < 0.3:
            return None
        return found[1], found[2]

    def _ask_head(self, part: str) -> str | None:
        """The word an asking clause asks about: the first after its asking word (多少条工作措施), else the last
        before it (1+12体系具体指什么)."""
        folded = fold(part)
        m = ASK_WORD.search(folded)
        if not m:
            return None
        rest = re.sub(r"^\s*(?:多少|几)?\s*[类项种条个家座]?", " ", folded[m.end():])  # 哪几个区: 区 is the head
        after = sorted((w for w in content_words(rest) if self.box.says_anywhere(w)), key=folded.find)
        before = sorted((w for w in content_words(folded[: m.start()]) if self.box.says_anywhere(w)
                         and w not in ("具体", "主要", "分别")), key=folded.rfind)
        return after[0] if after else (before[-1] if before else None)

    def _ask_subject(self, part: str) -> list[str]:
        """What an asking clause is about: its nouns the bulletin uses, and a counted name said whole (七大行动)."""
        folded = fold(part)
        named = [m.group() for m in re.finditer(r"[一二两三四五六七八九十]+\s*大\s*[\u4e00-\u9fff]{2}", folded)]
        bare = re.sub(r"(?:多少|几)\s*[类项种条个家座大]?", " ", folded)  # 多少类危险废物: the name without the asking
        words = {w for w in noun_words(bare) | lexicon_words(bare) if w not in QUESTION_WORDS and self.box.says_anywhere(w)
                 and not NOT_SUBJECT.search(w) and not re.fullmatch(r"程度|水平|情况|状况", w)}
        _, blank = self.lex.blank(folded, ("city", "district", "site"))
        words = {w for w in words if w in blank}
        return sorted(words | {n for n in named if self.box.says_anywhere(n)})

    def _measures_of(self, key: str, q: Query) -> tuple[str, ...]:
        """The measure words said of one indicator: with several named (AQI达标率考核目标和PM2.5考核目标, 降水pH值和
        酸雨频率), a measure belongs to the indicator whose mention it follows, up to the next one or a 和/、."""
        if len(q.indicators) < 2:
            return q.measures
        folded = fold(q.text)
        mentions = self.lex.find("indicator", folded)
        own = [m for m in mentions if m.key == key]
        if not own:
            return q.measures
        said = []
        for m in own:
            later = [n.start for n in mentions if n.start >= m.end]
            stretch = re.split(r"[和与及、，,；;？?]", folded[m.start: min(later, default=len(folded))])[0]
            said += [w for w in q.measures if w in stretch]
        return tuple(dict.fromkeys(said)) or tuple(w for w in q.measures if not _said_of_another(w, folded, mentions, key))

    def _unknown_place(self, q: Query) -> str | None:
        """A district or county the question names (高新区, 某某县) that neither the lexicon nor the bulletin's text
        knows, when the question names no other place of its own."""
        if q.places and q.places != (CITY,):
            return None
        _, text = self.lex.blank(q.text, ("city", "district", "site", "other_city", "indicator", "weak"))
        # a name of its own, not 最低的区, nor the 区 that starts a word (区域, 区内)
        for m in re.finditer(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}[区县](?![域划别内外间级])", text):
            name = m.group()
            if not re.search(r"[哪每各几这那其该全个本辖的最较是和与及在]|城区|市区|功能|所有|全部|保护|示范|景区|园区|库区|行政|片区|"
                             r"管控|控制|治理|污染|监测|达标|超标|生态|规划|重点|城镇|农村|乡镇|郊区|山区|辖区|社区|小区|街区|商圈", name) and \
                    not self.box.says_anywhere(name):
                return name
        return None

    def _asks_yes_no(self, folded: str) -> bool:
        """达到了吗 / 超标没有 / 是否 / 达没达到, 超不超标 (A-not-A): a yes/no question."""
        return bool(re.search(rf"({self.lex.word_pattern('yes_no')})\s*(?:[？?。！!；;，,]|$)|是否", folded)
                    or re.search(r"([\u4e00-\u9fff])[没不]\1", folded))

    def _conclusion_first(self, q: Query, answer: Answer) -> Answer:
        """达到目标了吗 / 超标没有 / 完成了吗: the conclusion in words first (达到 / 未达到 / 超标 …), taken from
        the cited sentence that states it, then the figures."""
        folded = fold(q.text)
        words = self.lex.word_list("conclusion_words")
        asked = re.search(rf"({'|'.join(map(re.escape, words))}|达不达|超没超|完没完成)", folded)
        if answer.status != "answered" or q.intent == "claim" or not asked or not self._asks_yes_no(folded):
            return answer
        if any(w in answer.text for w in words):
            return answer  # the answer already says it
        names = [fold(a) for k in q.indicators for a in (k, *self._indicator(k).aliases)]
        for ev in answer.evidence:
            text = fold(ev.text)
            at = min((text.find(n) for n in names if n in text), default=0)  # clauses from the subject's mention on
            for clause in re.split(r"[，,；;。]", ev.text[at:]):
                said = next((w for w in words if w in clause), None)
                if said:
                    answer.text = f"结论：{said}（公报原文：“{clause.strip()}”）。{answer.text}"
                    return answer
        return answer

    def _level_said(self, q: Query, answer: Answer) -> Answer:
        """属于几级 / 评价等级是什么: the level the cited sentence gives right after the figure (评价等级为二级（较好）,
        属三级水平), when the answer does not say one yet."""
        if answer.status != "answered" or q.intent == "claim" or not LEVEL_ASKED.search(fold(q.text)) or \
                re.search(r"[一二三四五]级", answer.text):
            return answer
        for ev in answer.evidence:
            if ev.value is None or not ev.text:
                continue
            at = ev.text.find(fmt(ev.value))
            said = LEVEL_SAID.search(ev.text, at) if at >= 0 else None
            if said and said.start() - at < 40:  # quoted from the sentence already cited, under its marker
                cited = Draft(answer.intent)
                cited.evidence = list(answer.evidence)
                answer.text = answer.text.rstrip() + f"\n公报原文：“{said.group().strip('，,；; ')}”{cited.cite(ev)}。"
                break
        return answer

    def _improvement_first(self, q: Query, answer: Answer) -> Answer:
        """改善了吗 / 变好了没有: whether the year-on-year change is an improvement, by the indicator's better direction
        (a lower 水质指数 is better), said in words before the figures."""
        folded = fold(q.text)
        if answer.status != "answered" or q.intent == "claim" or not IMPROVE_ASKED.search(folded) or not self._asks_yes_no(folded):
            return answer
        for ev in answer.evidence:
            better = self.lex.indicators[ev.indicator].better if ev.indicator in self.lex.indicators else None
            if ev.stat != "yoy" or ev.value is None or not better:
                continue
            if ev.value == 0:
                said = "持平，没有改善也没有变差"
            else:
                said = "改善" if (ev.value < 0) == (better == "lower") else "变差"
            answer.text = f"结论：同比{said}（{self._indicator(ev.indicator).display}越{'低' if better == 'lower' else '高'}越好）。{answer.text}"
            return answer
        return answer

    def _sum(self, q: Query) -> Answer | None:
        """Two figures of one unit added, the working shown."""
        place = q.places[0] if q.places else CITY
        a, b = (self.box.lookup(k, place) for k in q.indicators)
        if a is None or b is None or a.value is None or b.value is None or a.unit != b.unit:
            return None
        total = round(a.value + b.value, 4)
        d = Draft("value")
        derived = Derived(value=total, op="sum", inputs=(a, b), decimals=4,
                          formula=f"{fmt(a.value)} + {fmt(b.value)} = {fmt(total)}")
        d.add(f"{self._indicator(a.indicator).display}为{self._describe(d, a)}，{self._indicator(b.indicator).display}为"
              f"{self._describe(d, b)}，合计{d.derive(derived)}{a.unit}（{derived.formula}）。")
        return d.answer()

    def _rank_indicators(self, q: Query) -> Answer:
        """The pollutants ordered by the change the bulletin states for each (同比, or since 2013 when asked)."""
        stat = "vs2013" if "vs2013" in q.stats or re.search(r"2013", q.text) else "yoy"
        since = "比2013年" if stat == "vs2013" else "同比"
        found = [ev for k, ind in self.lex.indicators.items() if ind.pollutant
                 for ev in [self.box.lookup(k, CITY, self.year, stat)] if ev is not None and ev.value is not None]
        d = Draft("rank")
        if not found:
            d.add(f"公报未给出各污染物{since}的变化。")
            return d.answer("not_found")
        d.add("；".join(f"{self._indicator(ev.indicator).display}{change_text(ev, since=since)}{d.cite(ev)}" for ev in found) + "。")
        falling = sorted((ev for ev in found if ev.value < 0), key=lambda ev: ev.value)
        flat = [ev for ev in found if ev.value == 0]
        if falling:
            d.add(f"降幅最大的是{self._indicator(falling[0].indicator).display}（{fmt(abs(falling[0].value))}%），"
                  f"最小的是{self._indicator(falling[-1].indicator).display}（{fmt(abs(falling[-1].value))}%）。")
        if flat:
            d.add(f"持平的有{'、'.join(self._indicator(ev.indicator).display for ev in flat)}。")
        return d.answer()

    def _counts_things(self, key: str) -> bool:
        units = {ev.unit for ev in self.box.facts_for(key, stat="value")}
        return bool(units & {"个", "家", "条", "座", "项", "处", "辆", "件", "余条", "多个", "余个", "余家", "多家", "多条"})

    def _uncounted(self, q: Query) -> Answer:
        said = self._passage_answer(q)
        if said is not None:  # a sentence that counts it (服务12个…项目), or the passage route's own not-found
            return said
        d = Draft("not_found")
        d.add("公报未给出所问的数量。")
        near = self._best_sentence(q.text)
        if near and near[0] >= 0.3:
            d.add(f"公报中最接近的内容：{near[1]}{d.cite(Evidence(text=near[1], locator=near[2].locator, source=near[2].source))}")
        return d.answer("not_found")

    @staticmethod
    def _parts_named(text: str, parts: list[str]) -> list[str]:
        """The shares whose part the question names by itself (塑料类 asked: 漂浮垃圾塑料类占比, not
        漂浮垃圾聚苯乙烯泡沫塑料类占比, whose part only ends in the same words)."""
        folded = fold(text)
        names = {k: fold(re.sub(rf"^{TOPIC_HEAD.pattern}|占比$", "", k)) for k in parts}
        def alone(n: str) -> bool:  # said by itself, not as the end of a longer part's name (泡沫塑料类)
            return any(not (i and any(len(o) > len(n) and o.endswith(folded[i - 1] + n) for o in names.values()))
                       for i in (m.start() for m in re.finditer(re.escape(n), folded)))

        return [k for k, n in names.items() if n and alone(n)]

    def _parts_of(self, key: str) -> list[str]:
        """The shares that make up the topic a share belongs to: 海滩垃圾塑料类占比 -> every 海滩垃圾…占比."""
        head = TOPIC_HEAD.match(key)
        stem = head.group(0) if head else key[:4]
        parts = [k for k in self.lex.indicators if k.startswith(stem) and k.endswith("占比") and self.box.facts_for(k)]

        def share(k: str) -> float:
            ev = self.box.lookup(k)
            return ev.value if ev is not None and ev.value is not None else 0.0

        return sorted(parts, key=share, reverse=True) or [key]

    def _after_a_name(self, text: str, word: str) -> bool:
        """生态质量评价, PM2.5情况: a word written right after an indicator's name qualifies that name; the
        indicator's figures answer it. 岭头片区那个项目 / 臭氧那个东西: a word after a name and 那个/这个 only points at it."""
        if self._right_after(text, word, ("indicator",)):
            return True
        folded = fold(text)
        named = [m for kind in ("district", "site", "indicator") for m in self.lex.find(kind, folded)]  # 臭氧那个东西
        return any(re.match(rf"[\u4e00-\u9fff]{{0,3}}?(?:那个|这个|那|这|该)\s*{re.escape(word)}", folded[m.end:]) for m in named)

    def _shares_of(self, keys: tuple[str, ...]) -> set[str]:
        """The indicators that state these counts as shares (lexicon `share:`: 达标天数 -> 优良天数比率)."""
        return {ind.share for k in keys if (ind := self.lex.indicators.get(k)) is not None and ind.share}

    def _names_in(self, key: str, text: str) -> bool:
        """Whether the folded text names the indicator (its key or an alias)."""
        ind = self.lex.indicators.get(key)
        return any(fold(n) in text for n in (key, *(ind.aliases if ind else ())))

    def _qualifiers_left_out(self, q: Query, answer: Answer) -> list[str]:
        """The words that name a part of what is monitored (subject_qualifiers in lexicon.yaml: 国考, 乡镇级, 农村)
        which the question says and none of the cited figures' sentences, tables or notes does."""
        cited = fold(" ".join(f"{ev.text} {ev.locator} {ev.note}" for ev in answer.evidence if ev.value is not None or ev.text_value))
        asked = SCOPE_PHRASE.sub(" ", fold(q.text))  # 42个国省控断面中，Ⅰ～Ⅱ类…: the scope counted within is no part asked
        return [w for w in self.lex.word_list("subject_qualifiers") if fold(w) not in cited and
                re.search(rf"{re.escape(w)}(?!核|目标|任务|要求)", asked)] if cited else []  # not 省考核要求 / 省考目标

    def _about_what_was_asked(self, q: Query, answer: Answer) -> Answer:
        """The subject check every structured answer passes: if the question's own subject words are mostly
        absent from what the answer cites, the figures are about something else. The text is asked instead;
        failing that, the answer says what is not found and shows the nearest sentence."""
        if q.intent in ("claim", "open", "invalid") or answer.status != "answered" or answer.intent == "open":
            return answer
        if WITHIN_PERIOD.search(fold(q.text)) and answer.evidence and all(
                re.search(r"累计|截至|截止", f"{ev.note} {ev.text}") for ev in answer.evidence if ev.value is not None):
            # 2024年新签发了多少（不是累计的）: the bulletin gives only the running total
            d = Draft("not_found")
            ev = next(ev for ev in answer.evidence if ev.value is not None) if any(
                ev.value is not None for ev in answer.evidence) else answer.evidence[0]
            d.add(f"公报未给出当年新增的数值，只给出累计数：{self._indicator(ev.indicator).display if ev.indicator else ''}"
                  f"{self._describe(d, ev) if ev.value is not None else ev.text}"
                  f"（{ev.note or _cumulative_words(ev.text)}）。")
            return d.answer("not_found")
        named = [n for ev in answer.evidence if ev.indicator in self.lex.indicators
                 for n in (ev.indicator, *self._indicator(ev.indicator).aliases)]
        other = self._other_kind(q.text, " ".join(named) if named else " ".join(ev.text for ev in answer.evidence))
        if other is None and named:  # 地下水…Ⅳ类 asked; the names fit, the sentence they come from is on 地表水
            other = self._other_kind(q.text, " ".join(ev.text for ev in answer.evidence if ev.value is not None), near=False)
        if other:  # 地下水 asked, 地表水's figure found: not the answer, however close the words
            said = self._passage_answer(q)
            names = [fold(n) for k in q.indicators[:1] for n in (k, *self._indicator(k).aliases)]
            clauses = [c for ev in (said.evidence if said is not None else ()) for c in re.split(r"[；;。]", fold(ev.text))]
            if said is not None and said.status == "answered" and any(
                    (not names or any(n in c for n in names)) and not self._other_kind(q.text, c) for c in clauses):
                return said  # a clause on the indicator and the kind asked (夜间道路交通噪声: not 功能区's 夜间达标率)
            d = Draft("not_found")
            d.add(f"公报未给出{other[0]}的相关数据（公报给出的是{other[1]}的情况，两者不是一回事）。")
            return d.answer("not_found")
        left_out = self._qualifiers_left_out(q, answer)
        if left_out:  # 国考断面水质达标率 asked, 全市断面水质达标率 found: the part asked is not the whole's figure
            said = self._passage_answer(q)
            if said is not None and said.status == "answered" and all(fold(w) in fold(said.text) for w in left_out):
                return said
            each = self._each_part_by_sentence(q, left_out) if len(left_out) > 1 else None
            if each is not None:  # 国考断面和省考断面的优良比例分别是多少: each part by its own sentence
                return each
            d = Draft("not_found")
            d.add(f"公报未单独给出{'、'.join(left_out)}的这项数值。")
            near = self._best_sentence(q.text, need=lambda s: all(fold(w) in fold(s) for w in left_out))
            if near and near[0] >= 0.3:
                d.add(f"公报中最接近的内容：{near[1]}{d.cite(Evidence(text=near[1], locator=near[2].locator, source=near[2].source))}")
            return d.answer("not_found")
        if TIME_ASKED.search(fold(q.text)) and not any(ev.unit == "年" or ev.stat == "since" for ev in answer.evidence):
            # 哪一年开始 / when was it created: a figure of the indicator is no date; a sentence with one is
            said = self._passage_answer(q)
            if said is not None:
                return said  # the sentence that dates it, or the one on the subject that does not
            d = Draft("not_found")
            d.add("公报未给出所问的时间。")
            return d.answer("not_found")
        if not q.weak and q.measures and q.indicators and self._fits(q.indicators[0], q.measures):
            return answer  # 要求告知水源地水质达标率: the very measure asked, of the indicator named
        if q.intent in ("rank", "compare") and not q.weak and \
                len({ev.place for ev in answer.evidence if ev.value is not None and ev.indicator in q.indicators}) >= 2:
            return answer  # places ordered by the very indicator asked: words such as 设区市 only name the scope
        said = [*answer.evidence, Evidence(text=answer.text, locator="", source="")]  # 公报未涉及世界卫生组织…
        # a figure asked of a named indicator: only the nouns the answer leaves out say it is about something else
        # (贷款 of 首开项目), not the asker's own words (摆摊, 算不算, 附近)
        nouns = not q.weak and bool(NUMBER_ASKED.search(fold(q.text)))
        # the names that count as said are those of the indicator the answer cites, not of the one asked: a
        # ranking of districts by 综合指数 does not answer 哪几个监测点 because 监测点数量 was parsed
        cited = [ev.indicator for ev in answer.evidence if ev.indicator]
        key = q.indicators[0] if q.indicators and (not cited or q.indicators[0] in cited) else (cited[0] if cited else None)
        missing = self._uncovered(q.rest, said, key, any_=True, nouns=nouns)
        missing = [w for w in missing if not self._after_a_name(q.text, w)]
        # 42个主要流域国省控断面中，Ⅰ～Ⅱ类…: the population the question counts within is its scope, not its subject
        scopes = [m.group() for m in SCOPE_PHRASE.finditer(fold(q.text))]
        missing = [w for w in missing if not any(fold(w) in s for s in scopes)]
        if not missing:
            return answer
        passage = self._passage_answer(q)
        if passage is not None and passage.status == "answered" and \
                not self._uncovered(q.rest, passage.evidence, q.indicators[0] if q.indicators else None) and \
                not [w for w in organisations(q.rest) if not self._mentions(w, fold(passage.text))]:
            return passage
        about = self._sentences_about(q, missing)
        need = answer_kind(q.text)
        if about and about[0][0] == len(missing) and (need is None or need[1](about[0][1])):
            # a sentence on the subject that says the very words asked (and a figure, if one is asked)
            d = Draft("open")
            d.add(f"据公报：{about[0][1]}{d.cite(about[0][2])}")
            return d.answer()
        if about and about[0][0] == len(missing) and need and any(ev.value is not None for ev in answer.evidence):
            # 岭头片区…从国家开发银行拿到的贷款是多少: the figure is the indicator's own; the sentence that names the
            # indicator says the rest of what was asked (国家开发银行), so both are shown
            d = Draft(answer.intent)
            d.evidence = list(answer.evidence)
            d.add(f"{answer.text}（公报相关原文：{about[0][1]}{d.cite(about[0][2])}）")
            out = d.answer()
            out.derived = answer.derived
            return out
        near = self._best_sentence(q.text, need=need[1] if need else None)
        nouns = [w for w in missing if w in noun_words(q.text)]
        for sentence, ev in [*((s, e) for _, s, e in about[:1]), *([(near[1], near[2])] if near and near[0] >= 0.5 else [])]:
            said = fold(sentence)
            if nouns and all(self._mentions(w, said) for w in nouns) and (need is None or need[1](sentence)) \
                    and not self._other_kind(q.text, sentence):
                # 南岗河-木强水库是不是也入选了，是什么级别: the nearest sentence says every noun the figures left out
                d = Draft("open")
                d.add(f"据公报：{sentence}{d.cite(Evidence(text=sentence, locator=ev.locator, source=ev.source))}")
                return d.answer()
        d = Draft("not_found")
        d.add(f"公报未直接提及“{'、'.join(missing)}”。")
        if about and q.indicators:
            name = self._indicator(q.indicators[0]).display
            d.add(f"公报中关于{name}的内容：" + "".join(f"{s}{d.cite(ev)}" for _, s, ev in about))
        else:
            near = self._best_sentence(q.text) if need else near  # without a need it is the search just made
            if near and near[0] >= 0.3:
                d.add(f"公报中最接近的内容：{near[1]}{d.cite(Evidence(text=near[1], locator=near[2].locator, source=near[2].source))}")
        return d.answer("not_found")
