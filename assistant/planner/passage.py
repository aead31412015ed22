"""The passage route: the bulletin's own sentences as the answer when no figure covers the subject."""

from __future__ import annotations

import re
from dataclasses import replace

from ..answer import Draft
from ..lexicon import fold
from ..parse import Query
from ..types import Answer, Evidence
from .base import COUNT_ASKED, TIME_ASKED, PlannerBase, content_words, coverage, measured_things, said_in, words_to_find

NUMBER_WANTED = re.compile(r"多少|(?<![哪])几(?![类种])|how many|how much")
CAPTION = re.compile(r"\s*(?:附表|附图|表\s*\d|图\s*\d)")
DIGITS = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?(?!\s*年)(?![a-z\d])")  # a figure, not a year
STATED_FIGURE = re.compile(rf"{DIGITS.pattern}|[一二两三四五六七八九十]+\s*(?:大|个|项|条|类|批|家|座)")  # also 五大, 十项
POINTER = re.compile(r"[^（(\s]\s*见[图表]\s*\d+(?:\s*[、,，和]\s*[图表]?\s*\d+)*\s*[。；;]?\s*$")  # 监测点空气质量见图16。
STATED_TIME = re.compile(r"(?:19|20)\d\d\s*年|\d{1,2}\s*月")
NOT_A_FIGURE = re.compile(r"[图表]\s*\d+|pm2\.5|pm10|(?:19|20)\d\d\s*[-—–~～至到]\s*(?:19|20)\d\d")  # 2016-2024年 is a period


def answer_kind(question: str):
    """What a sentence must hold to answer the question: (its name, a test), or None when any sentence may.
    A counted name asked (五大样板是哪些 / 几大行动) must be said as such (…等五大样板)."""
    folded = fold(question)
    counted = [re.compile(rf"[一二两三四五六七八九十\d]+\s*大\s*{m.group(1)}")
               for m in re.finditer(r"(?:[一二两三四五六七八九十]|几)\s*大\s*([\u4e00-\u9fff]{2})", folded)]
    kind = _answer_kind(folded)
    if not counted:
        return kind
    return (kind[0] if kind else "内容",
            lambda s: all(c.search(fold(s)) for c in counted) and (kind is None or kind[1](s)))


def _answer_kind(folded: str):
    if TIME_ASKED.search(folded):
        return "时间", lambda s: bool(STATED_TIME.search(s))
    if NUMBER_WANTED.search(folded):  # 几大行动 may be answered by 五大行动; 多少 wants digits
        figure = STATED_FIGURE if re.search(r"(?<![哪])几", folded) else DIGITS
        return "数值", lambda s: bool(figure.search(NOT_A_FIGURE.sub("", fold(s))))
    return None


