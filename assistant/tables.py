"""Curated tables (CSV with provenance) -> typed pandas frames, validated on load.

A bad file is rejected whole, naming the file and line; it is never half-loaded.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .corpus import Manifest, load_manifest
from .types import Evidence

FACT_COLUMNS = ["id", "indicator", "place", "year", "stat", "value", "unit", "text_value",
                "section", "locator", "source", "row_label", "note"]
PERIOD = "period"  # optional: the part of the bulletin's period a fact is for (2024-05, 2024-01~05); empty = all of it
STANDARD_COLUMNS = ["indicator", "grade", "limit", "unit", "basis", "section", "source"]
STATS = {"value", "yoy", "vs2013", "target", "grade", "class", "rank", "group", "improvement",
         "streak", "since", "status"}
NUMERIC_STATS = {"value", "yoy", "vs2013", "target", "rank", "streak", "since"}


class TableError(ValueError):
    """A curated table that cannot be trusted; the message names the file and line."""


@dataclass(frozen=True)
class Tables:
    manifest: Manifest
    facts: pd.DataFrame
    standards: pd.DataFrame

    def evidence(self, row: pd.Series) -> Evidence:
        return fact_evidence(row, self.manifest.title)

    def standard_evidence(self, row: pd.Series) -> Evidence:
        return Evidence(text=row["source"], locator=f"{row['section']} › 正文", source=self.manifest.title,
                        value=float(row["limit"]), unit=row["unit"], indicator=row["indicator"],
                        stat="limit", text_value=row["grade"], note=row["basis"])


def fact_evidence(row: pd.Series, title: str) -> Evidence:
    value = None if pd.isna(row["value"]) else float(row["value"])
    if row["locator"] == "正文":
        text = row["source"]
    else:  # a table or legend row: render the row so the figure and its meaning travel together
        unit = f"（单位：{row['unit']}）" if row["unit"] and row["unit"] not in ("名",) else ""
        text = f"{row['locator']}：{row['row_label']}｜{row['source']}{unit}"
    return Evidence(text=text, locator=f"{row['section']} › {row['locator']}", source=title, value=value,
                    unit=row["unit"], indicator=row["indicator"], place=row["place"], year=int(row["year"]),
                    stat=row["stat"], text_value=row["text_value"], fact_id=row["id"], note=row["note"])


def _read_csv(path: Path, columns: list[str]) -> list[dict]:
    if not path.exists():
        raise TableError(f"{path}: 文件不存在")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise TableError(f"{path}:1: 缺少列 {', '.join(missing)}")
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise TableError(f"{path}:{lineno}: 列数与表头不符")
            rows.append({"_line": lineno, **{k: (v or "").strip() for k, v in row.items()}})
    return rows


def _number(path: Path, row: dict, col: str, *, required: bool) -> float | None:
    text = row[col]
    if text == "":
        if required:
            raise TableError(f"{path}:{row['_line']}: 列 {col} 缺少数值")
        return None
    try:
        return float(text)
    except ValueError:
        raise TableError(f"{path}:{row['_line']}: 列 {col} 不是数字: {text!r}") from None


def load_facts(path: Path) -> pd.DataFrame:
    rows = _read_csv(path, FACT_COLUMNS)
    seen: set[str] = set()
    for row in rows:
        where = f"{path}:{row['_line']}"
        for col in ("id", "indicator", "place", "stat", "section", "locator", "source"):
            if not row[col]:
                raise TableError(f"{where}: 列 {col} 为空")
        if row["id"] in seen:
            raise TableError(f"{where}: id 重复 {row['id']}")
        seen.add(row["id"])
        if row["stat"] not in STATS:
            raise TableError(f"{where}: 未知的 stat {row['stat']!r}")
        try:
            row["year"] = int(row["year"])
        except ValueError:
            raise TableError(f"{where}: 列 year 不是整数: {row['year']!r}") from None
        row["value"] = _number(path, row, "value", required=row["stat"] in NUMERIC_STATS)
        if row["value"] is None and not row["text_value"]:
            raise TableError(f"{where}: value 与 text_value 不能同时为空")
    for row in rows:
        row[PERIOD] = row.get(PERIOD) or ""
    frame = pd.DataFrame(rows, columns=["_line", *FACT_COLUMNS, PERIOD])
    return frame.astype({"year": "int64", "value": "float64"})


def load_standards(path: Path) -> pd.DataFrame:
    rows = _read_csv(path, STANDARD_COLUMNS)
    for row in rows:
        row["limit"] = _number(path, row, "limit", required=True)
    return pd.DataFrame(rows, columns=["_line", *STANDARD_COLUMNS]).astype({"limit": "float64"})


def load_tables(folder: Path) -> Tables:
    manifest = load_manifest(folder)
    return Tables(manifest=manifest, facts=load_facts(folder / "tables" / "facts.csv"),
                  standards=load_standards(folder / "tables" / "standards.csv"))
