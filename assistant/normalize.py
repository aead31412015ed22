"""Before parsing: what the user actually asks, with the packaging taken off. Pure functions, no I/O.

Each step is small and tested on its own (tests/corpus/normalize.yaml):

* `correct_terms`  一氧化炭 → 一氧化碳: a lexicon term written with a near-homophone (same pinyin, one character
  off) is read as the term, and the answer says so (按“一氧化碳”理解);
* `as_claim`       a quoted sentence with a check request around it, a check request at either end, or reported
                   speech (网上说…) becomes "核实：<the claim>";
* `peel_wrapper`   hotline and newsroom preambles (市民来信咨询：…, 帮我查一下…, …请帮忙查一下) come off;
* `split_parts`    several questions in one message (two question marks, 另外/顺便问一下 …) become parts,
                   each answered with its own evidence; a part that names nothing of its own (哪个更高？) stays
                   with the part before it.

The vocabulary lives in corpus/lexicon.yaml (`question_words`), not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from .lexicon import INFO_QUESTION, Lexicon, fold

STREAK_ASKED = re.compile(r"连续\s*(?:几|多少)\s*年|几年了|多少年了")
COMPARISON = re.compile(r"哪个|谁|相比|比较|对比|高多少|低多少|差多少|更高|更低|更好|更差")
QUOTED = re.compile(r"[“\"「『]([^”\"」』]{6,})[”\"」』]")
CHECK_PREFIX = "核实："


@dataclass(frozen=True)
class Normalized:
    text: str  # the whole message as parse should see it (a claim: "核实：…")
    parts: tuple[str, ...]  # one entry per question in the message
    notes: tuple[str, ...] = ()  # what was read differently from how it was written

    @property
    def is_claim(self) -> bool:
        return self.text.startswith(CHECK_PREFIX)


def normalize(text: str, lex: Lexicon) -> Normalized:
    text = spoken(text, lex)
    text, notes = correct_terms(text, lex)
    mixed = _claim_and_question(text, lex)
    if mixed:  # 听说荔湾生态质量全市最差，是不是真的？荔湾区的生态质量是几类？: a check and a question
        return Normalized(text=mixed[0], parts=mixed, notes=notes)
    claim = as_claim(text, lex)
    if claim is not None:
        return Normalized(text=claim, parts=(claim,), notes=notes)
    text = peel_wrapper(core_question(peel_wrapper(text, lex), lex), lex)
    mixed = _claim_and_question(text, lex)
    if mixed:  # …请核实：PM2.5是多少？是不是真的创了新低？: the question taken out of the story may be mixed too
        return Normalized(text=mixed[0], parts=mixed, notes=notes)
    return Normalized(text=text, parts=split_parts(text, lex), notes=notes)


def _claim_and_question(text: str, lex: Lexicon) -> tuple[str, ...] | None:
    """A message whose question-marked pieces are partly a check and partly a question: each is read on its own."""
    if QUOTED.search(text):
        return None
    pieces = [p.strip() for p in re.split(r"(?<=[？?])", text) if p.strip(" ，,。？?")]
    if len(pieces) < 2:
        return None
    read = [as_claim(p, lex) for p in pieces]
    if not any(read) or all(read):
        return None
    out = []
    for n, (c, p) in enumerate(zip(read, pieces, strict=True)):
        before = [m for m in lex.find("district", pieces[n - 1])] if n else []
        if c and before and not _names_place(c, lex):  # …荔湾生态质量是几类？空气质量综合指数是不是真的在后三？
            c = CHECK_PREFIX + before[-1].key + c[len(CHECK_PREFIX):]  # the district the piece before ends on
        named = lex.find("indicator", pieces[n - 1]) if n else []
        if c and named and not lex.find("indicator", c) and not lex.find("weak", c):
            # PM2.5年均浓度是多少？是不是真的创了新低？: the claim is said of the indicator just asked about
            said = fold(pieces[n - 1])[named[-1].start: named[-1].end]
            c = CHECK_PREFIX + said + c[len(CHECK_PREFIX):]
        # 我家在从化…真的假的？PM2.5到底多少？: where the caller lives stays with the question after the check too
        out.append(c or _carry_place(core_question(peel_wrapper(p, lex), lex), "".join(pieces[:n]), lex))
    return tuple(out)


A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1((?:(?![啊呀呢吗嘛啦哇吧哦])[\u4e00-\u9fff])?)")  # 干不干净, 超不超标, 达不达到 (not the 啊 of 多不多啊)


def spoken(text: str, lex: Lexicon) -> str:
    """Spoken and Cantonese words as the bulletin's Mandarin (系几多 -> 是多少, 嘅 -> 的), longest first."""
    table = lex.words.get("spoken", {})
    for word in sorted(table, key=len, reverse=True):
        if word in text:
            text = text.replace(word, table[word])
    # 干不干净 / 超不超标 / 达没达标: the A-not-A question as the plain word and 吗 (是不是, 有没有 and names that hold
    # one, like 吵不吵, stay as written)
    names = lex.names_text()
    start = 0
    while m := A_NOT_A.search(text, start):
        start = m.end()
        if m.group(1) in "是有能会要可" or m.group() in names or m.group()[:3] in names:
            continue
        end = next((e.start() for e in re.finditer(r"[，,。？?！!；;：:“”\"]", text) if e.start() >= m.end()), len(text))
        tail = re.sub(r"[啊呀呢嘛啦哇吧哦]+$", "", text[m.end(): end])  # 多不多啊 -> 多吗
        text = f"{text[:m.start()]}{m.group(1)}{m.group(2)}{tail}吗{text[end:]}"  # 达不达到目标 -> 达到目标吗
    # 2023年生态环境公报里说 / 环境状况公报中称: the document's name is no subject of what it is said to say
    text = re.sub(r"(?:生态环境|环境)(?:状况|质量)?(?=公报(?:里|中|上)?(?:说|称|写|显示|提到|讲))", "", text)
    # 占七成 / 约三成: tenths said as a share (七成 = 70%), after a word that introduces a share
    text = re.sub(r"(?<=[占为约近达超有])([一二三四五六七八九])成(?![本功立绩员果熟])",
                  lambda m: f"{'一二三四五六七八九'.index(m.group(1)) + 1}0%", text)
    return ENGLISH_LEVEL.sub(lambda m: LEVEL_NUMBERS[m.group(2).lower()] + ("级" if m.group(1).lower() in ("grade", "level") else "类"),
                             text)  # Class I -> 一类, Grade II -> 二级: the bulletin's own level words