class PassageIntent(PlannerBase):
    def _each_part_by_sentence(self, q: Query, parts: list[str]) -> Answer | None:
        """国考断面和省考断面的优良比例分别是多少: the question asked once per part (the other parts' words taken out),
        each answered by a sentence that names its part; None unless every part is."""
        from ..answer import merge_answers

        each = []
        for w in parts:
            alone = fold(q.text)
            for other in parts:
                if other != w:
                    alone = re.sub(rf"(?:和|与|及|、|跟)?\s*{re.escape(fold(other))}", "", alone)
            one = self._passage_answer(replace(q, text=alone))
            if one is None or one.status != "answered" or fold(w) not in fold(one.text):
                return None
            each.append(one)
        return merge_answers(each)

    def _passage_answer(self, q: Query, min_coverage: float = 0.5, must: str = "") -> Answer | None:
        """Answer with the bulletin's own sentence when a passage covers the question well and holds the kind of
        thing asked (a figure for 多少, a date for 什么时候); a sentence on the subject without it is shown as
        related, not given as the answer. With `must` (a date asked: 到2027年), only a sentence that says it counts."""
        folded = fold(q.text)
        parts = [w for w in self.lex.word_list("subject_qualifiers") if fold(w) in folded]
        if len(parts) > 1 and re.search(rf"(?:{'|'.join(map(re.escape, map(fold, parts)))})[^，,。？?；;]{{0,4}}(?:和|与|及|、|跟)", folded):
            each = self._each_part_by_sentence(q, parts)
            if each is not None:
                return each
        if len(re.findall(r"[a-z]{3,}", fold(q.text))) >= 3 and not [
                w for w in content_words(q.text) if re.search(r"[\u4e00-\u9fff]", w) and not re.fullmatch(r"[一二三四五]+[类级]", w)]:
            return None  # an English question read only as 二类 (Class II): too little of it understood to quote a sentence
        need = answer_kind(q.text)
        if must:
            kind = need
            need = (kind[0] if kind else "内容", lambda s: must in fold(s) and (kind is None or kind[1](s)))
        # a district carried from the turn before (南沙… / 那两个全国首单…) need not be said again in the sentence
        districts = [self.lex.short(p) for p in q.places if p in self.lex.districts and self.lex.short(p) in q.text]
        if districts:  # 从化区属于几类: a sentence about the whole city is not the answer
            kind = need
            need = (kind[0] if kind else "内容",
                    lambda s: any(d in s for d in districts) and (kind is None or kind[1](s)))
        best = self._best_sentence(q.text, need=need[1]) if need else None
        if best is None or best[0] < min_coverage:
            best = self._best_sentence(q.text)
            if not best or best[0] < min_coverage:
                return None
            if need:  # 两个首开项目分别获得多少贷款: the sentence that names them gives no amount
                d = Draft("not_found")
                quote = Evidence(text=best[1], locator=best[2].locator, source=best[2].source)
                d.add(f"公报未给出所问的{need[0]}。公报相关内容：{best[1]}{d.cite(quote)}")
                return d.answer("not_found")
        _, sentence, ev = best
        subject = {w for w in content_words(q.text) if not any(w in m or m in w for m in q.measures)}
        if q.measures and subject and sum(w in fold(sentence) for w in subject) / len(subject) < min_coverage:
            return None  # 森林面积: a sentence about some other 面积 is not about the subject asked
        quote = Evidence(text=sentence, locator=ev.locator, source=ev.source, score=ev.score)
        measured = measured_things(q.text, q.measures)
        if measured:  # a topic's loose word (噪声 of 夜间的噪声达标率) names the field, which the sentence need not repeat
            loose = {fold(w) for ind in self.lex.indicators.values() for w in ind.weak}
            measured = [w for w in measured if w not in loose]
        if any(w not in fold(sentence) for w in measured):
            # 溶解氧平均浓度 asked, the nearest sentence gives 氨氮's: what is measured is the subject
            d = Draft("not_found")
            d.add(f"公报未给出{'、'.join(w for w in measured if w not in fold(sentence))}的数值。公报相关内容：{sentence}{d.cite(quote)}")
            return d.answer("not_found")
        if q.measures and not any(m in fold(sentence) for m in q.measures):
            # 生活垃圾产生量 asked, the nearest sentence speaks of 覆盖率 and 处置能力: related, not the answer
            d = Draft("not_found")
            d.add(f"公报未给出{self._asked_subject(q)}的数值。公报相关内容：{sentence}{d.cite(quote)}")
            return d.answer("not_found")
        counted = COUNT_ASKED.search(q.text)
        if counted and not re.search(rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(?:万|亿)?\s*{counted.group(2)}", sentence):
            # 新能源汽车有多少辆: a sentence that mentions 新能源汽车 but counts no 辆 does not answer it
            d = Draft("not_found")
            d.add(f"公报未给出所问的数量。公报相关内容：{sentence}{d.cite(quote)}")
            return d.answer("not_found")
        d = Draft("open")
        d.add(f"据公报：{sentence}{d.cite(quote)}")
        return d.answer()

    def _sentences_about(self, q: Query, words: list[str], k: int = 2) -> list[tuple[int, str, Evidence]]:
        """Sentences on the question's subject: they name its indicator (if any), ordered by how many of
        `words` they contain, then by retrieval rank. Captions are never among them."""
        from ..corpus import split_sentences

        key = q.indicators[0] if q.indicators else None
        names = [fold(a) for a in (key, *self._indicator(key).aliases)] if key in self.lex.indicators else []
        query = " ".join([*(names[:2]), *words]) or q.text
        found: list[tuple[int, int, str, Evidence]] = []
        districts = [self.lex.short(p) for p in q.places if p in self.lex.districts]
        for rank, ev in enumerate(self.box.search_passages(query, k=8)):
            if ev.locator.endswith("图表标题"):
                continue
            for sentence in split_sentences(ev.text):
                f = fold(sentence)
                if names and not any(n in f for n in names):
                    continue
                if districts and not any(d in sentence for d in districts):
                    continue  # 从化区属于几类: a sentence on the whole city is not about it
                found.append((sum(self._mentions(w, f) for w in words), rank, sentence.strip(), ev))
        near = self.box.similarity(q.text, [s for _, _, s, _ in found])  # 推广到哪 ~ 已复制到全国多个城市
        order = sorted(range(len(found)), key=lambda i: (-found[i][0], -near[i], found[i][1]))
        found = [found[i] for i in order]
        seen: set[str] = set()
        out = []
        for hits, _, sentence, ev in found:
            if sentence not in seen:
                seen.add(sentence)
                out.append((hits, sentence, Evidence(text=sentence, locator=ev.locator, source=ev.source)))
        return out[:k]

    def _best_sentence(self, text: str, need=None) -> tuple[float, str, Evidence] | None:
        """The sentence of the top passages that covers most of the question's words (and, with `need`, holds
        what the question asks for)."""
        synonyms = self.lex.words.get("subject_synonyms", {})
        wider = " ".join([text, *(s for w in content_words(text) for s in synonyms.get(w, ()))])  # 荣誉 -> 入选 …
        found = self.box.search_passages(wider, k=8 if need else 5)
        best = self._best_of(text, found, need)
        if best is None or best[0] < 0.5:  # then the best keyword matches: a short subject (土壤环境) the vectors miss
            texts = {ev.text for ev in found}
            extra = [ev for ev in self.box.search_passages(wider, k=3, mode="bm25") if ev.text not in texts]
            more = self._best_of(text, extra, need, first_rank=len(found))
            if more is not None and (best is None or more[0] > best[0]):
                best = more
        return best

    def _best_of(self, text: str, found: list[Evidence], need=None, first_rank: int = 0) -> tuple[float, str, Evidence] | None:
        from ..corpus import split_sentences

        best = None
        for rank, ev in enumerate(found, start=first_rank):
            if ev.locator.endswith("图表标题"):
                continue  # a caption names a chart; it answers nothing by itself
            for sentence in split_sentences(ev.text):
                if CAPTION.match(sentence) or POINTER.search(sentence):
                    continue  # 附表…断面名称 所在水体 …: a table's title and header row state nothing; …空气质量见图16 points
                # a long sentence strung together with semicolons: the clause that says as much is quoted alone
                pieces = [sentence, *(u for u in re.findall(r"[^；;]+[；;]?", sentence) if len(sentence) > 80)]
                mine = None  # this sentence's best piece: on a tie, the shorter
                for piece in pieces:
                    if need is not None and not need(piece) or self._other_kind(text, piece):
                        continue  # 地下水 asked: a sentence on 地表水 alone is about something else
                    score = self._coverage(text, piece) - 0.02 * rank - 0.3 * self._unasked_part(text, piece)
                    if mine is None or score > mine[0] + 1e-9 or (score > mine[0] - 1e-9 and len(piece) < len(mine[1])):
                        mine = (score, piece.strip().rstrip("；;"), ev)
                if mine is not None and (best is None or mine[0] > best[0]):
                    best = mine
        return best

    def _unasked_part(self, question: str, sentence: str) -> bool:
        """The sentence's figure is a part's the question does not ask about (全市86个乡镇级…水源地水质达标率 for
        水源地水质达标率): a subject qualifier (subject_qualifiers) said before its first figure, not in the question."""
        folded, asked = fold(sentence), fold(question)
        first = re.search(r"\d+(?:\.\d+)?\s*(?:%|个百分点)", folded)
        head = folded[: first.start()] if first else folded
        return any(fold(w) in head and fold(w) not in asked for w in self.lex.word_list("subject_qualifiers"))

    def _coverage(self, question: str, sentence: str) -> float:
        """coverage(), with the lexicon's words for the bulletin's own (荣誉 is said as 入选…优秀案例)."""
        plain = coverage(question, sentence)
        if plain >= 1.0:
            return plain
        folded = fold(sentence)
        words = words_to_find(question, folded)
        # a long lexicon word (断面水质达标率) is said when its two-character pieces are (国考断面…水质…达标率为88.9%)
        said = sum(self._mentions(w, folded) or said_in(w, folded, shortest=5) for w in words)
        return max(plain, said / len(words)) if words else plain

    def _place_mention(self, place: str | None, ind: str) -> tuple[str, Evidence] | None:
        """A sentence that names the district (short form; any district when `place` is None) and the
        indicator, e.g. 天河、南沙区浓度次之 or 各行政区二氧化氮浓度空间分布特征为……"""
        short = self.lex.short(place) if place else ""
        aliases = [fold(a) for a in (ind, *self._indicator(ind).aliases)] if ind in self.lex.indicators else [ind]
        from ..corpus import split_sentences

        for ev in self.box.search_passages(f"各行政区{ind}浓度空间分布 {short}", k=8):
            for sentence in split_sentences(ev.text):
                f = fold(sentence)
                named = short in sentence if place else bool(re.search(r"各行政区|各区", sentence))
                if named and any(a in f for a in aliases):
                    return sentence, Evidence(text=sentence, locator=ev.locator, source=ev.source)
        return None

    def _open(self, q: Query) -> Answer:
        found = self._passage_answer(q)
        if found:
            return found
        return self._not_found(q)

    def _not_found(self, q: Query) -> Answer:
        """Nothing in the bulletin answers it: say so, and what the bulletin does cover (its own topics)."""
        d = Draft("not_found")
        keys = dict.fromkeys(self.box.facts["indicator"])
        topics = list(dict.fromkeys(self.lex.indicators[k].topic for k in keys if k in self.lex.indicators
                                    and self.lex.indicators[k].topic))
        covers = f"公报涵盖：{'、'.join(topics[:8])}等方面的{self.year}年数据。" if topics else ""
        d.add(f"公报中没有找到与这个问题直接相关的内容。{covers}")
        return d.answer("not_found")
