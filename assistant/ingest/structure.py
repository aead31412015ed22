"""Text -> paragraphs under a section tree, captions, and tables printed one cell per line.

Headings are recognised by their numbering (一、 （一） 1. （1）, or Markdown #); a line that does not end a
sentence continues on the next one (PDF extractions wrap mid-word); a run of short lines is a table printed
cell by cell, paired only when the counts and the headers make the pairing certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import _CJK_SPACE, CAPTION
from .read import Table

SENTENCE_END = tuple("。；！？：）)”")
# a line that can only go on a sentence begun above it: a closing bracket before it ended no sentence
CONTINUES = re.compile(r"(?:为|是|达到|达|占|比|同比|较|和|及|与|等|、|，|,)")
HEADINGS = (
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}、\s*\S")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]\s*\S")),
    (3, re.compile(r"^\d{1,2}\s*[.．、]\s*(?![\d年月])\S")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]\s*\S")),
)
MARKDOWN = re.compile(r"^(#{1,6})\s+(.*)$")
NUMERIC = re.compile(r"^[-+]?\d+(?:\.\d+)?%?$|^[-—–/]+$")
PAGE_NUMBER = re.compile(r"^[-—–·]+\s*\d{1,3}\s*[-—–·]+$|^第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?$")
UNIT_LINE = re.compile(r"^单位\s*[:：]")


@dataclass
class Block:
    section: tuple[str, ...]
    kind: str  # text | caption | table
    text: str
    table: Table | None = None


@dataclass
class Structure:
    blocks: list[Block]
    review: list[str]  # what could not be paired or recognised


def heading_level(line: str) -> int:
    if len(line) > 32 or line.endswith(("。", "；", "，")) or "，" in line[:-1]:
        return 0
    for level, pattern in HEADINGS:
        if pattern.match(line):
            return level
    return 0


def _is_cell(line: str) -> bool:
    core = re.sub(r"[（(][^（）()]{1,12}[）)]$", "", line)  # PM2.5浓度（微克/立方米）: a header cell with its unit
    return len(core) <= 14 and not re.search(r"[。，；：:]", line) and not heading_level(line) and not CAPTION.match(line)


def structure(text: str) -> Structure:
    spaced_lines = [re.sub(r"\s+", " ", ln.strip()) for ln in text.replace("\u3000", " ").splitlines()]
    lines = [_CJK_SPACE.sub("", ln) for ln in spaced_lines]  # layout spaces go, except where they part cells
    blocks: list[Block] = []
    review: list[str] = []
    path: list[str] = []
    buf = ""
    unit = ""
    i = 0

    def flush() -> None:
        nonlocal buf
        if buf:
            blocks.append(Block(tuple(path), "caption" if CAPTION.match(buf) else "text", buf))
            buf = ""

    while i < len(lines):
        line = lines[i]
        i += 1
        if not line or PAGE_NUMBER.match(line):
            continue  # page furniture (— 1 —, 第2页) is not text
        md = MARKDOWN.match(line)
        level = len(md.group(1)) if md else heading_level(line)
        if level and (not buf or buf.endswith(SENTENCE_END) or (level <= 2 and not md)):  # 一、 （一） always begin
            flush()
            title = md.group(2).strip() if md else line
            run_in = None if md else re.match(r"(.+?)[。．]\s*(\S.*)$", title)
            if run_in:  # （一）区域声环境。城市区域声环境…为53.8: a run-in heading, its sentence the section's text
                title, buf = run_in.group(1), run_in.group(2)
            path[:] = path[: level - 1] + [title]
            continue
        spaced = _spaced_table(spaced_lines, i - 1)
        if spaced is not None and (not buf or buf.endswith(SENTENCE_END) or CAPTION.match(buf)):
            table, used = spaced
            flush()
            caption = next((b.text for b in reversed(blocks[-3:]) if b.kind == "caption"), "") if blocks else ""
            table.unit, table.caption = unit, caption or "文本表格"
            blocks.append(Block(tuple(path), "table", " ".join(spaced_lines[i - 1: i - 1 + used]), table))
            unit = ""
            i += used - 1
            continue
        if UNIT_LINE.match(line):
            flush()
            unit = line
            continue
        if _is_cell(line) and (not buf or buf.endswith(SENTENCE_END) or CAPTION.match(buf)):
            run = [line]
            while i < len(lines) and (not lines[i] or PAGE_NUMBER.match(lines[i]) or _is_cell(lines[i])):
                if lines[i] and not PAGE_NUMBER.match(lines[i]):
                    run.append(lines[i])
                i += 1
            if len(run) >= 6:
                flush()
                table = pair_cells(run)
                caption = next((b.text for b in reversed(blocks[-3:]) if b.kind == "caption"), "") if blocks else ""
                if table is not None:
                    table.unit, table.caption = unit, caption or "文本表格"
                    blocks.append(Block(tuple(path), "table", " ".join(run), table))
                else:
                    review.append(f"无法确定配对的表格（{caption or '无标题'}，{len(run)}个单元格）：{' '.join(run[:12])}…")
                unit = ""
                continue
            line = "".join(run) if len(run) > 1 and not buf else line
            if len(run) > 1 and buf:
                i -= len(run) - 1
        wrapped = buf.endswith(("）", ")")) and CONTINUES.match(line)  # …优良天数比率（AQI达标率）/ 为90.7%，…
        if buf and (not buf.endswith(SENTENCE_END) or wrapped) and not CAPTION.match(line) and not CAPTION.match(buf):
            buf += line
        else:
            flush()
            buf = line
    flush()
    return Structure(blocks=blocks, review=review)


def pair_cells(cells: list[str]) -> Table | None:
    """A table printed one cell per line: the header cells, then each row's cells (a name, then figures).

    Printed column after column ("区, A, B, PM2.5, 1, 2, PM10, 3, 4") reads the same way, transposed: the
    facts stage turns it round when the header holds the places. None unless the counts and the kinds of the
    cells (names first, figures after) fit exactly: a run of figures with no labels between them (columns
    printed apart and sorted) is never paired by guessing.
    """
    numbered = _numbered(cells)
    if numbered is not None:  # 序号, 断面名称, …, 1, 松花江村, …: the running number is no column of figures
        table = pair_cells(numbered)
        if table is not None and cells[0] in ("排名", "名次"):  # 排名, 区, …, 1, 蓟州区, …: the rank is a column
            table.header = [cells[0], *table.header]
            table.rows = [[str(n), *row] for n, row in enumerate(table.rows, start=1)]
        return table
    heads = 0
    while heads < len(cells) and not NUMERIC.match(cells[heads]):
        heads += 1
    readings = []
    for width in range(2, heads + 1):  # the leading names hold the header and, row by row, the first row's name
        rest = cells[width:]
        if not rest or len(rest) % width:
            continue
        rows = [rest[k: k + width] for k in range(0, len(rest), width)]
        if all(not NUMERIC.match(r[0]) and all(NUMERIC.match(c) for c in r[1:]) for r in rows):
            readings.append(Table(header=cells[:width], rows=rows))
    if not readings:  # cells that are classes or words (Ⅱ类, 是, —): each column must keep one kind throughout
        for width in range(3, min(len(cells) // 3, 10) + 1):
            rest = cells[width:]
            if len(rest) < 2 * width or len(rest) % width or any(NUMERIC.match(c) or CLASS_CELL.match(c) for c in cells[:width]):
                continue
            rows = [rest[k: k + width] for k in range(0, len(rest), width)]
            kinds = [{_kind(r[j]) for r in rows} for j in range(width)]
            if kinds[0] == {"text"} and all(len(k) == 1 or k <= {"class", "none"} or k == {"text", "none"} for k in kinds[1:]) and \
                    any(k & {"class", "number"} for k in kinds[1:]):
                readings.append(Table(header=cells[:width], rows=rows))
    return readings[0] if len(readings) == 1 else None


CLASS_CELL = re.compile(r"^(劣)?[ⅠⅡⅢⅣⅤIV]+类?$|^[一二三四五]类$|^(是|否|达标|超标|不达标|未达标|优|良|轻度污染|中度污染)$")


def _numbered(cells: list[str]) -> list[str] | None:
    """The cells without a leading 序号 (or 排名) column, when its cells run 1, 2, 3 … at exactly one width."""
    if not re.fullmatch(r"序号|编号|序|排名|名次", cells[0] if cells else ""):
        return None
    widths = [w for w in range(3, min(len(cells) // 2, 12) + 1) if not (len(cells) - w) % w and
              all(cells[k] == str(n) for n, k in enumerate(range(w, len(cells), w), start=1))]
    if len(widths) != 1:
        return None
    w = widths[0]
    return [c for k, c in enumerate(cells) if k % w]


def _kind(cell: str) -> str:
    if NUMERIC.match(cell) and not re.fullmatch(r"[-—–/]+", cell):
        return "number"
    if re.fullmatch(r"[-—–/]+", cell):
        return "none"
    return "class" if CLASS_CELL.match(cell) else "text"


SPACED_ROW = re.compile(r"^(\S+)((?:\s+[-+]?\d+(?:\.\d+)?%?)+)$")


def _spaced_table(lines: list[str], at: int) -> tuple[Table, int] | None:
    """A table printed one row per line with its cells apart by spaces: a header line of as many names as
    each following row has cells (a name, then figures), at least two rows."""
    head = lines[at].split()
    if len(head) < 3 or any(NUMERIC.match(h) for h in head) or len(lines[at]) > 80:
        return None
    rows, k = [], at + 1
    while k < len(lines):
        if not lines[k]:
            k += 1
            continue
        m = SPACED_ROW.match(lines[k])
        cells = lines[k].split()
        if not m or len(cells) != len(head):
            break
        rows.append(cells)
        k += 1
    if len(rows) < 2:
        return None
    return Table(header=head, rows=rows), k - at
