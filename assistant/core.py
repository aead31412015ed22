"""The one public entry point: `Assistant.ask`. The CLI, the batch mode and the UI all call it."""

from __future__ import annotations

import dataclasses
import re
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from .answer import Draft, fmt, merge_answers, verify
from .config import Settings
from .embed import get_embedder
from .index import IndexUnavailable, build_index, index_status, open_collection
from .ingest import list_bulletins
from .lexicon import EMPTY_PLACES, fold, load_lexicon
from .normalize import names_something, normalize
from .parse import clean, parse, split_claims
from .planner import RulePlanner
from .retrieve import Retriever
from .route import Info, route
from .session import Session
from .tables import load_tables
from .tools import Toolbox
from .types import Answer

INVALID = "问题为空，请输入要查询的内容，例如：“广州市细颗粒物平均浓度是多少？”"
EMPTY = "资料库中还没有公报。请先添加公报：python -m assistant add 文件路径（PDF、HTML 或 TXT），或在“资料”页上传。"
REFRESH_EVERY_S = 0.5


@dataclass
class Bulletin:
    """One loaded bulletin: its tables, places, index and planner."""

    id: str
    folder: Path
    stamp: tuple
    tables: object
    lexicon: object
    retriever: Retriever
    box: Toolbox
    rules: RulePlanner
    planner: object
    info: Info


class Assistant:
    """Loads every bulletin in the corpus (tables, places, index) once and follows the corpus as bulletins are
    added or removed, by this process or another; `ask` routes each question to the bulletin(s) of the place
    and period it names and answers it (optionally in a session)."""

    def __init__(self, settings: Settings | None = None, chat_model: BaseChatModel | None = None,
                 build_if_missing: bool = True) -> None:
        self.settings = settings or Settings()
        s = self.settings
        self.embedder = get_embedder(s.embedder)
        if chat_model is None and s.llm_base_url and s.llm_model:
            from .llm import make_chat_model

            chat_model = make_chat_model(s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_timeout)
        self.chat_model = chat_model
        self.bulletins: dict[str, Bulletin] = {}
        self._lock = threading.RLock()
        self._generation: float | None = None
        self._checked = 0.0
        self._build_if_missing = build_if_missing
        self.refresh(build_if_missing=build_if_missing, strict=True)

    # -- the library ---------------------------------------------------------------------------------
    def refresh(self, build_if_missing: bool = False, strict: bool = False) -> None:
        """Load bulletins that are new or changed on disk and forget removed ones. At start-up (`strict`) a
        bulletin whose index cannot be opened is an error; later, a bulletin another process is still adding
        (its folder there, its index not yet) is picked up on a later refresh."""
        with self._lock:
            self._generation = self._corpus_generation()
            folders = {f.name: f for f in list_bulletins(self.settings.corpus_dir)}
            for gone in set(self.bulletins) - set(folders):
                del self.bulletins[gone]
            for bid, folder in folders.items():
                stamp = _stamp(folder)
                if bid in self.bulletins and self.bulletins[bid].stamp == stamp:
                    continue
                try:
                    self.bulletins[bid] = self._load(bid, folder, stamp, build_if_missing)
                except IndexUnavailable:
                    if strict:
                        raise
                    self.bulletins.pop(bid, None)  # not ready yet

    def _load(self, bid: str, folder: Path, stamp: tuple, build_if_missing: bool) -> Bulletin:
        s = dataclasses.replace(self.settings, bulletin=bid)
        tables = load_tables(folder)
        lexicon = load_lexicon(Path(s.corpus_dir), folder)
        status = index_status(s, getattr(self.embedder, "name", ""))
        if status != "ok":
            if not build_if_missing:
                raise IndexUnavailable(f"《{tables.manifest.title}》的索引不存在或已过期，请先运行 `python -m assistant index`。")
            print(f"《{tables.manifest.title}》索引{'不存在' if status == 'missing' else '已过期'}，正在构建……",
                  file=sys.stderr)
            build_index(s, self.embedder, progress=False)
        retriever = Retriever(open_collection(s), self.embedder, reopen=lambda: open_collection(s))
        box = Toolbox(tables, lexicon, retriever)
        rules = RulePlanner(box, lexicon)
        planner = rules
        if self.chat_model is not None:
            from .llm import LLMPlanner

            planner = LLMPlanner(self.chat_model, box, rules)
        m = tables.manifest
        names = (m.city, *lexicon.city_aliases, *(a for k, al in lexicon.districts.items() for a in (k, *al)),
                 *(a for k, al in lexicon.sites.items() for a in (k, *al)))
        info = Info(id=bid, region=m.city, names=tuple(n for n in dict.fromkeys(names) if n and n != "全市"),
                    kind=m.kind, year=m.year, months=m.months, title=m.title)
        return Bulletin(bid, folder, stamp, tables, lexicon, retriever, box, rules, planner, info)

    def _corpus_generation(self) -> float | None:
        marker = Path(self.settings.corpus_dir) / ".generation"
        try:
            return marker.stat().st_mtime_ns
        except OSError:
            return None

    def _maybe_refresh(self) -> None:
        """A cheap check (one stat, at most twice a second) whether any process changed the corpus."""
        now = time.monotonic()
        if now - self._checked < REFRESH_EVERY_S:
            return
        self._checked = now
        if self._corpus_generation() != self._generation:
            self.refresh(build_if_missing=False)

    @property
    def default(self) -> Bulletin | None:
        """The home bulletin: ASSISTANT_BULLETIN if loaded, else the latest annual one."""
        if self.settings.bulletin in self.bulletins:
            return self.bulletins[self.settings.bulletin]
        if not self.bulletins:
            return None
        return max(self.bulletins.values(), key=lambda b: (b.info.kind == "annual", b.info.year, b.info.months[1]))

    # the home bulletin's parts, for callers that work with one bulletin (search CLI, data tab, tests)
    tables = property(lambda self: self.default.tables)
    lexicon = property(lambda self: self.default.lexicon if self.default else load_lexicon(
        Path(self.settings.corpus_dir), EMPTY_PLACES))
    box = property(lambda self: self.default.box)
    rules = property(lambda self: self.default.rules)
    planner = property(lambda self: self.default.planner)
    retriever = property(lambda self: self.default.retriever)

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
        norm = normalize(text, self.lexicon)  # the shared vocabulary; any bulletin's lexicon carries it
        if len(norm.parts) == 1:
            answer = self._ask_one(norm.text, session)
        else:  # 秸秆利用率是多少？另外农膜回收率呢？: one answer per part, later parts in the context of earlier ones
            session = session if session is not None else Session()
            answers = [(part, self._ask_one(part, session)) for part in norm.parts]
            # 具体多少？ after a check that gave the figure: a part naming nothing that finds nothing adds nothing
            kept = [a for part, a in answers if not (a.status == "not_found" and a.intent in ("open", "not_found")
                                                     and not names_something(part, self.lexicon, city=False))]
            answer = merge_answers(kept or [a for _, a in answers])
        if norm.notes and answer.status != "invalid":
            answer.text = f"（{'；'.join(norm.notes)}）{answer.text}"
        return answer

    def _ask_one(self, text: str, session: Session | None) -> Answer:
        self._maybe_refresh()
        with self._lock:
            bulletins = dict(self.bulletins)
        if not bulletins:
            return Answer(text=EMPTY, status="not_found", intent="empty")
        home = self.default
        way = route(text, [b.info for b in bulletins.values()], home.id if home else None,
                    home.lexicon.words.get("relative_years", {}) if home else {})
        if session is not None and session.route is not None and not way.missing and _names_no_scope(text, bulletins):
            way = session.route  # 那PM10呢？ / 比去年同期增加了几天？: the same bulletin(s) as the question before
        if session is not None and not way.missing:
            session.route = way
        if way.dated:  # 2024年10月，广州入选…试点: the annual bulletin's sentence with that date, or nothing
            b = bulletins[way.targets[0].id]
            query = parse(text, b.lexicon)
            answer = self._plan(b, query) if query.intent != "invalid" else None
            if answer is not None and answer.status == "answered" and answer.evidence and \
                    all(fold(way.dated) in fold(ev.text) for ev in answer.evidence):
                return answer
            if query.intent not in ("invalid", "claim"):  # 试点到2027年结束吗: the sentence that states the date, quoted
                quoted = b.rules._passage_answer(query, must=fold(way.dated))
                if quoted is not None and quoted.status == "answered":
                    return quoted
            return self._not_covered(way.missing, text, bulletins)
        if way.missing:
            return self._not_covered(way.missing, text, bulletins)
        targets = list(way.targets)
        several = len({t.id for t in targets}) > 1
        elsewhere = self._unreported_place(text, bulletins[targets[0].id])
        if elsewhere:
            return elsewhere
        answers = []
        for n, target in enumerate(targets):
            b = bulletins[target.id]
            query = parse(text, b.lexicon)
            if query.intent == "invalid":
                return Answer(text=INVALID, status="invalid", intent="invalid")
            if session is not None and n == 0:
                session.lexicon = b.lexicon
                query = session.resolve(query)
            if several and target.year:
                query = replace(query, years=(target.year,))
            answer = self._plan(b, query)
            if several:
                answer.text = f"【{target.year or b.info.year}年 · 《{b.info.title}》】{answer.text}"
            elif way.note:
                answer.text = f"{way.note}{answer.text}"
            if not several and len(bulletins) > 1:
                self._revisions(answer, b, bulletins)
            answers.append((query, answer))
        query, first = answers[0]
        answer = first if len(answers) == 1 else merge_answers([a for _, a in answers])
        if session is not None:  # what a later 它/这个区 refers to: a ranking's first district, else the places asked
            lex = bulletins[targets[0].id].lexicon
            named = [ev.place for ev in first.evidence if ev.place in lex.districts]
            session.remember(tuple(named[:1]) if query.intent == "rank" and named else query.places)
        return answer

    def _plan(self, b: Bulletin, query) -> Answer:
        periods = _periods_named(fold(query.text), query.year or b.info.year) if b.info.kind != "annual" else []
        if len(periods) > 1 and query.intent != "claim":
            # 6月和1-6月累计各是多少 / 当月…和累计相比: a monthly report states both; each period answered on its own
            return _across_periods([(p, self._plan_period(b, query, asked=p)) for p in periods])
        return self._plan_period(b, query)

    def _plan_period(self, b: Bulletin, query, asked: str | None = None) -> Answer:
        answer = self._for_period(b, query, asked).plan(query)
        # A claim's own figures, or a threshold the user set (PM2.5低于20的区), may be quoted back.
        months = [float(m) for m in re.findall(r"(\d{1,2})\s*(?=[-—–~至到]\s*\d{1,2}\s*月|月)", fold(query.text))]
        allowed = (float(b.info.year), *map(float, query.years), *months,  # 3月 / 1-5月 may be named back
                   *(query.numbers if query.intent == "claim" or answer.intent == "filter" else ()))
        if verify(answer.text, answer.evidence, answer.derived, allowed):
            answer = self._quote_only(answer)
        if b.info.kind != "annual" and answer.verdict == "refuted":
            self._other_period_figure(b, query, answer)
        if b.info.kind != "annual" and answer.status == "answered" and answer.intent != "claim":
            from .ingest.facts import period_named
            from .ingest.meta import Period

            said = Period.parse(asked or period_named(fold(query.text), query.year or b.info.year) or b.tables.manifest.period)
            if said is not None:  # 5月 or 1-5月累计: a monthly report states both; the period is the bulletin's own words
                answer.text = f"（{said.said}）{answer.text}"
        return answer

    @staticmethod
    def _other_period_figure(b: Bulletin, query, answer: Answer) -> None:
        """A refuted claim whose figure is the report's figure for its other period (57.9% claimed for 5月 is the
        1-5月累计 figure): said, with that figure's own sentence, so the mix-up is plain."""
        from .ingest.meta import Period

        facts = b.tables.facts
        keys = {ev.indicator for ev in answer.evidence if ev.indicator}
        places = {ev.place for ev in answer.evidence if ev.place}
        cited = {ev.text for ev in answer.evidence}
        for n in query.numbers:
            rows = facts[(facts["indicator"].isin(list(keys))) & (facts["place"].isin(list(places)))
                         & (facts["stat"] == "value") & (facts["value"] == n)]
            for _, row in rows.iterrows():
                if row["source"] in cited:
                    continue  # the very figure the answer already shows
                period = Period.parse(row["period"] or b.tables.manifest.period)
                if period is None:
                    continue
                d = Draft(answer.intent)
                d.evidence = answer.evidence  # numbered with the answer's own citations
                answer.text += f"（说法中的{fmt(n)}{row['unit']}是{period.said}的数值{d.cite(b.tables.evidence(row))}。）"
                return

    def _unreported_place(self, text: str, b: Bulletin) -> Answer | None:
        """义乌市 asked of a bulletin that reports on 浙江省's cities but not on 义乌市: not found, never the region's
        figure in its place. Only cities and counties count (获评广东省…企业 names an award, not a place asked)."""
        from .ingest.meta import places_named

        known = {fold(n) for n in (*b.info.names, b.info.region) if n}
        folded = fold(text)
        spans = [m.span() for k in {*known, *(re.sub(r"[市县区省]$", "", k) for k in known)} if len(k) >= 2
                 for m in re.finditer(re.escape(k), folded)]
        named = [n for n in places_named(folded)  # 平城区 inside 南平城区 (南平 + 城区) is no place asked
                 if not any(a < m.start() < b_ < m.end() for m in re.finditer(re.escape(n), folded) for a, b_ in spans)]
        unknown = [n for n in named if n not in known and not any(n in k or k in n for k in known if len(k) >= 2)]
        if not unknown or any(fold(n) in folded for n in b.info.names if n not in (b.info.region,) and len(n) >= 2
                              and n not in b.lexicon.city_aliases):
            return None
        return Answer(text=f"《{b.info.title}》只报告{b.info.region or '本地区'}及其所辖地区的数据，未给出{'、'.join(unknown)}的情况。",
                      status="not_found", intent="not_found")

    def _for_period(self, b: Bulletin, query, asked: str | None = None):
        """A monthly report states the month and the months so far (5月 / 1-5月): the planner sees the facts of the
        period the question asks for (`asked`, else the one it names, else the report's own)."""
        facts = b.tables.facts
        if b.info.kind == "annual" or not (facts["period"] != "").any():
            return b.planner
        from .ingest.facts import period_named

        asked = asked or period_named(fold(query.text), query.year or b.info.year) or b.tables.manifest.period
        if asked.split("-")[0] != str(b.info.year):  # 2023年1-6月 from the 2024 report: its 同期 figures
            asked = f"{b.info.year}-{asked.split('-', 1)[1]}" if "-" in asked else b.tables.manifest.period
        own = asked == b.tables.manifest.period
        shown = (facts["period"] == asked) | ((facts["period"] == "") if own else False)
        view = facts[shown]
        tables = dataclasses.replace(b.tables, facts=view)
        others = tuple(t for t in facts[~shown]["source"].dropna().unique() if t not in set(view["source"].dropna()))
        box = Toolbox(tables, b.lexicon, b.retriever, other_periods=others)
        rules = RulePlanner(box, b.lexicon)
        if self.chat_model is not None:
            from .llm import LLMPlanner

            return LLMPlanner(self.chat_model, box, rules)
        return rules

    def _not_covered(self, missing: str, text: str, bulletins: dict[str, Bulletin]) -> Answer:
        """A period no bulletin covers: say so, and list what there is for the place asked about."""
        folded = fold(text)
        named = [b for b in bulletins.values() if any(fold(n) in folded for n in b.info.names)] or list(bulletins.values())
        have = "、".join(f"《{b.info.title}》" for b in sorted(named, key=lambda b: (b.info.year, b.info.months))[:8])
        return Answer(text=f"{missing}，无法回答。现有资料：{have}。", status="not_found", intent="not_found")

    def _revisions(self, answer: Answer, b: Bulletin, bulletins: dict[str, Bulletin]) -> None:
        """A figure another bulletin of the same region states differently for the same indicator, place,
        year and statistic (a revised value): both are shown, each with its source."""
        d = Draft(answer.intent)
        d.evidence = list(answer.evidence)
        notes = []
        for ev in answer.evidence:
            if ev.value is None or not ev.indicator or ev.stat not in ("value",):
                continue
            for other in bulletins.values():
                if other.id == b.id or other.info.region != b.info.region:
                    continue
                for alt in other.box.facts_for(ev.indicator, ev.place, ev.stat, ev.year):
                    if alt.value is not None and abs(alt.value - ev.value) > 1e-9:
                        notes.append(f"另：《{other.info.title}》给出的{ev.year}年数值为{alt.value:g}{alt.unit}{d.cite(alt)}，"
                                     f"与上文不同（数值可能经过修订）。")
        if notes:
            answer.text += "".join(dict.fromkeys(notes))
            answer.evidence = d.evidence

    @staticmethod
    def _quote_only(answer: Answer) -> Answer:
        """A composed answer that failed verification is never shown; the cited evidence is shown verbatim."""
        d = Draft(answer.intent)
        for ev in list({(e.locator, e.text): e for e in answer.evidence}.values())[:3]:
            d.add(f"公报原文：{ev.text}{d.cite(ev)}\n")
        if not d.parts:
            d.add("抱歉，无法给出经过核对的答案。")
        return d.answer(answer.status if d.evidence else "not_found", answer.verdict)


