"""Which bulletin(s) a question is about: by the place it names and the period it asks for. Pure functions.

* A place named picks the bulletins that report on it (their region or one of their places); none named
  means the home region (the default bulletin's).
* A month (2023年7月) picks the monthly or cumulative bulletins covering it; years pick the annual bulletins of
  those years, one answer per year (2022年和2024年…); with no period, the latest annual bulletin, and the
  answer says which one.
* A year no bulletin reports on directly (2023年 with only the 2024 bulletin) goes to the first later annual
  bulletin, which states the year before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import fold
from .parse import YEAR

YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d\d)\s*年")
MONTH_RANGE = re.compile(r"(?:((?:19|20)\d\d)\s*年\s*)?(?<![\d.a-zA-Z])(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月(?!均)")
# 8月 and 2023年7月 are periods; 8月18日 is a date (揭牌于2024年8月18日), answered by the annual bulletin
# PM10月均浓度 / PM2.5月均值 name no month: a figure after a letter or a point, or 月均, is not one
MONTH = re.compile(r"(?:((?:19|20)\d\d)\s*年\s*)?(?<![\d.a-zA-Z])(\d{1,2})\s*月(?!份?\s*[起以])(?!\s*\d{1,2}\s*[日号])(?!均)")
SERIES = re.compile(r"近(?:几|[二两三四五六七八九十\d])年|历年|逐年|每年|这几年|年度变化|变化趋势|趋势|over the years")


@dataclass(frozen=True)
class Info:
    """What routing needs to know of one bulletin."""

    id: str
    region: str
    names: tuple[str, ...]  # every spelling of the region and of the places it reports on
    kind: str  # annual | monthly | cumulative
    year: int
    months: tuple[int, int]
    title: str


@dataclass(frozen=True)
class Target:
    id: str
    year: int | None = None  # the year this bulletin answers for, when the question asked several


@dataclass(frozen=True)
class Route:
    targets: tuple[Target, ...]
    note: str = ""  # said in the answer: which bulletin a question with no period was answered from
    missing: str = ""  # a period or place asked for that no bulletin covers
    # a date inside an annual bulletin's year (2024年10月) that no monthly report covers: the annual bulletin answers
    # only with its sentences that state that date (获批于2024年10月), never with its annual figures
    dated: str = ""


SCOPE_WORDS = frozenset({"全市", "全省", "全区", "全州", "全县", "本市", "本省", "全国"})


def route(text: str, bulletins: list[Info], home: str | None, relative_years: dict[str, int] | None = None) -> Route:
    if not bulletins:
        return Route(())
    folded = fold(text)
    # a bulletin named by its own place (长春) before one named only by a scope word (全省, 全市)
    named = [b for b in bulletins if any(fold(n) in folded for n in b.names if n and n not in SCOPE_WORDS)] or \
        [b for b in bulletins if any(fold(n) in folded for n in b.names if n)]
    home_region = next((b.region for b in bulletins if b.id == home), bulletins[0].region)
    pool = named or [b for b in bulletins if b.region == home_region] or bulletins
    years = _years(folded, pool, relative_years or {})
    months = [(int(y) if y else (years[-1] if years else None), int(a), int(b)) for y, a, b in MONTH_RANGE.findall(folded)
              if 1 <= int(a) < int(b) <= 12]
    if not months:
        months = [(int(y) if y else (years[-1] if years else None), int(m), int(m)) for y, m in MONTH.findall(folded)
                  if 1 <= int(m) <= 12]
    if months:
        # a report that ends with the month asked states that month and the months so far (5月 and 1-5月)
        def covers(b: Info, y: int | None, end: int) -> bool:
            return b.kind != "annual" and b.months[1] == end and (y is None or y == b.year)

        hits = [b for b in pool if any(covers(b, y, end) for y, _, end in months)]
        if not hits:  # 2023年1-6月 with only the 2024 report: it states the same months a year earlier
            hits = [b for b in pool if any(y is not None and covers(b, y + 1, end) for y, _, end in months)]
        if hits:
            return Route(tuple(Target(b.id) for b in _by_period(hits)[-1:]))
        asked = "、".join(f"{y or ''}{'年' if y else ''}{a if a == e else f'{a}-{e}'}月" for y, a, e in months)
        annual = [b for b in pool if b.kind == "annual" and len(months) == 1 and months[0][0] == b.year
                  and months[0][1] == months[0][2]]
        if annual:
            return Route((Target(annual[0].id),), missing=f"现有资料中没有{asked}的报告", dated=asked)
        return Route(_default(pool), missing=f"现有资料中没有{asked}的报告")
    annual = [b for b in pool if b.kind == "annual"]
    plans = _plan_years(folded, years, annual)
    if plans and len(plans) == len(set(years)) and annual:
        # 到2035年要达到什么程度 / 2027年前建成: a plan's date, which the latest bulletin states in its sentences
        latest = _by_period(annual)[-1]
        asked = "、".join(f"{y}年" for y in plans)
        return Route((Target(latest.id),), missing=f"现有资料未提及{asked}的安排", dated=f"{plans[0]}年")
    years = [y for y in years if y not in plans]
    if years:
        targets, later = [], []
        for y in dict.fromkeys(years):
            exact = [b for b in annual if b.year == y]
            if exact:
                targets.append(Target(exact[0].id, y if len(set(years)) > 1 else None))
            else:
                after = sorted((b for b in annual if b.year > y), key=lambda b: b.year)
                if after:  # the next year's bulletin states this year's figure as its comparison
                    later.append(Target(after[0].id, y if len(set(years)) > 1 else None))
        targets = targets or later
        if not targets:
            return Route(_default(pool), missing=f"现有资料中没有{'、'.join(map(str, dict.fromkeys(years)))}年的公报")
        return Route(tuple(dict.fromkeys(targets)))
    if SERIES.search(folded) and len(annual) > 1:
        return Route(tuple(Target(b.id, b.year) for b in sorted(annual, key=lambda b: b.year)))
    chosen = _default(pool, home)
    note = ""
    if len(bulletins) > 1 and chosen:
        b = next(x for x in pool if x.id == chosen[0].id)
        note = f"（问题未指明时间，按最新的《{b.title}》作答）"
    return Route(chosen, note=note)


def _years(folded: str, pool: list[Info], relative: dict[str, int]) -> list[int]:
    years: list[int] = []
    for a, b in YEAR_RANGE.findall(folded):
        if int(a) <= int(b) and int(b) - int(a) <= 30 and not re.search(rf"{a}\s*[-—–~至到]\s*{b}\s*年(以来|来|间)", folded):
            years.extend(range(int(a), int(b) + 1))
    stripped = YEAR_RANGE.sub(" ", folded)
    for m in YEAR.finditer(stripped):
        before = stripped[max(0, m.start() - 3): m.start()]
        if re.search(r"(比|较|与|和|自|从)\s*$", before) and m.group(1) == "2013":
            continue  # 比2013年下降: a base year the bulletin itself states, not the period asked for
        years.append(int(m.group(1)))
    if not years:
        latest = max((b.year for b in pool if b.kind == "annual"), default=None)
        for word, delta in relative.items():
            if latest and fold(word) in folded and not re.search(rf"(比|较|和|与|跟|相比){re.escape(fold(word))}", folded):
                years.append(latest + int(delta))
                break
    return years


# a year said as a deadline or a goal: 到2035年 / 至2027年 / 2025年前 / 2035年全面建成 / 2027年的目标
PLAN_BEFORE = re.compile(r"(?:到|至|截至|于|在)\s*$")
PLAN_AFTER = re.compile(r"\s*年\s*(?:前|之前|以前|底前|要|将|能|可以|基本|全面|建成|实现|的目标|目标|达到)")


def _plan_years(folded: str, years: list[int], annual: list[Info]) -> list[int]:
    """The years asked of that are later than every annual bulletin and said as a plan's date, not a period."""
    latest = max((b.year for b in annual), default=None)
    if latest is None:
        return []
    plans = []
    for m in YEAR.finditer(folded):
        y = int(m.group(1))
        if y in years and y > latest and y not in plans and (PLAN_BEFORE.search(folded[max(0, m.start() - 3): m.start()])
                                                              or PLAN_AFTER.match(folded[m.end(1):])):
            plans.append(y)
    return plans


def _by_period(bulletins: list[Info]) -> list[Info]:
    return sorted(bulletins, key=lambda b: (b.year, b.months[1], b.months[1] - b.months[0]))


def _default(pool: list[Info], home: str | None = None) -> tuple[Target, ...]:
    """The latest annual bulletin of the pool (the home bulletin among equals), else the latest of any kind."""
    annual = [b for b in pool if b.kind == "annual"]
    if annual:
        best = max(annual, key=lambda b: (b.year, b.id == home))
        return (Target(best.id),)
    return (Target(_by_period(pool)[-1].id),) if pool else ()
