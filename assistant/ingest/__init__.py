"""FILE -> a bulletin folder in the corpus: read -> blocks -> sections -> facts -> review, then the index.

`add_bulletin` writes everything into a staging folder beside the corpus, validates it by loading it the way
the assistant will, embeds its passages into a new collection, and only then moves the folder into place and
points the index at it. A failure at any step leaves the corpus and the index as they were. Re-adding a file
replaces its folder; the hand decisions of the old folder (overrides.csv, structured.override.md,
places.override.yaml) are kept.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config import Settings
from ..tables import FACT_COLUMNS, PERIOD, STANDARD_COLUMNS, TableError, load_facts, load_standards
from .facts import PlaceFinder, extract
from .meta import describe, places_in
from .read import IngestError, read_document
from .structure import Block, structure

OVERRIDE_COLUMNS = ["action", "reason", *FACT_COLUMNS]
KEY = ("indicator", "place", "year", "stat")

__all__ = ["AddReport", "IngestError", "add_bulletin", "remove_bulletin", "list_bulletins", "review_count"]


@dataclass
class AddReport:
    id: str
    title: str
    region: str
    period: str
    facts: int
    auto_facts: int
    overrides: int
    review: int
    seconds: float
    folder: Path


def _steps(progress, total: int):
    """A tqdm bar on the terminal, or a caller's callback (the UI's gr.Progress): (fraction, description)."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc="添加公报", unit="步", disable=progress is not True)

    def step(desc: str) -> None:
        bar.set_description(desc)
        bar.update(1)
        if callable(progress):
            progress(min(bar.n / total, 1.0), desc)

    return step, bar


def add_bulletin(path: Path, settings: Settings, embedder, *, bulletin_id: str | None = None, title: str | None = None,
                 city: str | None = None, period: str | None = None, progress=True) -> AddReport:
    started = time.perf_counter()
    step, bar = _steps(progress, 6)
    try:
        doc = read_document(Path(path))
        step("读取文件")
        raw_lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
        try:
            meta = describe(doc, raw_lines, title=title, city=city, period=period)
        except ValueError as exc:
            raise IngestError(str(exc)) from None
        bid = _valid_id(bulletin_id or meta.slug)
        corpus = Path(settings.corpus_dir)
        corpus.mkdir(parents=True, exist_ok=True)
        old = corpus / bid
        staging = corpus / f".staging-{bid}-{int(time.time() * 1000)}"
        staging.mkdir(parents=True)
        try:
            hand_structure = old / "structured.override.md"
            if hand_structure.exists():  # the section tree fixed by hand for this text
                from ..corpus import parse_structured

                blocks = [Block(u.section, u.kind, u.text) for u in parse_structured(hand_structure.read_text(encoding="utf-8"))]
                review = ["结构化文本采用人工整理的 structured.override.md（PDF 把部分标题印在正文之后）。"]
            else:
                st = structure(doc.text)
                blocks, review = st.blocks, list(st.review)
            blocks += [Block(("表格",), "table", t.caption, t) for t in doc.tables]
            step("识别章节与表格")
            from ..lexicon import load_lexicon

            lex = load_lexicon(corpus, _lexicon_folder(settings))
            names = [row[_name_column(b.table)] for b in blocks if b.table is not None and _names_places(b.table)
                     for row in b.table.rows if len(row) > _name_column(b.table)]
            from .meta import gazetteer

            region = next((p for p in gazetteer().values() if p.name == meta.region), None)
            found = places_in(doc.text + "\n".join(b.text for b in blocks), region, names)
            for name, body in _water_bodies(blocks).items():  # 杨泗港 in 长江: also 长江杨泗港
                if name in found and found[name].level == "site":
                    found[name] = dataclasses.replace(found[name], aliases=tuple(dict.fromkeys((*found[name].aliases, body + name))))
            for name, place in _hand_places(old / "places.override.yaml", meta.region).items():
                if name in found:  # keep the gazetteer's spellings, add the hand ones
                    place = dataclasses.replace(found[name], aliases=tuple(dict.fromkeys((*found[name].aliases, *place.aliases))))
                found[name] = place
            units = {p.name for p in found.values() if p.parent == meta.region and p.level != "site"}  # 其余10个行政区
            from ..lexicon import class_group_indicators

            groups = class_group_indicators(lex.indicators)  # Ⅰ—Ⅲ类水质断面…占70.0%: named after its classes
            extracted = extract(blocks, lex.with_indicators(groups), PlaceFinder({p.name: p.aliases for p in found.values()}, units),
                                meta.period.year, region="全市", periodic=meta.period.kind != "annual")
            for fact in extracted.facts:  # the bulletin's own period is written as no period
                if fact.get("period") == meta.period.label:
                    fact["period"] = ""
            step("抽取数据")
            overrides = _read_overrides(old / "overrides.csv")
            auto, conflicts = _dedupe(extracted.facts)
            facts = _apply(auto, overrides)
            review += extracted.review + conflicts
            _write(staging, doc, meta, bid, blocks, found, facts, extracted.standards, overrides, review,
                   auto=len(extracted.facts), source=Path(path).name, hand_structure=hand_structure)
            named = {f["indicator"] for f in facts} & (set(groups) - set(lex.indicators))
            if named:  # the indicators the shared lexicon does not have, for this bulletin's questions
                (staging / "indicators.yaml").write_text(yaml.safe_dump(
                    {k: {"topic": groups[k].topic, "better": groups[k].better, "share": groups[k].share,
                         "aliases": list(groups[k].aliases)}
                     for k in sorted(named)}, allow_unicode=True, sort_keys=False), encoding="utf-8")
            for keep in ("overrides.csv", "structured.override.md", "places.override.yaml"):
                if (old / keep).exists():
                    shutil.copy2(old / keep, staging / keep)
            try:  # the folder must load the way the assistant loads it
                load_facts(staging / "tables" / "facts.csv")
                load_standards(staging / "tables" / "standards.csv")
            except TableError as exc:
                raise IngestError(f"生成的数据表未通过校验：{exc}") from None
            step("校验")

            trash = corpus / f".trash-{bid}-{int(time.time() * 1000)}"

            def move_into_place():
                """The new folder in, the old one kept aside until the index pointer has moved too."""
                had_old = old.exists()
                if had_old:
                    old.rename(trash)
                staging.rename(old)
                _touch(corpus)

                def undo() -> None:
                    old.rename(staging)  # removed below, with the rest of this failed add
                    if had_old:
                        trash.rename(old)
                    _touch(corpus)

                return undo

            from ..index import build_index

            try:
                build_index(dataclasses.replace(settings, bulletin=bid), embedder, progress=False, folder=staging,
                            before_activate=move_into_place)
            finally:
                if trash.exists():
                    shutil.rmtree(trash, ignore_errors=True)
            step("建立索引")
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        step("完成")
        return AddReport(id=bid, title=meta.title, region=meta.region, period=meta.period.label, facts=len(facts),
                         auto_facts=len(extracted.facts), overrides=len(overrides), review=review_count(old),
                         seconds=round(time.perf_counter() - started, 2), folder=old)
    finally:
        bar.close()


