"""Districts, indicators, units and their synonyms; question text -> the names the tables use."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import jieba
import yaml

jieba.setLogLevel(60)

# the words a bulletin and a question both use for the direction of a change (同比上升 / 下降了多少)
RISE_WORDS = "上升|增加|提高|提升|升高|增长|上涨|多了|多出"
FALL_WORDS = "下降|减少|降低|下跌|减小|少了|少出|改善"

# a class written 一类…五类, 1类…5类 or Ⅰ类…Ⅴ类: the last is what fold() makes of the Roman numerals
ROMAN_OF = dict(zip("一二三四五12345", ("i", "ii", "iii", "iv", "v") * 2, strict=True))

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# a question for information (几个, 是什么 …): hearsay before it (听说…) is its context, not a claim to check
INFO_QUESTION = re.compile(r"几个(?![\u4e00-\u9fff]{0,3}之一)|几(?:家|类|级|步|项|条|大|种|批|座)|啥时候?|哪个|哪几|哪里|哪一类|哪类|多少|什么时候|何时|哪一年|哪年|是什么|有哪些|怎么样|哪些|什么(?:荣誉|级别|成绩|名次|奖|称号|试点)|"
                           r"(?:拿了|拿到|获得了?|得了)什么")


def fold(text: str) -> str:
    """Fold width and case so that ＰＭ２．５, pm2.5 and PM2.5 compare equal."""
    return unicodedata.normalize("NFKC", text).lower()


@dataclass(frozen=True)
class Indicator:
    key: str
    topic: str
    aliases: tuple[str, ...]
    weak: tuple[str, ...] = ()
    better: str | None = None  # "lower" | "higher"
    pollutant: bool = False
    overview: tuple[str, ...] = ()
    share: str | None = None  # the indicator that states this count as a share (达标天数 -> 优良天数比率)

    @property
    def display(self) -> str:
        return f"{self.key}平均浓度" if self.pollutant else self.key


@dataclass(frozen=True)
class Mention:
    key: str
    start: int
    end: int
    length: int = 0  # characters of the name matched (a scattered match spans more)

    @property
    def size(self) -> int:
        return self.length or self.end - self.start


@dataclass
class Lexicon:
    indicators: dict[str, Indicator]
    districts: dict[str, tuple[str, ...]]
    sites: dict[str, tuple[str, ...]]
    city_name: str
    city_aliases: tuple[str, ...]
    other_cities: tuple[str, ...]
    units: dict[str, tuple[str, ...]]
    stat_aliases: dict[str, tuple[str, ...]]
    measures: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 产生量 -> (吨, 万吨, …)
    other_city_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 深圳 -> (shenzhen,)
    year: int = 0  # the bulletin's latest reported year: 今年 and 去年 both mean this one
    words: dict = field(default_factory=dict)  # question vocabulary (question_words in lexicon.yaml)
    _patterns: dict[str, list[tuple[str, str, re.Pattern]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        def compile_(pairs: list[tuple[str, str]]) -> list[tuple[str, str, re.Pattern]]:
            out = []
            for key, alias in sorted(pairs, key=lambda p: -len(fold(p[1]))):  # Ⅲ类 (iii) before Ⅱ类 (ii)
                a = fold(alias)
                body = re.escape(a)
                if re.fullmatch(r"[a-z0-9 .+]+", a):  # latin aliases need word edges: CO must not match CO2
                    body = rf"(?<![a-z0-9.]){body}(?![a-z0-9₂])"
                elif re.match(r"[a-z]", a):  # i类水质断面 must not match inside ii类水质断面 (folded Ⅱ类)
                    body = rf"(?<![a-z]){body}"
                out.append((key, alias, re.compile(body)))
            return out

        self._patterns = {
            "indicator": compile_([(k, a) for k, ind in self.indicators.items() for a in (k, *ind.aliases)]),
            "weak": compile_([(k, a) for k, ind in self.indicators.items() for a in ind.weak]),
            "site": compile_([(k, a) for k, al in self.sites.items() for a in (k, *al)]),
            "district": compile_([(k, a) for k, al in self.districts.items() for a in (k, *al)]),
            "city": compile_([(self.city_name, a) for a in self.city_aliases]),
            "other_city": compile_([(c, a) for c in self.other_cities for a in (c, *self.other_city_aliases.get(c, ()))]),
        }
        for kind in ("yoy", "vs2013", "target", "limit", "rank", "class"):
            self._patterns[f"stat:{kind}"] = compile_([(kind, a) for a in self.stat_aliases.get(kind, ())])
        self._names_text = " ".join(fold(a) for _k, a, _p in self._patterns["indicator"])
        self._patterns["qualifier_moved"] = self._qualifier_patterns()

    def _qualifier_patterns(self) -> list[tuple[str, str, re.Pattern]]:
        """For each name with a qualifier (a subject_kinds word: 夜间, 地表水 …) inside it, the pattern of that
        qualifier (or a word of its kind) said before the rest of the name: 夜间功能区达标率 for 功能区夜间达标率."""
        out = []
        groups = [[fold(w) for w in member] for group in self.words.get("subject_kinds", ()) for member in group]
        for key, alias, _pattern in self._patterns["indicator"]:
            a = fold(alias)
            for member in groups:
                said = next((w for w in member if len(w) >= 2 and w in a and not a.startswith(w)), None)
                stem = a.replace(said, "", 1) if said else ""
                if len(stem) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", stem):
                    continue
                words = "|".join(re.escape(w) for w in sorted(member, key=len, reverse=True))
                out.append((key, a, re.compile(rf"(?:{words})的?{re.escape(stem)}")))
        return out

    def names_text(self) -> str:
        """Every indicator name and alias, folded, in one string (to ask whether a word is part of a name)."""
        return self._names_text

    # -- matching -------------------------------------------------------------------------------
    @cached_property
    def unit_spellings(self) -> list[tuple[str, str]]:
        """(folded spelling, unit) of every unit's other spellings that can follow a figure (μg/m³, mg/L), longest
        first; a one-character Chinese spelling (日) is left out: 11日 is a date."""
        return sorted(((fold(a), k) for k, aliases in self.units.items() for a in aliases
                       if len(a) >= 3 or re.search(r"[A-Za-zμµ]", a)), key=lambda s: -len(s[0]))

    def count_of(self, key: str) -> Indicator | None:
        """The count whose share `key` is (Ⅲ类水质断面比例 -> Ⅲ类水质断面数量), when the lexicon has one."""
        count = self.indicators.get(key.replace("比例", "数量")) if key.endswith("比例") else None
        return count if count is not None and count.share == key else None

    def with_indicators(self, extra: dict[str, Indicator]) -> Lexicon:
        """A copy that also knows these indicators (or these spellings of known ones)."""
        return dataclasses.replace(self, indicators={**self.indicators, **extra})

    def find(self, kind: str, text: str, taken: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Longest-first, non-overlapping matches of one kind; `taken` spans are skipped and extended."""
        folded = fold(text)
        taken = taken if taken is not None else []
        found: list[Mention] = []
        for key, _alias, pattern in self._patterns[kind]:
            for m in pattern.finditer(folded):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                if m.end() - m.start() == 1 and _inside_a_word(folded, m.start()):
                    continue  # 水 in 水平 / 污水: a one-character name inside another word names nothing
                taken.append((m.start(), m.end()))
                found.append(Mention(key, m.start(), m.end()))
        return sorted(found, key=lambda x: x.start)

    def blank(self, text: str, kinds: tuple[str, ...]) -> tuple[list[tuple[str, Mention]], str]:
        """The mentions of these kinds, in that order, in the folded text, and the text with each blanked out (same
        length): what is left are the words no place or name accounts for."""
        folded = fold(text)
        found: list[tuple[str, Mention]] = []
        for kind in kinds:
            for m in self.find(kind, folded):
                found.append((kind, m))
                folded = folded[: m.start] + " " * (m.end - m.start) + folded[m.end:]
        return found, folded

    def find_scattered(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Indicator names whose characters appear in order with short gaps: 夜间(噪声)达标率, 海滩垃圾(里)塑料.

        Each mention's length is the alias length, so a long name matched loosely can outrank a short one
        matched exactly. Only Chinese aliases of 4+ characters are tried.
        """
        folded = fold(text)
        found: list[Mention] = []
        for key, alias, _pattern in self._patterns["indicator"]:
            a = fold(alias)
            if len(a) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", a):
                continue
            gappy = re.compile("[^，。？?！!；;、]{0,2}".join(map(re.escape, a)))
            if a.endswith("率") and len(a) >= 5:  # 夜间噪音达标的比例: a rate said as a share
                gappy = re.compile("[^，。？?！!；;、]{0,2}".join(map(re.escape, a[:-1])) + "(?:率|的?比例)")
            for m in gappy.finditer(folded):
                if not any(m.start() < e and s < m.end() for s, e in taken):
                    found.append(Mention(key, m.start(), m.end(), len(a)))
        return found + self._qualifier_moved(folded, taken)

    def _qualifier_moved(self, folded: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """A name whose qualifier is said before the rest of it (夜间功能区达标率, 晚上的功能区达标率 name
        功能区夜间达标率); the patterns are built once, with the lexicon."""
        return [Mention(key, m.start(), m.end(), len(a)) for key, a, pattern in self._patterns["qualifier_moved"]
                for m in pattern.finditer(folded) if not any(m.start() < e and s < m.end() for s, e in taken)]

    def measures_in(self, text: str) -> tuple[str, ...]:
        """Measure words (产生量, 浓度, 覆盖率 …) in the text, longest first and not overlapping."""
        folded, found = fold(text), []
        for word in sorted(self.measures, key=len, reverse=True):
            if word in folded:
                found.append(word)
                folded = folded.replace(word, " ")
        return tuple(found)

    def has(self, kind: str, text: str) -> bool:
        folded = fold(text)
        return any(p.search(folded) for _k, _a, p in self._patterns[kind])

    def canonical_place(self, name: str) -> str | None:
        for kind in ("site", "district", "city"):
            hits = self.find(kind, name)
            if hits:
                return hits[0].key
        return None

    def word_list(self, name: str) -> tuple[str, ...]:
        """A question-vocabulary list from lexicon.yaml, folded, longest first."""
        return tuple(sorted((fold(w) for w in self.words.get(name, ())), key=len, reverse=True))

    def groups_named(self, text: str, name: str) -> list[set[int]]:
        """For each group of a grouped word list (contrasts, subject_kinds), which of its members the text names
        (ii类 is not read inside iii类)."""
        folded = fold(text)
        return [{n for n, member in enumerate(group)
                 if any(re.search(rf"(?<![a-z]){re.escape(fold(w))}", folded) for w in member)}
                for group in self.words.get(name, ())]

    def word_pattern(self, name: str) -> str:
        """The list as one regex alternation (longest first)."""
        return "|".join(re.escape(w) for w in self.word_list(name)) or "(?!)"

    def short(self, district: str) -> str:
        return district[:-1] if district.endswith("区") else district

    def unit_spans(self, text: str) -> list[tuple[int, int]]:
        """Where units are written (μg/m3, 微克/立方米 …): their digits (the 3 of m3) are not figures."""
        folded, spans = fold(text), []
        for word in sorted({fold(a) for u, al in self.units.items() for a in (u, *al)}, key=len, reverse=True):
            for m in re.finditer(re.escape(word), folded):
                if not any(m.start() < e and s < m.end() for s, e in spans):
                    spans.append(m.span())
        return spans

    def unit_of(self, text: str) -> str | None:
        folded = fold(text)
        for unit, aliases in self.units.items():
            for a in sorted((unit, *aliases), key=len, reverse=True):
                if fold(a) in folded:
                    return unit
        return None

    def jieba_words(self) -> list[str]:
        words = {a for ind in self.indicators.values() for a in (ind.key, *ind.aliases, *ind.weak)}
        words |= {a for k, al in self.districts.items() for a in (k, *al)}
        words |= {a for k, al in self.sites.items() for a in (k, *al)}
        words |= set(self.words.get("segment_words", ()))
        return sorted(w for w in words if len(w) > 1)


def _inside_a_word(text: str, at: int) -> bool:
    """Whether the character at `at` is part of a longer dictionary word (水平, 污水, 雨水), by jieba's cut."""
    if not re.match(r"[\u4e00-\u9fff]", text[at]):
        return False
    start = 0
    for token in jieba.cut(text):
        end = start + len(token)
        if start <= at < end:
            return len(token) > 1 and token in jieba.dt.FREQ and jieba.dt.FREQ[token] > 0
        start = end
    return False


def share_of_part(lex: Lexicon, before: str, named: list[str], bare: bool = False) -> str | None:
    """A share stated for one part of a topic named earlier, written "<part>（占比x%）" (or, with `bare`, also
    "<part>（x%）", as claims write it): the indicator whose name holds both the topic and the part
    (漂浮垃圾 + 聚苯乙烯泡沫塑料类 -> 漂浮垃圾聚苯乙烯泡沫塑料类占比)."""
    share = r"(?:占比|占|比例)" + ("?" if bare else "")
    m = re.search(rf"([\u4e00-\u9fff]{{2,12}})[（(]\s*{share}\s*$", before)
    if not m or not named:
        return None
    part = re.sub(r"^(?:为|是|和|及|与|、|主要类型为|主要为)+", "", m.group(1))
    heads = {k[:4] for k in named}
    found = [k for k in lex.indicators if fold(part) in fold(k) and any(h in k for h in heads)]
    return found[0] if len(found) == 1 else None


def _load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


EMPTY_PLACES = Path(__file__).resolve().parent / "no-bulletin"  # a folder that is never there: no places, year 0
NO_PLACES = {"city": {"name": "全市", "aliases": ["全市"]}, "districts": {}, "sites": {}}


def load_lexicon(corpus_dir: Path, bulletin_dir: Path) -> Lexicon:
    """The shared vocabulary with one bulletin's places; loaded again when either file changes."""
    corpus_dir, bulletin_dir = Path(corpus_dir), Path(bulletin_dir)
    return _load_lexicon(corpus_dir, bulletin_dir, _mtime(corpus_dir / "lexicon.yaml"), _mtime(bulletin_dir / "places.yaml"),
                         _mtime(bulletin_dir / "indicators.yaml"))


CLASSES = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
_CN_CLASSES = ("一", "二", "三", "四", "五", "劣五")
_SPAN_SEPARATORS = ("～", "~", "—", "–", "-", "至", "到")


def class_group_indicators(known: dict[str, Indicator]) -> dict[str, Indicator]:
    """The share of a water report's sections in one class or a range of classes (Ⅳ类水质断面…占20.0%,
    Ⅰ—Ⅲ类水质断面…占70.0%), generated for every class and range rather than listed: each under its own key
    (Ⅳ类水质断面比例, Ⅰ～Ⅲ类水质断面比例), spelled with any dash and in Chinese numerals. Where the lexicon already
    has the indicator (Ⅲ类水质断面比例; Ⅳ～劣Ⅴ is 「Ⅳ类及以下」, also written as the list Ⅳ类、Ⅴ类、劣Ⅴ类), its key
    is kept and the spellings are added to it."""
    out: dict[str, Indicator] = {}
    for i, a in enumerate(CLASSES):
        for j in range(i, len(CLASSES)):
            b = CLASSES[j]
            if i == j:
                key, spans = f"{a}类水质断面比例", [f"{a}", f"{_CN_CLASSES[i]}"]
                names = [f"{x}类{tail}" for x in spans for tail in ("水质断面比例", "水质断面", "断面", "水质的断面比例")]
            else:
                key = f"{a}～{b}类水质断面比例"
                spans = [f"{x}{sep}{y}" for x, y in ((a, b), (_CN_CLASSES[i], _CN_CLASSES[j]), (f"{a}类", b))
                         for sep in _SPAN_SEPARATORS]
                names = [f"{x}类{tail}" for x in spans for tail in ("水质断面比例", "水质断面", "断面", "水质")]  # 优良（Ⅰ～Ⅲ类）: a gloss
                if j == len(CLASSES) - 1 and j - i >= 1:  # Ⅳ类、Ⅴ类、劣Ⅴ类: every class of the range listed
                    listed = [f"{c}类" for c in CLASSES[i:]]
                    for joined in ("、".join(listed), "、".join(listed[:-1]) + "和" + listed[-1]):
                        names += [joined + tail for tail in ("水质断面比例", "水质断面", "水质的断面比例", "断面")]
            if (a, b) == ("Ⅳ", "劣Ⅴ"):
                key = "Ⅳ类及以下水质断面比例"
            mine = known.get(key)
            aliases = tuple(dict.fromkeys((*(mine.aliases if mine else ()), *names)))
            out[key] = dataclasses.replace(mine, aliases=aliases) if mine else Indicator(
                key=key, topic="地表水环境", aliases=aliases, better="higher" if j <= 2 else "lower")
            count = key.replace("比例", "数量")  # Ⅰ—Ⅲ类水质断面7个: the count, whose share is the key above
            if count not in known:
                out[count] = Indicator(key=count, topic="地表水环境", share=key, aliases=tuple(
                    dict.fromkeys(n.replace("比例", tail) for n in names if n.endswith("比例") for tail in ("数量", "个数", "数"))))
    return out


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _indicator(key: str, spec: dict) -> Indicator:
    """An indicator as lexicon.yaml (or a bulletin's indicators.yaml) writes it."""
    return Indicator(key=key, topic=spec.get("topic", ""), aliases=tuple(spec.get("aliases", [])),
                     weak=tuple(spec.get("weak", [])), better=spec.get("better"), pollutant=bool(spec.get("pollutant")),
                     overview=tuple(spec.get("overview", [])), share=spec.get("share"))


@cache
def _load_lexicon(corpus_dir: Path, bulletin_dir: Path, *_stamps: int) -> Lexicon:
    lex = _load_yaml(corpus_dir / "lexicon.yaml")
    places = _load_yaml(bulletin_dir / "places.yaml") if (bulletin_dir / "places.yaml").exists() else NO_PLACES
    manifest = bulletin_dir / "manifest.yaml"
    indicators = {key: _indicator(key, spec) for key, spec in lex["indicators"].items()}
    own = bulletin_dir / "indicators.yaml"  # what `add` named after the bulletin's own words (Ⅰ～Ⅲ类水质断面比例)
    for key, spec in ((_load_yaml(own) or {}) if own.exists() else {}).items():
        indicators.setdefault(key, _indicator(key, spec))
    lexicon = Lexicon(
        indicators=indicators,
        districts={k: tuple(v or ()) for k, v in (places.get("districts") or {}).items()},
        sites={k: tuple(v or ()) for k, v in (places.get("sites") or {}).items()},
        city_name=places["city"]["name"],
        city_aliases=tuple(places["city"]["aliases"]),
        other_cities=tuple(next(iter(c)) if isinstance(c, dict) else c for c in places.get("other_cities", [])),
        other_city_aliases={k: tuple(v) for c in places.get("other_cities", []) if isinstance(c, dict)
                            for k, v in c.items()},
        units={k: tuple(v) for k, v in lex.get("units", {}).items()},
        stat_aliases={k: tuple(v) for k, v in lex.get("stat_aliases", {}).items()},
        measures={k: tuple(v) for k, v in lex.get("measures", {}).items()},
        year=int(yaml.safe_load(manifest.read_text(encoding="utf-8"))["year"]) if manifest.exists() else 0,
        words=dict(lex.get("question_words", {})),
    )
    for word in lexicon.jieba_words():
        jieba.add_word(word, freq=2000)
    return lexicon


_TOKEN = re.compile(r"[\u4e00-\u9fff]+|[a-z]+[0-9.]*|[0-9]+(?:\.[0-9]+)?")
STOPWORDS = set("的 了 是 在 和 与 及 为 有 多少 什么 怎么 怎么样 吗 呢 吧 啊 哪些 哪个 哪 几 个 年 请问 一下 请 我 你 都 也 就 还 对 比 中 其中 以及 情况 如何".split())


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: jieba words (with the lexicon's words) plus CJK bigrams, latin words and numbers."""
    folded = fold(text)
    tokens: list[str] = []
    for word in jieba.lcut(folded):
        word = word.strip()
        if not word or word in STOPWORDS or not _TOKEN.fullmatch(word):
            continue
        tokens.append(word)
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", folded):
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens
