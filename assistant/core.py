"""The one public entry point: `Assistant.ask`. The CLI, the batch mode and the UI all call it."""

from __future__ import annotations

import sys
import time

from langchain_core.language_models import BaseChatModel

from .answer import Draft, merge_answers, verify
from .config import Settings
from .embed import get_embedder
from .index import IndexUnavailable, build_index, index_status, open_collection
from .lexicon import load_lexicon
from .normalize import normalize
from .parse import clean, parse, split_claims
from .planner import RulePlanner
from .retrieve import Retriever
from .session import Session
from .tables import load_tables
from .tools import Toolbox
from .types import Answer

INVALID = "问题为空，请输入要查询的内容，例如：“广州市细颗粒物平均浓度是多少？”"


class Assistant:
    """Loads the tables, lexicon and index once; `ask` answers one question (optionally in a session)."""

    def __init__(self, settings: Settings | None = None, chat_model: BaseChatModel | None = None,
                 build_if_missing: bool = True) -> None:
        self.settings = settings or Settings()
        s = self.settings
        self.tables = load_tables(s.bulletin_dir)
        self.lexicon = load_lexicon(s.corpus_dir, s.bulletin_dir)
        self.embedder = get_embedder(s.embedder)
        status = index_status(s, getattr(self.embedder, "name", ""))
        if status != "ok":
            if not build_if_missing:
                raise IndexUnavailable("索引不存在或已过期，请先运行 `python -m assistant index`。")
            print(f"索引{'不存在' if status == 'missing' else '已过期'}，正在构建……", file=sys.stderr)
            build_index(s, self.embedder, progress=False)
        self.retriever = Retriever(open_collection(s), self.embedder, reopen=lambda: open_collection(s))
        self.box = Toolbox(self.tables, self.lexicon, self.retriever)
        self.rules = RulePlanner(self.box, self.lexicon)
        if chat_model is None and s.llm_base_url and s.llm_model:
            from .llm import make_chat_model

            chat_model = make_chat_model(s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_timeout)
        if chat_model is not None:
            from .llm import LLMPlanner

            self.planner = LLMPlanner(chat_model, self.box, self.rules)
        else:
            self.planner = self.rules

    def ask(self, question: str, session: Session | None = None) -> Answer:
        started = time.perf_counter()
        answer = self._ask(question if isinstance(question, str) else "", session)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def fact_check(self, passage: str) -> list[tuple[str, Answer]]:
        """Each factual sentence of a passage (a news lead, a post) with its verdict and evidence."""
        claims = split_claims(clean(passage if isinstance(passage, str) else "", 20000))
        out: list[tuple[str, Answer]] = []
        for claim in claims[:30]:
            answer = self.ask(f"核实：{claim}")
            if len(answer.checks) < 2:
                out.append((claim, answer))
                continue
            for check in answer.checks:  # "PM2.5为23，达标344天": one row per figure, each with its own verdict
                out.append((check.claim, Answer(text=check.text, status="answered", verdict=check.verdict,
                                                evidence=check.evidence, intent="claim",
                                                latency_ms=answer.latency_ms)))
        return out

    def ask_turns(self, turns: list[str]) -> Answer:
        """A conversation: earlier turns set the context, the last one is answered."""
        session = Session()
        answer = Answer(text=INVALID, status="invalid")
        started = time.perf_counter()
        for turn in turns:
            answer = self._ask(turn if isinstance(turn, str) else "", session)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def _ask(self, question: str, session: Session | None) -> Answer:
        text = clean(question, self.settings.max_question_chars)
        if not text:
            return Answer(text=INVALID, status="invalid", intent="invalid")
        norm = normalize(text, self.lexicon)
        if len(norm.parts) == 1:
            answer = self._ask_one(norm.text, session)
        else:  # 秸秆利用率是多少？另外农膜回收率呢？: one answer per part, later parts in the context of earlier ones
            session = session if session is not None else Session()
            answer = merge_answers([self._ask_one(part, session) for part in norm.parts])
        if norm.notes and answer.status != "invalid":
            answer.text = f"（{'；'.join(norm.notes)}）{answer.text}"
        return answer

    def _ask_one(self, text: str, session: Session | None) -> Answer:
        query = parse(text, self.lexicon)
        if query.intent == "invalid":
            return Answer(text=INVALID, status="invalid", intent="invalid")
        if session is not None:
            query = session.resolve(query)
        answer = self.planner.plan(query)
        # A claim's own figures, or a threshold the user set (PM2.5低于20的区), may be quoted back.
        allowed = (float(self.tables.manifest.year), *map(float, query.years),
                   *(query.numbers if query.intent == "claim" or answer.intent == "filter" else ()))
        if verify(answer.text, answer.evidence, answer.derived, allowed):
            answer = self._quote_only(answer)
        if session is not None:  # what a later 它/这个区 refers to: a ranking's first district, else the places asked
            named = [ev.place for ev in answer.evidence if ev.place in self.lexicon.districts]
            session.remember(tuple(named[:1]) if query.intent == "rank" and named else query.places)
        return answer

    @staticmethod
    def _quote_only(answer: Answer) -> Answer:
        """A composed answer that failed verification is never shown; the cited evidence is shown verbatim."""
        d = Draft(answer.intent)
        for ev in list({(e.locator, e.text): e for e in answer.evidence}.values())[:3]:
            d.add(f"公报原文：{ev.text}{d.cite(ev)}\n")
        if not d.parts:
            d.add("抱歉，无法给出经过核对的答案。")
        return d.answer(answer.status if d.evidence else "not_found", answer.verdict)