ENGLISH_LEVEL = re.compile(r"\b(class|category|grade|level)\s+(iv|v|iii|ii|i|[1-5])\b", re.I)
LEVEL_NUMBERS = {"i": "一", "ii": "二", "iii": "三", "iv": "四", "v": "五", "1": "一", "2": "二", "3": "三", "4": "四", "5": "五"}


def core_question(text: str, lex: Lexicon) -> str:
    """A hotline message tells a story, then asks (市民来电：…居住在南沙区…，询问2024年南沙区臭氧…。请答复。): the
    question is what follows the asking verb, without the request to reply. Short questions are left alone."""
    if len(text) < 24:
        return text
    verbs = lex.word_pattern("ask_verbs")
    # …打进热线，说…，问公报里…: a clause opened by 问 asks, after the story (not 问题)
    m = re.search(rf"(?:{verbs}|(?<=[，,])\s*问(?![题卷]))\s*[：:，,]?\s*", text)
    if not m or len(text) - m.end() < 6:
        return story_question(text, lex)
    if re.search(r"[？?]|多少|(?<![这近前])几[个项家天条次年类级]|是否|吗[，,。]", text[: m.start()]):  # not 这几年
        # what comes before is itself a question (…多少，顺便问一下…): several parts, not a story; 不知道往哪扔 in
        # the story is no question to the bulletin
        return text
    rest = text[m.end():]
    replies = lex.word_pattern("reply_requests")
    rest = re.sub(rf"[，,。\s]*(?:{replies})[。！!\s]*", "。", rest).strip("。 ")
    return _carry_topic(_carry_place(rest, text[: m.start()], lex), text[: m.start()], lex)


def _carry_topic(question: str, story: str, lex: Lexicon) -> str:
    """The one indicator the story names stays with a question that names none (看到新闻说全市生态质量评了类别，
    想知道我们荔湾区被评为第几类)."""
    if lex.find("indicator", question) or lex.find("weak", question):
        return question
    named = lex.find("indicator", story)
    if len({m.key for m in named}) != 1:
        return question
    return f"{fold(story)[named[-1].start: named[-1].end]}，{question}"


ASKING = re.compile(r"[？?]|多少|几[个项家天条次年类级]|哪|是否|吗|什么|有没有|是不是|分别")


