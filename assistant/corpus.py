"""Load a bulletin folder: manifest, raw extraction, and the structured text with its section tree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SENTENCE_END = tuple("。；！？：）)”")
CAPTION = re.compile(r"^(附?图\d+|附?表\d*)(?:\s|(?=(?:19|20)\d\d\s*年))")  # 表1 …, 附表 …, 附表2024年…: a title
_HEADING = re.compile(r"^(#+)\s+(.*)$")
_CJK = r"\u3000-\u9fff\uff00-\uffef/"
# Layout spaces inside CJK text ("4 毫 克 / 立 方 米"): between two CJK characters, or a digit and a CJK one.
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}\d])|(?<=\d)\s+(?=[{_CJK}])")


@dataclass(frozen=True)
class Manifest:
    id: str
    city: str
    year: int
    title: str
    folder: Path
    period: str = ""  # 2024 (annual), 2023-07 (monthly), 2023-01~07 (cumulative)
    kind: str = "annual"
    publisher: str = ""

    @property
    def months(self) -> tuple[int, int]:
        """The first and last month the bulletin covers."""
        if self.kind == "monthly":
            m = int(self.period.split("-")[1])
            return m, m
        if self.kind == "cumulative":
            a, b = self.period.split("-", 1)[1].split("~")
            return int(a), int(b)
        return 1, 12


@dataclass(frozen=True)
class Unit:
    """One paragraph (or caption) of the bulletin with its place in the section tree."""

    uid: str
    section: tuple[str, ...]
    kind: str  # "text" | "caption"
    text: str

    @property
    def section_path(self) -> str:
        return " › ".join(self.section)


def load_manifest(folder: Path) -> Manifest:
    data = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
    return Manifest(id=data["id"], city=data["city"], year=int(data["year"]), title=data["title"], folder=folder,
                    period=str(data.get("period") or data["year"]), kind=data.get("kind") or "annual",
                    publisher=data.get("publisher") or "")


def rejoin_lines(raw: str) -> str:
    """Undo the PDF's hard wraps: a line that does not end a sentence continues on the next non-blank line.

    Figure/table captions start a new line. Layout spaces between CJK characters are removed, so
    "21微克/\\n\\n立方米" becomes "21微克/立方米" and "2024\\n\\n年10月" becomes "2024年10月".
    """
    out: list[str] = []
    buf = ""
    for line in (ln.strip() for ln in raw.splitlines()):
        if not line:
            continue
        if buf and not buf.endswith(SENTENCE_END) and not CAPTION.match(line):
            buf += line
        else:
            if buf:
                out.append(buf)
            buf = line
    if buf:
        out.append(buf)
    return "\n".join(_CJK_SPACE.sub("", ln) for ln in out)


def parse_structured(text: str) -> list[Unit]:
    """Markdown headings give the section path; every other non-empty line is one unit."""
    units: list[Unit] = []
    path: list[str] = []
    in_comment = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if not line:
            continue
        m = _HEADING.match(line)
        if m:
            level = len(m.group(1))
            path = path[: level - 1] + [m.group(2).strip()]
            continue
        kind = "caption" if CAPTION.match(line) else "text"
        units.append(Unit(uid=f"u{len(units) + 1:03d}", section=tuple(path), kind=kind, text=line))
    return units


def split_sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]+[。！？]?", text) if s.strip()]


def load_units(folder: Path) -> tuple[Unit, ...]:
    return tuple(parse_structured((folder / "structured.md").read_text(encoding="utf-8")))


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", "", text)