def _stamp(folder: Path) -> tuple:
    """When a bulletin's files last changed (a re-added bulletin is reloaded)."""
    return tuple(_mtime(folder / name) for name in ("manifest.yaml", "tables/facts.csv", "structured.md", "places.yaml"))


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _names_no_scope(text: str, bulletins: dict[str, Bulletin]) -> bool:
    """Neither a place any bulletin reports on, nor a year or a month."""
    folded = fold(text)
    # 比去年同期怎样: the year before named as the base of a change, not as the period asked (as route() reads it)
    if re.search(r"(?:19|20)\d\d|\d{1,2}\s*月|(?<![比较与和跟])(?:今年|去年|前年)", folded):
        return False
    return not any(fold(n) in folded for b in bulletins.values() for n in b.info.names if len(n) >= 2)


def _periods_named(folded: str, year: int) -> list[str]:
    """The periods a question names, in order: 1-6月 (2024-01~06) and a month of its own (6月 / 当月 beside a
    range ending with it: 2024-06)."""
    from .route import MONTH, MONTH_RANGE

    found: list[tuple[int, str]] = []
    for m in MONTH_RANGE.finditer(folded):
        a, b = int(m.group(2)), int(m.group(3))
        if 1 <= a < b <= 12:
            found.append((m.start(), f"{m.group(1) or year}-{a:02d}~{b:02d}"))
    rest = MONTH_RANGE.sub(lambda m: " " * len(m.group()), folded)
    for m in MONTH.finditer(rest):
        if 1 <= int(m.group(2)) <= 12:
            found.append((m.start(), f"{m.group(1) or year}-{int(m.group(2)):02d}"))
    if re.search(r"当月|本月|单月", rest) and found and not any("~" not in p for _, p in found):
        end = found[0][1].rsplit("~", 1)[1]  # 当月和1-3月累计: the range's last month
        found.append((rest.find("月"), f"{found[0][1].split('-')[0]}-{end}"))
    return list(dict.fromkeys(p for _, p in sorted(found)))


def _across_periods(answers: list[tuple[str, Answer]]) -> Answer:
    """Each period's answer, then, when each gives one figure of the same indicator and unit, which is higher."""
    merged = merge_answers([a for _, a in answers])
    figures = [[ev for ev in a.evidence if ev.stat == "value" and ev.value is not None] for _, a in answers]
    if len(answers) == 2 and all(len({(e.indicator, e.place) for e in f}) == 1 for f in figures):
        a, b = figures[0][0], figures[1][0]
        if a.indicator == b.indicator and a.unit == b.unit and a.value != b.value:
            from .ingest.meta import Period

            names = [Period.parse(p) for p, _ in answers]
            if all(names):
                words = [n.said for n in names]
                merged.text += (f"\n{words[0]}（{fmt(a.value)}{a.unit}）{'高于' if a.value > b.value else '低于'}"
                                f"{words[1]}（{fmt(b.value)}{b.unit}）。")
    return merged