def story_question(text: str, lex: Lexicon) -> str:
    """A long message that tells a story and then asks without an asking verb (…网上还有人说白云区PM2.5全市最高。
    她希望我们按官方公报答复：2024年白云区PM2.5和PM10分别是多少？麻烦给个准确口径。): the question is the
    sentences that ask. Sentences that only tell, and hearsay leading up to the ask, are context, not the question.
    The message is left whole when no sentence asks, when every sentence does, or when what asks names nothing."""
    sentences = [s for s in re.split(r"(?<=[。！!？?；;])", text) if s.strip(" 。！!；;")]
    if len(text) < 40 or len(sentences) < 2:
        return text
    reported = lex.word_list("reported_speech")
    asking = [s for s in sentences if ASKING.search(fold(s)) and not _has_any(reported, fold(s))]
    if not asking or len(asking) == len(sentences):
        return text
    kept = []
    for s in asking:  # 她希望我们按官方公报答复：…: a lead-in before a colon that neither asks nor names comes off
        head = re.match(r"([^：:]{1,30})[：:]\s*(?=\S)", s)
        if head and not ASKING.search(fold(head.group(1))) and not names_something(head.group(1), lex):
            s = s[head.end():]
        kept.append(s.strip())
    question = "".join(kept)
    if not names_something(question, lex):
        return text  # 这个数值去年是多少？: what is asked about was said in the story
    story = "".join(s for s in sentences if s not in asking)
    return _carry_place(question, story, lex)


def _carry_place(question: str, story: str, lex: Lexicon, city_counts: bool = True) -> str:
    """The place the caller speaks of earlier stays with the question when the question itself names none (a
    claim's 全市最高 names the city as the scope only: city_counts=False)."""
    scope = re.sub(r"(?:全市|全省|全区|全县)(?=\s*(?:最|排|第|前|后|倒数|范围|各|中|里))", " ", question)  # 全市最高: the scope
    if _names_place(scope, lex) if city_counts else any(lex.find(k, question) for k in ("district", "site")):
        return question
    lives = re.search(r"(居住在|住在|家住|家在|生活在|住|来自)\s*([^，,。；;]{2,12})", story)
    earlier = [h for kind in ("district", "site") for h in lex.find(kind, lives.group(2))] if lives else []
    if earlier:  # 其居住在南沙区…询问臭氧是否超标: where the caller lives is the place asked about
        return lives.group(2)[earlier[-1].start: earlier[-1].end] + question
    return question


def _names_place(text: str, lex: Lexicon) -> bool:
    return any(lex.find(kind, text) for kind in ("district", "site", "city", "other_city"))


# -- near-homophones ---------------------------------------------------------------------------
def _syllables(text: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(text, errors=lambda chars: list(chars)))


_TABLES: dict[int, tuple[dict[tuple[str, ...], str], tuple[int, ...]]] = {}


def _homophone_table(lex: Lexicon) -> tuple[dict[tuple[str, ...], str], tuple[int, ...]]:
    """pinyin syllables -> lexicon term, for the Chinese indicator names; built once per lexicon."""
    if id(lex) not in _TABLES:
        names = {fold(a) for ind in lex.indicators.values() for a in (ind.key, *ind.aliases)}
        table: dict[tuple[str, ...], str] = {}
        # spoken phrases (喝的水, 空气好的日子) are not corrected towards: 河的水 is what the asker meant
        for term in sorted(n for n in names if 2 <= len(n) <= 10 and re.fullmatch(r"[\u4e00-\u9fff]+", n) and "的" not in n):
            key = _syllables(term)
            if len(key) == len(term):  # one syllable per character, so windows line up
                table.setdefault(key, term)
        _TABLES[id(lex)] = (table, tuple(sorted({len(t) for t in table}, reverse=True)))
    return _TABLES[id(lex)]