def _hand_places(path: Path, region: str) -> dict:
    """The places a person added in places.override.yaml (sites, water bodies), so extraction can pair them too."""
    from .meta import Place

    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for kind, level in (("districts", "county"), ("sites", "site")):
        for name, aliases in (data.get(kind) or {}).items():
            out[name] = Place(name, tuple(a for a in (aliases or ()) if isinstance(a, str)), level, region)
    return out


def _water_bodies(blocks: list[Block]) -> dict[str, str]:
    """Each site of a table with a water-body column (所在水体 / 河流) and the water it is on."""
    from .facts import WATER_BODY

    out: dict[str, str] = {}
    for b in blocks:
        if b.table is None:
            continue
        name = _name_column(b.table)
        body = next((i for i, h in enumerate(b.table.header) if WATER_BODY.fullmatch(h.strip())), None)
        if body is None or body == name:
            continue
        for row in b.table.rows:
            if len(row) > max(name, body) and row[name].strip() and row[body].strip() and row[body].strip() not in row[name]:
                out[row[name].strip()] = row[body].strip()
    return out


def _name_column(table) -> int:
    """The column of a table whose header names places (区/城市/站点/断面 …), wherever it is; else the first."""
    from .facts import PLACE_WORDS

    for i, head in enumerate(table.header):
        if PLACE_WORDS.match(head.strip()) or re.search(r"区|县|城市|站|断面|点位|地区", head):
            return i
    return 0


def _names_places(table) -> bool:
    """Whether a table has a column of places (its header says 区/城市/站点/断面 …)."""
    from .facts import PLACE_WORDS

    return any(PLACE_WORDS.match(h.strip()) or re.search(r"区|县|市|城市|站|断面|点位|地区", h) for h in table.header)


def remove_bulletin(bulletin_id: str, settings: Settings) -> bool:
    """Remove one bulletin: its index pointer and collections first, then its folder."""
    from ..index import remove_index

    folder = Path(settings.corpus_dir) / _valid_id(bulletin_id)
    if not (folder / "manifest.yaml").exists():
        return False
    remove_index(dataclasses.replace(settings, bulletin=folder.name))
    trash = folder.with_name(f".trash-{folder.name}-{int(time.time() * 1000)}")
    folder.rename(trash)
    shutil.rmtree(trash, ignore_errors=True)
    _touch(Path(settings.corpus_dir))
    return True


def list_bulletins(corpus_dir: Path) -> list[Path]:
    """Every bulletin folder (one with a manifest); staging and trash folders are hidden."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.exists():
        return []
    return sorted(p for p in corpus_dir.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and (p / "manifest.yaml").exists())


def review_count(folder: Path) -> int:
    """How many items of a bulletin's review.md still wait for a person (hand decisions already taken are not counted)."""
    review = Path(folder) / "review.md"
    if not review.exists():
        return 0
    pending = review.read_text(encoding="utf-8").split("## 人工决定")[0]
    return sum(1 for ln in pending.splitlines() if ln.startswith("- ") and not ln.startswith(("- 地区：", "- 自动抽取")))


def _touch(corpus: Path) -> None:
    """Bump the corpus generation, which every running process checks before answering."""
    (corpus / ".generation").write_text(f"{time.time_ns()}\n", encoding="utf-8")


def _valid_id(bid: str) -> str:
    import re

    bid = (bid or "").strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{1,60}", bid):
        raise IngestError(f"公报编号“{bid}”不合法：只能用小写字母、数字、- 和 _，例如 guangzhou-2025。")
    return bid


def _lexicon_folder(settings: Settings) -> Path:
    """Extraction needs only the shared indicators; any bulletin folder (or none) supplies the places file."""
    from ..lexicon import EMPTY_PLACES

    folders = list_bulletins(settings.corpus_dir)
    return folders[0] if folders else EMPTY_PLACES


