"""FILE -> Document: the text in reading order and the tables with their cells and headers kept.

* .pdf  pdfplumber: each page's text outside its ruled tables, and the tables themselves;
* .html/.htm  trafilatura for the article's text (the site's navigation, banners and footer dropped; lxml's
  element walk when it finds none), pandas.read_html for <table>s;
* .txt/.md  the text as it is (tables printed one cell per line are found later, in blocks.py).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED = (".pdf", ".html", ".htm", ".txt", ".md")
MAX_BYTES = 50 * 1024 * 1024


class IngestError(ValueError):
    """A file that cannot be added; the message is for the user (in Chinese)."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    unit: str = ""  # 单位：… stated once for the whole table


@dataclass
class Document:
    text: str
    kind: str  # pdf | html | txt
    tables: list[Table] = field(default_factory=list)
    title: str = ""  # <title> of an HTML page


def read_document(path: Path) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"不支持的文件类型“{suffix or '无扩展名'}”：只能添加 PDF、HTML 或 TXT/MD 文件。")
    if not path.exists():
        raise IngestError(f"文件不存在：{path}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(f"文件过大（{size / 1024 / 1024:.1f} MB）：上限为 50 MB。")
    if size == 0:
        raise IngestError("文件为空。")
    if suffix == ".pdf":
        doc = _read_pdf(path)
    elif suffix in (".html", ".htm"):
        doc = _read_html(_decode(path.read_bytes()))
    else:
        doc = Document(text=_decode(path.read_bytes()), kind="txt")
    if not re.search(r"[\u4e00-\u9fff]", doc.text) and not doc.tables:
        raise IngestError("文件中没有可提取的中文文字（扫描版 PDF 需要先做文字识别）。")
    return doc


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError("无法识别文件的文字编码（应为 UTF-8 或 GBK）。")


# -- PDF -----------------------------------------------------------------------------------------
def _read_pdf(path: Path) -> Document:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(path)
    except (PDFSyntaxError, Exception) as exc:  # noqa: BLE001 - any unreadable file is the user's to fix
        raise IngestError(f"无法读取 PDF 文件（{type(exc).__name__}），文件可能已损坏或加密。") from None
    pages, tables = [], []
    with pdf:
        try:
            for number, page in enumerate(pdf.pages, start=1):
                found = page.find_tables()
                outside = page
                for t in found:
                    outside = outside.outside_bbox(t.bbox)
                text = outside.extract_text() or ""
                pages.append(text)
                lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
                for t in found:
                    cells = [[_cell(c) for c in row] for row in t.extract() if any(c for c in row)]
                    if len(cells) < 2:
                        continue
                    above = [ln for ln in _lines_above(page, t.bbox) if ln]
                    caption = next((ln for ln in reversed(above) if re.match(r"^表\s*\d*", ln)), f"第{number}页表格")
                    unit = next((ln for ln in reversed(above[-3:]) if ln.startswith("单位")), "")
                    tables.append(Table(header=cells[0], rows=cells[1:], caption=caption, unit=unit))
                del lines
        except Exception as exc:  # noqa: BLE001
            raise IngestError(f"PDF 解析失败（{type(exc).__name__}）。") from None
    return Document(text="\n".join(pages), kind="pdf", tables=tables)


def _lines_above(page, bbox) -> list[str]:
    top = max(0, bbox[1] - 60)
    if bbox[1] <= top:
        return []
    region = page.within_bbox((0, top, page.width, bbox[1]))
    return [ln.strip() for ln in (region.extract_text() or "").splitlines()]


def _cell(value) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


# -- HTML ------------------------------------------------------------------------------------------
_NOT_CONTENT = re.compile(r"nav|menu|header|footer|breadcrumb|crumb|sidebar|banner|copyright|share|toolbar|top-?bar|"
                          r"article-?info|article-?tools|print", re.I)
# a short line of the site's own (where you are, welcome, visits, print and close links, the site's registration)
_CHROME_LINE = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|欢迎访问|发布时间|来源[:：])|浏览次数|ICP备|网站标识码|【打印本页】|【关闭窗口】|字号[:：]")


def _read_html(html: str) -> Document:
    import lxml.html
    import pandas as pd

    try:
        root = lxml.html.fromstring(html)
    except Exception as exc:  # noqa: BLE001
        raise IngestError(f"无法解析 HTML（{type(exc).__name__}）。") from None
    title = (root.findtext(".//title") or "").strip()
    for bad in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form"):
        bad.drop_tree()
    for el in root.xpath("//*[@class or @id]"):
        if _NOT_CONTENT.search(f"{el.get('class', '')} {el.get('id', '')}") and el.getparent() is not None:
            el.drop_tree()
    for el in root.xpath("//div|//p|//span|//li|//ul"):
        text = el.text_content()
        if len(text) <= 120 and _CHROME_LINE.search(text) and el.getparent() is not None and not el.xpath(".//table"):
            el.drop_tree()
    tables = []
    for el in root.xpath("//table"):
        caption = (el.findtext(".//caption") or "").strip()
        before = el.getprevious()
        near = before.text_content().strip() if before is not None else ""
        try:
            frame = pd.read_html(io.StringIO(lxml.html.tostring(el, encoding="unicode")), header=0)[0]
        except (ValueError, IndexError):
            frame = None
        if frame is not None and len(frame.columns) >= 2 and len(frame) >= 1:
            header = [_cell(c) for c in frame.columns]
            rows = [[_cell("" if pd.isna(v) else v) for v in row] for row in frame.itertuples(index=False)]
            unit = near if near.startswith("单位") else ""
            says = near.startswith("表") or len(near) <= 60 and re.search(r"(?:如下|见下表|排名|情况|状况)[:：]?$", near)
            caption = caption or (near.rstrip("：:") if says else "") or "网页表格"  # 2024年1—8月…排名情况如下：
            tables.append(Table(header=header, rows=rows, caption=caption, unit=unit))
        el.drop_tree()
    blocks = []
    for el in root.xpath("//h1|//h2|//h3|//h4|//h5|//h6|//p|//li|//td|//div[not(.//p|.//div|.//h1|.//h2|.//h3|.//li)]"):
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            prefix = "#" * int(el.tag[1]) + " " if re.fullmatch(r"h[1-6]", el.tag) else ""
            blocks.append(prefix + text)
    walked = "\n".join(blocks)
    article = _article(lxml.html.tostring(root, encoding="unicode"))  # what is left of the page, tables read
    heading = next((h for h in blocks if h.startswith("#") and re.search(r"(?:19|20)\d\d\s*年", h)), "")
    if article and heading and heading.lstrip("# ") not in article[:300]:
        article = f"{heading}\n{article}"  # the article's own title, which trafilatura leaves out
    # the article unless it lost most of the page's sentences (a page trafilatura cannot read: the element walk)
    sentences = re.findall(r"[^。\n]{6,}。", re.sub(r"[ \t]+", "", walked))
    flat = re.sub(r"\s+", "", article)
    text = article if article and sum(s in flat for s in sentences) * 2 >= len(sentences) else walked
    return Document(text=text, kind="html", tables=tables, title=title)


def _article(html: str) -> str:
    """The page's article in markdown (headings keep their #), without the site's top bar, menus, breadcrumbs,
    article info line and footer; its tables are read apart."""
    import trafilatura

    text = trafilatura.extract(html, output_format="markdown", include_tables=False, include_comments=False,
                               include_images=False, include_links=False, favor_recall=True) or ""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)  # bold
    return re.sub(r"\\([.\-*_#>+()\[\]])", r"\1", text)  # 1\. -> 1.