def correct_terms(text: str, lex: Lexicon) -> tuple[str, tuple[str, ...]]:
    """Replace a run of characters that sounds exactly like a lexicon term but differs from it in one
    character (臭养 → 臭氧, 达标天树 → 达标天数). Characters inside a correctly written name are left alone."""
    table, lengths = _homophone_table(lex)
    folded = fold(text)
    if len(folded) != len(text) or not re.search(r"[\u4e00-\u9fff]{2}", folded):
        return text, ()
    covered = [0] * len(text)  # the length of the longest correctly written name over each character
    for m in lex.find("indicator", text):
        covered[m.start: m.end] = [max(c, m.end - m.start) for c in covered[m.start: m.end]]
    notes: list[str] = []
    out = list(text)
    import jieba

    for run in re.finditer(r"[\u4e00-\u9fff]+", folded):
        chars = run.group()
        sounds = _syllables(chars)
        if len(sounds) != len(chars):
            continue
        words, at_ = {}, 0  # a misheard character is not one of a dictionary word reaching past the term: 总担心 (not 总氮)
        for token in jieba.lcut(chars, HMM=False):
            if len(token) > 1 and jieba.dt.FREQ.get(token, 0) > 0:
                words.update({k: (at_, at_ + len(token)) for k in range(at_, at_ + len(token))})
            at_ += len(token)
        for size in lengths:
            for i in range(len(chars) - size + 1):
                at = run.start() + i
                term = table.get(sounds[i: i + size])
                window = chars[i: i + size]
                if term is None or term == window or max(covered[at: at + size]) >= size or \
                        sum(a != b for a, b in zip(term, window, strict=True)) != 1 or _in_a_word_beyond(words, i, size, term, window):
                    continue
                out[at: at + size] = list(term)
                covered[at: at + size] = [size] * size
                notes.append(f"按“{term}”理解“{window}”")
    return "".join(out), tuple(dict.fromkeys(notes))


def _in_a_word_beyond(words: dict[int, tuple[int, int]], i: int, size: int, term: str, window: str) -> bool:
    changed = i + next(k for k, (a, b) in enumerate(zip(term, window, strict=True)) if a != b)
    span = words.get(changed)
    return span is not None and (span[0] < i or span[1] > i + size)


# -- claims ----------------------------------------------------------------------------------------
def _has_any(words: tuple[str, ...], folded: str) -> bool:
    return any(w in folded for w in words)


def _check_tail(text: str, lex: Lexicon) -> int | None:
    """Where a closing sentence that asks for a check begins (…18微克/立方米。编辑让我确认一下这个说法 / ——这组数字对得上吗
    / ，这个说法公报能支持吗 / 。没写错吧): None when there is none, or nothing stated before it."""
    cues, pointers, requests = (lex.word_list(n) for n in ("check_tail_cues", "check_tail_pointers", "check_tail_requests"))
    breaks = [m.end() for m in re.finditer(rf"[。！？!?]|——|—|[，,](?=\s*(?:这|该|{lex.word_pattern('check_tail_requests')}))",
                                           text.rstrip("。！？!? "))]
    for at in reversed(breaks):
        tail, head = fold(text[at:]), text[:at]
        if not _has_any(cues, tail) or len(tail) > 30 or names_something(tail, lex):
            continue  # 来电人想确认西村这个监测点是不是较差: a question of its own, not a look back
        if not (_has_any(pointers, tail) or _has_any(requests, tail) or len(tail.strip(" 。！？!?吧吗呢")) <= 8):
            continue
        stated = re.sub(r"^[^：:]{0,20}?(?:写的是|说的是|写道|称)[：:]", "", head)
        if re.search(r"\d", stated) or QUOTED.search(head) or lex.find("district", stated) or lex.find("site", stated):
            return at
    return None


def _after_hearsay(text: str, lex: Lexicon) -> str:
    """What was heard, without the story told before it: "我是白云区的居民…街坊聊天说我们石井那个监测点是全市最差的，
    真的假的" checks what the neighbours said. The last mark of hearsay (听说, or a speaker and a speech verb) starts it."""
    speaker = rf"(?:{lex.word_pattern('speakers')})[\u4e00-\u9fff]{{0,3}}?(?:{lex.word_pattern('speech_verbs')})"
    marks = [m.end() for m in re.finditer(rf"{lex.word_pattern('reported_speech')}|{speaker}", fold(text))]
    if not marks or len(fold(text)) != len(text):
        return text
    heard = text[marks[-1]:].lstrip("：:，, ")
    if len(re.findall(r"[\u4e00-\u9fffA-Za-z0-9]", heard)) < 6:
        return text
    return _carry_place(heard, text[: marks[-1]], lex, city_counts=False)  # 我住白云区…听人讲我们那边PM2.5全市最高: 白云区's


def _strip_words(text: str, words: tuple[str, ...]) -> str:
    for w in words:
        text = re.sub(re.escape(w), " ", text, flags=re.I)
    return text


