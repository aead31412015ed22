"""The agent's tools: plain typed functions over the curated tables and the index, returning Evidence.

`Toolbox` holds the loaded data; `langchain_tools()` wraps the same methods for a tool-calling LLM.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, replace

import pandas as pd

from .index import IndexUnavailable
from .lexicon import Lexicon, fold
from .retrieve import Retriever
from .tables import Tables
from .types import Derived, Evidence


def fmt(value: float) -> str:
    """A figure as the bulletin prints it: no trailing zeros beyond what is needed."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class Toolbox:
    def __init__(self, tables: Tables, lexicon: Lexicon, retriever: Retriever | None,
                 other_periods: tuple[str, ...] = ()) -> None:
        self.tables = tables
        self.lexicon = lexicon
        self.retriever = retriever
        # a monthly report seen for one period (5月): the sentences of its other period (1-5月累计) state no claim
        self.other_periods = tuple(re.sub(r"\s+", "", fold(t)) for t in other_periods)
        self.facts = tables.facts
        self.districts = list(lexicon.districts)
        self.year = int(tables.manifest.year)

    # -- look-ups ------------------------------------------------------------------------------
    def facts_for(self, indicator: str, place: str | None = None, stat: str | None = None,
                  year: int | None = None) -> list[Evidence]:
        """Every curated figure for an indicator, optionally narrowed by place, statistic and year."""
        f = self.facts[self.facts["indicator"] == indicator]
        if place is not None:
            f = f[f["place"] == place]
        if stat is not None:
            f = f[f["stat"] == stat]
        if year is not None:
            f = f[f["year"] == year]
        return [self.tables.evidence(row) for _, row in f.iterrows()]

    def lookup(self, indicator: str, place: str = "全市", year: int | None = None, stat: str = "value") -> Evidence | None:
        """The one figure for indicator/place/year (default: the bulletin's)/statistic, or None if not given."""
        found = self.facts_for(indicator, place, stat, year or self.year)
        return found[0] if found else None

    def places_with(self, indicator: str, stat: str = "value") -> list[str]:
        f = self.facts[(self.facts["indicator"] == indicator) & (self.facts["stat"] == stat)]
        return list(dict.fromkeys(f["place"]))

    def rank_districts(self, indicator: str, descending: bool = False, year: int | None = None) -> list[Evidence]:
        """District values of an indicator, sorted (ascending unless `descending`); districts without a value are left out."""
        rows = [ev for ev in self.facts_for(indicator, stat="value", year=year or self.year)
                if ev.place in self.districts and ev.value is not None]
        return sorted(rows, key=lambda ev: (ev.value, self.districts.index(ev.place)), reverse=descending)

    def missing_districts(self, indicator: str) -> list[str]:
        have = {ev.place for ev in self.rank_districts(indicator)}
        return [d for d in self.districts if d not in have] if have else []

    def standard_limit(self, indicator: str) -> Evidence | None:
        """The national standard limit (GB 3095-2012) as the bulletin states it."""
        s = self.tables.standards
        rows = s[s["indicator"] == indicator]
        return None if rows.empty else self.tables.standard_evidence(rows.iloc[0])

    # -- arithmetic with its working shown -------------------------------------------------------
    @staticmethod
    def difference(a: Evidence, b: Evidence, decimals: int = 4) -> Derived:
        """a − b, e.g. two districts' values, or a value and its target."""
        value = round(a.value - b.value, decimals)
        return Derived(value=value, op="sub", inputs=(a, b), decimals=decimals,
                       formula=f"{fmt(a.value)} − {fmt(b.value)} = {fmt(value)}")

    @staticmethod
    def gap(a: Evidence, b: Evidence, decimals: int = 4) -> Derived:
        """The higher of two figures minus the lower: how far apart they are, never negative."""
        hi, lo = (a, b) if a.value >= b.value else (b, a)
        return Toolbox.difference(hi, lo, decimals)

    @staticmethod
    def implied_previous(current: Evidence, change_pct: Evidence, decimals: int = 1) -> Derived:
        """The previous year's value implied by this year's value and its stated percentage change."""
        value = round(current.value / (1 + change_pct.value / 100), decimals)
        return Derived(value=value, op="implied_prev", inputs=(current, change_pct), decimals=decimals,
                       formula=f"{fmt(current.value)} ÷ (1 {'−' if change_pct.value < 0 else '+'} {fmt(abs(change_pct.value))}%) ≈ {fmt(value)}")

    @staticmethod
    def previous_by_points(current: Evidence, change: Evidence, decimals: int = 2) -> Derived:
        """Previous value = current − absolute change (for changes in 百分点, 天, 分贝 …)."""
        value = round(current.value - change.value, decimals)
        sign = "−" if change.value >= 0 else "+"
        return Derived(value=value, op="sub", inputs=(current, change), decimals=decimals,
                       formula=f"{fmt(current.value)} {sign} {fmt(abs(change.value))} = {fmt(value)}")

    def stated_claims(self) -> list[str]:
        """Every curated figure (a value or a year-on-year change) said as a claim with its year, place and
        indicator: statements the claim check must never call false."""
        region = self.tables.manifest.city or "全市"
        claims = []
        for f in self.facts.itertuples():
            if f.stat not in ("value", "yoy") or f.value != f.value or f.indicator not in self.lexicon.indicators:
                continue
            said = f"核实：{f.year}年{region if f.place == '全市' else f.place}{self.lexicon.indicators[f.indicator].display}"
            if f.stat == "value":
                claims.append(f"{said}为{fmt(f.value)}{f.unit or ''}")
            elif f.value:
                unit = "个百分点" if f.unit in ("个百分点", "百分点") else (f.unit or "")
                claims.append(f"{said}同比{'上升' if f.value > 0 else '下降'}{fmt(abs(f.value))}{unit}")
            else:
                claims.append(f"{said}同比持平")
        return claims

    # -- passages --------------------------------------------------------------------------------
    def similarity(self, query: str, sentences: list[str]) -> list[float]:
        """How close each sentence is in meaning to the query (dense vectors; 0 without an index)."""
        try:
            return _similarities(self, query, sentences)
        except Exception as exc:  # noqa: BLE001 - ranking by meaning is a refinement; never fail an answer over it
            print(f"警告：语义排序不可用（{exc}）。", file=sys.stderr)
            return [0.0] * len(sentences)

    def says_anywhere(self, word: str) -> bool:
        """Whether the bulletin's text uses the word at all (a word it never uses names nothing in it)."""
        if self.retriever is None:
            return True
        docs = self.retriever.docs
        if getattr(self, "_joined_for", None) is not docs:
            self._joined, self._joined_for = fold("\n".join(docs.values())), docs
        return fold(word) in self._joined

    def clauses_stating(self, figure: float | None) -> list[tuple[str, Evidence]]:
        """Every comma clause of the bulletin's prose that states the figure (as a number of its own; with None,
        any figure), with the sentence it stands in as evidence."""
        if self.retriever is None:
            return []
        from .corpus import split_sentences
        from .retrieve import Passage

        snap = self.retriever._s
        cache = self.__dict__.setdefault("_clauses", {})
        if cache.get("for") is not snap:
            found = []
            for i in snap.ids:
                if snap.meta[i]["kind"] == "caption":
                    continue
                p = Passage(id=i, text="", section=snap.meta[i]["section"], kind=snap.meta[i]["kind"],
                            title=snap.meta[i]["title"], score=0.0)
                for sentence in split_sentences(snap.docs[i]):
                    for clause in re.split(r"[，,；;。]", sentence):
                        nums = {float(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", clause.replace(",", ""))}
                        if nums:
                            found.append((clause, nums, Evidence(text=sentence.strip(), locator=p.locator, source=p.title)))
            cache.clear()
            cache.update({"for": snap, "all": found})
        return [(c, ev) for c, nums, ev in cache["all"] if (figure is None or any(abs(n - figure) < 1e-9 for n in nums))
                and not self.of_other_period(c)]

    def of_other_period(self, text: str) -> bool:
        """Whether the text is said only of the report's other period (1-5月累计 when 5月 is asked)."""
        folded = re.sub(r"\s+", "", fold(text)).rstrip("。；;")
        return bool(self.other_periods) and len(folded) >= 6 and any(folded in t for t in self.other_periods)

    def search_passages(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Evidence]:
        """Bulletin passages nearest the query (hybrid BM25 + dense, or `mode` alone)."""
        if self.retriever is None:
            return []
        try:
            passages = self.retriever.search(query, k=k, mode=mode)
        except IndexUnavailable as exc:  # the vector store went away: keep answering from the in-memory BM25
            print(f"警告：{exc} 暂以关键词检索作答。", file=sys.stderr)
            passages = self.retriever.search(query, k=k, mode="bm25")
        title = re.sub(r"\s+", "", self.tables.manifest.title or "")
        # the opening lines (the title, the issuer, the date) name the document; they answer nothing in it
        found = [Evidence(text=p.text, locator=p.locator, source=p.title, score=p.score) for p in passages
                 if not (title and re.sub(r"\s+", "", p.text).startswith(title) and not re.search(r"[，,。；;]", p.text))]
        if self.other_periods:  # 5月 asked of a report that also states 1-5月累计: those sentences are not shown
            from .corpus import split_sentences

            found = [replace(ev, text="".join(s for s in split_sentences(ev.text) if not self.of_other_period(s)))
                     for ev in found]
            found = [ev for ev in found if ev.text.strip()]
        return found


def _similarities(box: Toolbox, query: str, sentences: list[str]) -> list[float]:
    """Cosine similarity of the query to each sentence with the index's own embedder (vectors are unit
    length); sentence vectors are cached, so a sentence is embedded once per process."""
    if box.retriever is None or not sentences:
        return [0.0] * len(sentences)
    embedder = box.retriever.embedder
    cache = box.__dict__.setdefault("_sentence_vectors", {})
    todo = [s for s in dict.fromkeys(sentences) if s not in cache]
    if todo:
        cache.update(zip(todo, embedder.embed_documents(todo), strict=True))
    q = embedder.embed_query(query)
    return [float(sum(a * b for a, b in zip(q, cache[s], strict=False))) for s in sentences]


def langchain_tools(box: Toolbox, record: list[Evidence]):
    """The same tools for an LLM; every Evidence they return is recorded so the answer can cite it."""
    from langchain_core.tools import StructuredTool

    def out(items: list[Evidence]) -> str:
        start = len(record)
        record.extend(items)
        return json.dumps([{"ref": start + i + 1, **{k: v for k, v in asdict(ev).items() if v not in ("", None)}}
                           for i, ev in enumerate(items)], ensure_ascii=False)

    def lookup_figure(indicator: str, place: str = "全市", year: int | None = None, stat: str | None = None) -> str:
        """Curated figures for an indicator (e.g. PM2.5, 达标天数) at a place (全市 or a district such as 天河区).
        stat: value | yoy (同比) | vs2013 | target | grade | class | rank | group; year defaults to all."""
        return out(box.facts_for(indicator, place, stat, year))

    def rank_districts(indicator: str, descending: bool = False) -> str:
        """District values of an indicator sorted ascending (or descending)."""
        return out(box.rank_districts(indicator, descending))

    def standard_limit(indicator: str) -> str:
        """National standard limit for a pollutant, as the bulletin states it."""
        ev = box.standard_limit(indicator)
        return out([ev] if ev else [])

    def search_passages(query: str, k: int = 5) -> str:
        """Search the bulletin text; returns passages with their section locators."""
        return out(box.search_passages(query, k))

    return [StructuredTool.from_function(f) for f in (lookup_figure, rank_districts, standard_limit, search_passages)]


def frame_of(evidence: list[Evidence]) -> pd.DataFrame:
    return pd.DataFrame([asdict(ev) for ev in evidence])
