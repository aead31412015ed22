"""What a document is (title, issuer, region, period) and which places it reports on.

Places come from jionlp's gazetteer of China's administrative divisions (offline, in its wheel) plus the
document's own tables: a table's column of names (monitoring sites, river sections) counts as places too.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from functools import cache

from pypinyin import lazy_pinyin

from .read import Document

TITLE_WORDS = re.compile(r"公报|月报|年报|季报|周报|报告|通报|简报|状况|快报")
ISSUER = re.compile(r"[\u4e00-\u9fff（）()]{2,30}?(生态环境局|生态环境厅|生态环境部|环境保护局|环境保护厅|环境监测站|环境监测中心|监测中心站|人民政府)")
CUMULATIVE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月")
MONTHLY = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月")
ANNUAL = re.compile(r"((?:19|20)\d\d)\s*年")


@dataclass(frozen=True)
class Period:
    kind: str  # annual | monthly | cumulative
    year: int
    start: int = 1  # first month covered
    end: int = 12  # last month covered

    @property
    def label(self) -> str:
        if self.kind == "annual":
            return f"{self.year}"
        if self.kind == "monthly":
            return f"{self.year}-{self.end:02d}"
        return f"{self.year}-{self.start:02d}~{self.end:02d}"

    @property
    def words(self) -> str:
        if self.kind == "annual":
            return f"{self.year}年"
        if self.kind == "monthly":
            return f"{self.year}年{self.end}月"
        return f"{self.year}年{self.start}-{self.end}月"

    @property
    def said(self) -> str:
        """The words an answer names the period with: 2024年5月 / 2024年1-5月累计."""
        return self.words + ("累计" if self.kind == "cumulative" else "")

    @staticmethod
    def parse(text: str) -> Period | None:
        """2023-07, 2023-01~07, 2024, or 2023年7月 / 2023年1-7月 / 2024年."""
        text = (text or "").strip()
        m = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})~(\d{1,2})", text)
        if m:
            return Period("cumulative", int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", text)
        if m:
            return Period("monthly", int(m.group(1)), int(m.group(2)), int(m.group(2)))
        if re.fullmatch(r"(?:19|20)\d\d", text):
            return Period("annual", int(text))
        return Period.detect(text)

    @staticmethod
    def detect(text: str) -> Period | None:
        m = CUMULATIVE.search(text)
        if m and 1 <= int(m.group(2)) < int(m.group(3)) <= 12:
            return Period("cumulative", int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = MONTHLY.search(text)
        if m and 1 <= int(m.group(2)) <= 12 and not re.match(r"\s*[-—–~至到]", text[m.end():]):
            return Period("monthly", int(m.group(1)), int(m.group(2)), int(m.group(2)))
        m = ANNUAL.search(text)
        return Period("annual", int(m.group(1))) if m else None


@dataclass(frozen=True)
class Place:
    name: str  # full name, e.g. 天河区
    aliases: tuple[str, ...]  # 天河
    level: str  # province | city | county | site
    parent: str = ""


@cache
def gazetteer() -> dict[str, Place]:
    """Every province, city and county of China by full name (jionlp's china_location dictionary)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        from jionlp.dictionary.dictionary_loader import china_location_loader

        tree = china_location_loader()
    places: dict[str, Place] = {}

    def add(name: str, alias, level: str, parent: str) -> None:
        given = alias if isinstance(alias, list | tuple) else [alias]
        short = {a for a in (*given, _short(name)) if isinstance(a, str) and a and a != name and len(a) >= 2}
        if _short(name):  # the romanised name, as English questions write it (Tianhe, Liwan)
            short.add("".join(lazy_pinyin(_short(name))))
        for suffix, said in (("自治州", "州"), ("自治县", "县")):  # 甘南藏族自治州 is written 甘南州
            if name.endswith(suffix):
                short |= {a + said for a in given if isinstance(a, str) and len(a) >= 2 and not a.endswith("族")}
        if name not in places:
            places[name] = Place(name, tuple(sorted(short)), level, parent)

    for prov, cities in tree.items():
        add(prov, cities.get("_alias", ""), "province", "")
        for city, counties in cities.items():
            if city.startswith("_"):
                continue
            add(city, counties.get("_alias", ""), "city", prov)
            for county, info in counties.items():
                if county.startswith("_"):
                    continue
                add(county, info.get("_alias", "") if isinstance(info, dict) else "", "county", city)
    return places


def _short(name: str) -> str:
    for suffix in ("特别行政区", "自治区", "自治州", "自治县", "地区", "新区", "省", "市", "区", "县", "盟", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def find_region(text: str) -> Place | None:
    """The region a title names: the first gazetteer name in it (广州市, 广东省, 佛山市南海区 -> 佛山市)."""
    places = gazetteer()
    best = None
    for place in places.values():
        for name in (place.name, *place.aliases):
            at = text.find(name)
            if at >= 0 and (best is None or at < best[0] or (at == best[0] and len(name) > best[1])):
                best = (at, len(name), place)
    return best[2] if best else None


# a reservoir or lake named at the start of a clause and said of (石门水库水质为…, 红寺湖综合营养状态指数为…)
WATER_BODY = re.compile(r"(?:^|(?<=[，,。；;、\n]))([\u4e00-\u9fff]{2,4}(?:水库|湖))(?=水质|总体水质|综合营养|营养状态|为[ⅠⅡⅢⅣⅤ劣])",
                        re.M)
NOT_A_WATER_BODY = re.compile(r"^(?:全市|全省|主要|重点|各|其他|其余|城市|大中型|中型|小型|湖库|饮用水|水源)")
# river sections the prose reports on (武江桥断面水质为Ⅲ类, 烈金坝、黄金峡断面为Ⅰ类, 南柳渡断面水质由Ⅲ类好转为Ⅱ类)
SECTION = re.compile(r"(?:^|(?<=[，,。；;\n]))((?:[\u4e00-\u9fff]{2,10}、)*[\u4e00-\u9fff]{2,10}?)断面(?=水质(?:为|由|类别为)|为[ⅠⅡⅢⅣⅤ劣]|由[ⅠⅡⅢⅣⅤ劣])", re.M)
NOT_A_SECTION = re.compile(r"^(?:其中|其余|另有|此外|另外|与去年同期相比|同比|全市|全省|主要|重点|各|所有|考核|监测|国考|省考|市考|国控|省控|市控|入海|出境|跨界|河流|湖库|水质)|[考控个类]$|\d")
# an area made of several of the region's places, counted where it is named (粤东西北地区12个地级市平均…,
# 汾渭平原11个城市…): its averages are its own, neither the region's nor any one place's
AREA = re.compile(r"(?:^|(?<=[，,。；;、\n其中]))([\u4e00-\u9fff]{2,8}?(?:地区|片区|城市群|都市圈|平原))(?=\s*\d+\s*个)", re.M)
NOT_AN_AREA = re.compile(r"^(?:全|各|其他|其余|本|我|该|农村|城市|山区|重点|部分)")


def places_in(text: str, region: Place | None, table_names: list[str]) -> dict[str, Place]:
    """The places a document reports on: gazetteer places inside its region that its text names (by full
    name, or by short name when the full name also occurs), and the names in its tables' first columns."""
    found: dict[str, Place] = {}
    places = gazetteer()
    inside = {p.name for p in places.values() if region is not None and p.parent == region.name}
    if region is not None and region.level == "province":
        inside |= {p.name for p in places.values() if p.parent in inside}
    for name in inside:
        place = places[name]
        if name in text or any(f"{a}、" in text or f"{a}区" in text or f"、{a}" in text for a in place.aliases):
            found[name] = place
    def first_seen(name: str) -> int:
        at = [text.find(n) for n in (name, *found[name].aliases) if n in text]
        return min(at) if at else len(text)

    found = {n: found[n] for n in sorted(found, key=lambda n: (first_seen(n), n))}  # the document's own order
    for m in WATER_BODY.finditer(text):  # 石门水库水质为Ⅱ类，综合营养状态指数为38.6: a lake the text reports on
        name = m.group(1)
        if not NOT_A_WATER_BODY.match(name) and name not in found:
            found[name] = Place(name, (), "site", region.name if region else "")
    for m in AREA.finditer(text):
        name = m.group(1)
        if not NOT_AN_AREA.match(name) and name not in found:
            short = re.sub(r"(?:地区|片区)$", "", name)  # 粤东西北12市
            found[name] = Place(name, (short,) if short != name and len(short) >= 2 else (), "site",
                                region.name if region else "")
    for name in table_names:
        if re.fullmatch(r"(全市|全省|全区|合计|平均|全市平均|全省平均|总体|总计|小计)", name):
            continue
        key = next((p.name for p in places.values() if p.name in inside and (name == p.name or name in p.aliases)), None)
        if key:
            found[key] = places[key]
        elif name and not re.search(r"\d", name) and len(name) <= 12:
            found.setdefault(name, Place(name, (), "site", region.name if region else ""))
    for m in SECTION.finditer(text):  # after the tables: 伊通河杨家崴子 is the table's 杨家崴子 with its river
        for name in m.group(1).split("、"):
            name = re.sub(r"^(?:其中|支流中|干流中|此外|另外)", "", name)
            if len(name) >= 2 and not NOT_A_SECTION.search(name) and not any(name.endswith(n) for n in found):
                found[name] = Place(name, (), "site", region.name if region else "")
    return found


def _main_period(text: str, monthly: bool = False) -> Period | None:
    """With no period in the title: the year the opening text names most often (ties: the later one), as a
    month if one month of that year is named throughout. A date with its day (2024年10月11日, the day it was
    issued) names no period; a report the title calls monthly (月报) takes the month named most often."""
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年", text)]
    if not years:
        return None
    year = max(set(years), key=lambda y: (years.count(y), y))
    months = re.findall(rf"{year}\s*年\s*(\d{{1,2}})\s*月(?!\s*[-—–~至到])(?!\s*\d{{1,2}}\s*[日号])", text)
    if months and len(set(months)) == 1 and len(months) >= 2:
        return Period("monthly", year, int(months[0]), int(months[0]))
    if monthly and months:
        counts = sorted(((months.count(m), m) for m in set(months)), reverse=True)
        if len(counts) == 1 or counts[0][0] > counts[1][0]:
            return Period("monthly", year, int(counts[0][1]), int(counts[0][1]))
    return Period("annual", year)


@dataclass(frozen=True)
class Meta:
    title: str
    issuer: str
    region: str  # 广州市, 广东省 …
    period: Period
    slug: str


def describe(doc: Document, first_lines: list[str], title: str | None = None, city: str | None = None,
             period: str | None = None) -> Meta:
    """Title, issuer, region and period detected from the first lines; flags given override each one."""
    head = "\n".join(first_lines[:15])
    from_lines = next((ln.strip("《》# ") for ln in first_lines[:8] if TITLE_WORDS.search(ln) and len(ln) <= 60), "")
    page_title = re.split(r"\s*[_|｜]\s*|\s+[—–-]\s+|(?<!\d)[—–-](?!\d)", doc.title)[0] if doc.title else ""  # "…状况_浙江省生态环境厅"
    detected_title = from_lines or page_title
    detected_title = re.sub(r"^#+\s*", "", detected_title).strip("《》 ")
    the_title = title or detected_title or (first_lines[0][:40] if first_lines else "未命名公报")
    issuer = ISSUER.search(head) or ISSUER.search(doc.title or "")  # a web page's <title>: …状况_甘肃省生态环境厅
    region = None
    if city:
        region = next((p for p in gazetteer().values() if city in (p.name, *p.aliases)), None)
    # the title's place, else the issuer's (甘肃省生态环境厅 issues 全省…), else the first the text names
    region = region or find_region(the_title) or (find_region(issuer.group(0)) if issuer else None) or find_region(head)
    region_name = city or (region.name if region else "")
    found = Period.parse(period) if period else (Period.detect(the_title) or _main_period(doc.text[:3000], "月报" in the_title))
    if found is None:
        raise ValueError("无法从文件中识别公报的时间（年份/月份），请用 --period 指定，例如 2024 或 2023-07。")
    prefix = "".join(lazy_pinyin(_short(region_name) or region_name)) or "bulletin"
    slug = re.sub(r"[^a-z0-9-]+", "", f"{prefix}-{found.label.replace('~', '-')}".lower())
    return Meta(title=the_title, issuer=issuer.group(0) if issuer else "", region=region_name, period=found, slug=slug)


@cache
def _local_names() -> frozenset[str]:
    return frozenset(p.name for p in gazetteer().values() if p.level in ("city", "county"))


def places_named(text: str) -> list[str]:
    """Full names of cities and counties (义乌市, 庐江县, 南海区) written in a text, longest first at each end."""
    names = _local_names()
    found = []
    for i, ch in enumerate(text):
        if ch not in "市县区旗州":
            continue
        for k in range(6, 1, -1):
            if i - k >= 0 and text[i - k: i + 1] in names:
                found.append(text[i - k: i + 1])
                break
    return list(dict.fromkeys(found))