def as_claim(text: str, lex: Lexicon) -> str | None:
    """"核实：<claim>" when the message asks for a check, else None."""
    folded = fold(text)
    closers, openers = lex.word_list("check_closers"), lex.word_list("check_openers")
    # 这句话可以直接用吗 closes like 可以用吗: the words that may sit inside a closer are dropped first
    filler = rf"(?<=[能以用发])(?:{lex.word_pattern('closer_fillers')})(?=[用发引刊])"
    folded, text = re.sub(filler, "", folded), re.sub(filler, "", text)
    reported = lex.word_list("reported_speech")
    opener = re.match(rf"\s*[\u4e00-\u9fff]{{1,4}}?({lex.word_pattern('check_openers')})\s*[：:]\s*", folded) or \
        re.match(rf"\s*({lex.word_pattern('check_openers')})\s*[：:，,]?\s*", folded)  # 事实核查：/ 请核实： (not 请核 + 实：)
    if not opener:  # 领导让我确认一下这段：… / 这句帮看下：…: a lead-in with a checking verb or a draft's words, then the claim
        lead = re.match(r"\s*([^：:“”\"]{1,24})[：:]\s*(?=\S)", folded)
        if lead and (_has_any(lex.word_list("check_verbs"), lead.group(1)) or _has_any(lex.word_list("quote_refs"), lead.group(1))) \
                and not INFO_QUESTION.search(folded[lead.end():]):
            opener = lead
    asks_check = bool(opener) or _has_any(closers, folded) or _has_any(reported, folded)
    tail = None if asks_check else _check_tail(text, lex)
    if tail is not None:  # …只有18微克/立方米。编辑让我确认一下这个说法: what comes before the closing sentence
        text = text[:tail]
        folded = fold(text)
        if INFO_QUESTION.search(QUOTED.sub(" ", folded)) and not QUOTED.search(text):
            return None  # PM2.5是多少？我需要确认一下: a question, then a note
        closers = (*closers, folded[-1:] or "。")  # counts as closed: the tail asked for the check
        asks_check = True
    quotes = [m.group(1).strip() for m in QUOTED.finditer(text)]
    quotes = [q for q in quotes if re.search(r"\d", q) or len(q) >= 10]  # a sentence quoted, not a name (“美丽中国城市样板”)
    if asks_check and not opener and not _has_any(closers, folded) and not quotes and \
            INFO_QUESTION.search(QUOTED.sub(" ", folded)):
        return None  # 听说洪秀全水库不再作为水源地了，目前还有几个？ / 听说要搞“…样板”，分几步走？: hearsay as context for a question
    if asks_check and not opener and not _has_any(closers, folded) and not quotes:
        heard = max((folded.find(fold(w)) for w in reported if fold(w) in folded), default=-1)
        if heard >= 0 and _has_any(lex.word_list("ask_verbs"), folded[heard:]):
            return None  # …听说是臭氧。想了解南沙区臭氧有没有超标: the caller asks, after the hearsay
    if asks_check and _asks_for_information(folded, lex):
        return None  # …说荔湾是最差的区。她想知道荔湾区的生态质量是什么类型，是不是最差: the caller's own question
    outside = QUOTED.sub(" ", folded)
    if quotes and not asks_check and (_has_any(lex.word_list("quote_refs"), outside) or
                                      _has_any(lex.word_list("check_verbs"), outside)):
        asks_check = True  # 稿子写“…” / “…”，能确认吗: a sentence of a draft is put up for checking
    if not asks_check:
        return None
    if quotes:
        claim = max(quotes, key=len)
    else:
        claim = text[opener.end():] if opener else _after_hearsay(peel_wrapper(text, lex), lex)  # 12345工单：… is not the claim
        claim = _strip_words(claim, reported + closers + tuple(w for w in openers if len(w) > 3))
        if opener and INFO_QUESTION.search(fold(claim)) and not re.search(r"\d", re.sub(r"(?:19|20)\d\d\s*年|pm\s*2\.5|pm\s*10", "", fold(claim))):
            return None  # 请核实：2024年PM2.5年均浓度是多少？: a request to look a figure up, not a claim
    claim = re.sub(r"^[\s：:，,]+|[\s：:，,。？?！!]+$", "", re.sub(r"\s+", " ", claim))
    # …下降70.0%。这句话(可以用吗): the draft's own name for the sentence is not part of the claim
    claim = re.sub(rf"[。；;，,]\s*(?:{lex.word_pattern('quote_refs')})$", "", claim)
    if not claim or not re.search(r"[\u4e00-\u9fffA-Za-z]", claim):
        return None
    return CHECK_PREFIX + claim