# -- overrides ---------------------------------------------------------------------------------------------
def _read_overrides(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for n, row in enumerate(rows, start=2):
        if row.get("action") not in ("add", "drop", "replace") or not row.get("reason"):
            raise IngestError(f"{path}:{n}: action 须为 add/drop/replace，且须写明 reason。")
    return rows


def _dedupe(rows: list[dict]) -> tuple[list[dict], list[str]]:
    """One row per indicator, place, year and statistic. The same figure stated twice (in the text and in a
    table) is kept once; two different figures are both dropped and listed for review, never chosen between,
    unless only one of them is said of the indicator by name and of the whole place, not of a counted part."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:  # 5月 and 1-5月 figures of one indicator are two facts, not a conflict
        groups.setdefault((*_key(r), r.get(PERIOD, "")), []).append(r)
    kept, review = [], []
    for key, group in groups.items():
        # a figure stated with its indicator named beats one the indicator was carried to; the whole place's figure
        # (全市优良天数比率为83.8%) beats a counted part's (全市15个农村…村庄…优良天数比率平均为89.7%)
        for keep in (lambda g: g.get("_direct", True) and not g.get("_qualified"), lambda g: g.get("_direct", True),
                     lambda g: not g.get("_qualified")):
            chosen = [g for g in group if keep(g)]
            if len({(g["value"], g["text_value"]) for g in chosen}) == 1 and len(chosen) < len(group):
                left = [g for g in group if g.get("_qualified") and g not in chosen]
                if left:
                    review.append(f"{key[0]}｜{key[1]}｜{key[2]}｜{key[3]}：限定范围（N个…）的数值未作{key[1]}的数据收录："
                                  + "；".join(f"{g['value'] or g['text_value']}（{g['source'][:40]}）" for g in left))
                group = chosen
                break
        values = {(g["value"], g["text_value"]) for g in group}
        if len(values) == 1:
            kept.append(next((g for g in group if g["locator"] != "正文"), group[0]))
        elif key[3] in ("group", "class", "grade"):
            kept.extend({(g["value"], g["text_value"]): g for g in group}.values())
        else:
            shown = "；".join(f"{g['value'] or g['text_value']}（{g['locator']}：{g['source'][:40]}）" for g in group)
            review.append(f"{key[0]}｜{key[1]}｜{key[2]}｜{key[3]} 有不同的数值，未收录：{shown}")
    return kept, review


def _key(row: dict) -> tuple:
    return tuple(str(row.get(k, "")).strip() for k in KEY)


def _apply(auto: list[dict], overrides: list[dict]) -> list[dict]:
    """Hand decisions on top of what was extracted: drop/replace remove the automatic rows with the same
    indicator, place, year and statistic; add/replace put the hand row in."""
    gone = {_key(o) for o in overrides if o["action"] in ("drop", "replace")}
    rows = [dict(r) for r in auto if _key(r) not in gone]
    rows += [{c: o.get(c, "") for c in (*FACT_COLUMNS, PERIOD)} for o in overrides if o["action"] in ("add", "replace")]
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        if not row["id"] or row["id"] in seen:
            row["id"] = f"a{n:04d}"
        seen.add(row["id"])
    return rows


# -- writing -----------------------------------------------------------------------------------------------
def _write(folder: Path, doc, meta, bid: str, blocks: list[Block], places: dict, facts: list[dict],
           standards: list[dict], overrides: list[dict], review: list[str], *, auto: int, source: str,
           hand_structure: Path) -> None:
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    manifest = {"id": bid, "city": meta.region, "year": meta.period.year, "period": meta.period.label,
                "kind": meta.period.kind, "title": meta.title, "publisher": meta.issuer, "source": source,
                "raw": "bulletin.txt", "structured": "structured.md", "tables": "tables/"}
    (folder / "manifest.yaml").write_text("# written by `python -m assistant add`; edit overrides.csv, not this\n"
                                          + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "bulletin.txt").write_text(doc.text, encoding="utf-8")
    if hand_structure.exists():
        (folder / "structured.md").write_text(hand_structure.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        (folder / "structured.md").write_text(_markdown(blocks), encoding="utf-8")
    counties = {n: list(p.aliases) for n, p in places.items() if p.level != "site"}
    sites = {n: list(p.aliases) for n, p in places.items() if p.level == "site"}
    short = meta.region[:-1] if meta.region[-1:] in "市省县区" and len(meta.region) > 2 else meta.region
    aliases = list(dict.fromkeys(a for a in (meta.region, short, "全市" if meta.region.endswith("市") else "全省") if a))
    generated = {"city": {"name": "全市", "aliases": aliases}, "districts": counties, "sites": sites}
    hand = folder.parent / bid / "places.override.yaml"
    if hand.exists():  # hand-kept spellings, sites and other cities win over the detected ones
        extra = yaml.safe_load(hand.read_text(encoding="utf-8")) or {}
        for key, value in extra.items():
            if isinstance(value, dict) and isinstance(generated.get(key), dict):
                merged = {k: (v if v else generated[key].get(k)) for k, v in value.items()}  # the hand order first
                generated[key] = {**merged, **{k: v for k, v in generated[key].items() if k not in merged}}
            else:
                generated[key] = value
    (folder / "places.yaml").write_text(yaml.safe_dump(generated, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _csv(folder / "tables" / "facts.csv", [*FACT_COLUMNS, PERIOD], facts)
    _csv(folder / "tables" / "standards.csv", STANDARD_COLUMNS, _unique_standards(standards))
    (folder / "review.md").write_text(_review(meta, facts, auto, overrides, review), encoding="utf-8")


def _unique_standards(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        if r["indicator"] not in seen:
            seen.add(r["indicator"])
            out.append({**r, "limit": f"{float(r['limit']):g}"})
    return out


def _markdown(blocks: list[Block]) -> str:
    out, path = ["<!-- written by `python -m assistant add`: headings give the section tree -->"], ()
    for b in blocks:
        if b.kind == "table":
            continue
        if b.section != path:
            common = 0
            while common < min(len(path), len(b.section)) and path[common] == b.section[common]:
                common += 1
            for level in range(common, len(b.section)):
                out.append(f"{'#' * (level + 1)} {b.section[level]}")
            path = b.section
        out.append(b.text)
    return "\n".join(out) + "\n"


def _csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})


def _review(meta, facts: list[dict], auto: int, overrides: list[dict], review: list[str]) -> str:
    lines = [f"# 待核对：{meta.title}", "", f"- 地区：{meta.region or '未识别'}；时间：{meta.period.words}；发布：{meta.issuer or '未识别'}",
             f"- 自动抽取 {auto} 条数据；人工决定 {len(overrides)} 条（overrides.csv）；最终 {len(facts)} 条。", ""]
    if review:
        lines += ["## 未能确定配对或识别的内容（未收录，不作猜测）", *[f"- {r}" for r in review], ""]
    if overrides:
        lines += ["## 人工决定（overrides.csv）"]
        lines += [f"- {o['action']} {o['indicator']}｜{o['place']}｜{o['year']}｜{o['stat']}｜{o.get('value') or o.get('text_value')}："
                  f"{o['reason']}" for o in overrides]
    return "\n".join(lines) + "\n"