# -- wrappers ----------------------------------------------------------------------------------------
def names_something(text: str, lex: Lexicon, city: bool = True) -> bool:
    kinds = ("indicator", "weak", "district", "site", "other_city", *(("city",) if city else ()))
    # a weak word of one character names nothing by itself (the 水 of 平均水平)
    return any(m.end - m.start > 1 or kind != "weak" for kind in kinds for m in lex.find(kind, text))


def _asks_for_information(folded: str, lex: Lexicon) -> bool:
    """After the hearsay or the quoted sentence, the caller's own asking verb (想知道 / 请核实：) and a request
    for a figure or a kind (是多少 / 是什么类型): the message is a question, whatever it heard."""
    after = QUOTED.split(folded)[-1] if QUOTED.search(folded) else folded
    heard = max((after.rfind(fold(w)) + len(fold(w)) for w in lex.word_list("reported_speech") if fold(w) in after), default=0)
    after = after[heard:]
    verbs = (*lex.word_list("ask_verbs"), *lex.word_list("check_openers"))
    at = min((after.find(fold(v)) for v in verbs if fold(v) in after), default=-1)
    return at >= 0 and bool(INFO_QUESTION.search(after[at:]))


def peel_wrapper(text: str, lex: Lexicon) -> str:
    """Take off a preamble before a colon that names nothing asked about, opening phrases such as
    帮我查一下, and closing ones such as 请帮忙查一下 / 谢谢."""
    head = re.match(r"\s*([^：:]{1,30})[：:]\s*(?=\S)", text)
    if head and not names_something(head.group(1), lex):
        text = text[head.end():]
    openers = lex.word_pattern("wrapper_openers")
    closers = lex.word_pattern("wrapper_closers")
    for _ in range(3):
        before = text
        text = re.sub(rf"^\s*(?:{openers})[\s，,：:。]*", "", text, flags=re.I)
        text = re.sub(rf"[\s，,。！!]*(?:{closers})[\s，,。！!~～]*$", "", text, flags=re.I)
        if text == before:
            break
    return text.strip() or before.strip()


def _another_kind(before: str, piece: str, lex: Lexicon) -> bool:
    """The piece names another thing of a kind than the part before it (夜间达标率是多少；另外昼间的呢): a part of
    its own (subject_kinds in lexicon.yaml)."""
    return any(said and now and not said & now for said, now in
               zip(lex.groups_named(before, "subject_kinds"), lex.groups_named(piece, "subject_kinds"), strict=True))


# -- several questions in one ------------------------------------------------------------------------
def split_parts(text: str, lex: Lexicon) -> tuple[str, ...]:
    connectors = lex.word_pattern("part_connectors")
    pieces = re.split(rf"(?<=[？?])\s*|[，,。；;\s]+(?=(?:{connectors}))", text, flags=re.I)
    pieces = [p.strip() for p in pieces if p and p.strip(" ，,。；;？?")]
    parts: list[str] = []
    stats = ("yoy", "vs2013", "target", "limit", "rank", "class")
    for piece in pieces:
        body = re.sub(rf"^(?:{connectors})[\s，,：:]*", "", piece, flags=re.I)
        # a part of its own names a place or indicator (广州达标吗: the city is the default place, not a subject),
        # or asks for a statistic of the same subject (省考目标是多少？); 哪个更高？ belongs with the part before
        # 哪个同比改善幅度最大？ after 哪个总氮浓度最高？ asks another statistic: a part of its own
        asked = {k for k in stats if lex.has(f"stat:{k}", body)}
        before = {k for k in stats if parts and lex.has(f"stat:{k}", parts[-1])}
        own = names_something(body, lex, city=False) or bool(parts and _another_kind(parts[-1], body, lex)) or (
            bool(asked) and (not COMPARISON.search(fold(body)) or bool(parts and not asked & before))) or (
            # 广州已经连续几年达到这个标准了？ after 限值是多少？: a question of its own about the same subject
            bool(parts) and bool(STREAK_ASKED.search(fold(body))) and not STREAK_ASKED.search(fold(parts[-1])))
        if parts and not own:
            parts[-1] = parts[-1] + piece
        else:
            parts.append(body if body.strip(" ？?") else piece)
    return tuple(parts) or (text,)
