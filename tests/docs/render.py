"""Render a bulletin written as JSON (title, issuer, sections, one table) to a multi-page PDF with a ruled
table, with fpdf2 and the CJK font .ci/run installs. Used by the tests and by benchmarks/ingest.py."""

from __future__ import annotations

import json
from pathlib import Path

FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def cjk_font() -> str | None:
    return next((f for f in FONTS if Path(f).exists()), None)


def render_pdf(source: dict | Path, out: Path, pad_pages: int = 1) -> Path:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    data = json.loads(Path(source).read_text(encoding="utf-8")) if isinstance(source, Path) else source
    font = cjk_font()
    if font is None:
        raise RuntimeError("no CJK font (fonts-wqy-microhei) installed")
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", font)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, data["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    pdf.multi_cell(0, 8, data.get("issuer", ""), align="C", new_x="LMARGIN", new_y="NEXT")
    table = data.get("table")
    after = data.get("table_after_section", 0)
    for n, section in enumerate(data["sections"]):
        pdf.set_font("cjk", size=13)
        pdf.multi_cell(0, 9, section["heading"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=11)
        for para in section["paragraphs"]:
            pdf.multi_cell(0, 7, para, new_x="LMARGIN", new_y="NEXT")
        if table and n == after:
            if pad_pages:
                pdf.add_page()  # the table sits on a page of its own, as tables in bulletins often do
            pdf.multi_cell(0, 8, table["caption"], align="C", new_x="LMARGIN", new_y="NEXT")
            if table.get("unit"):
                pdf.multi_cell(0, 7, table["unit"], align="R", new_x="LMARGIN", new_y="NEXT")
            with pdf.table(borders_layout="ALL", text_align="CENTER", headings_style=FontFace(emphasis=None)) as t:
                for row in [table["header"], *table["rows"]]:
                    r = t.row()
                    for cell in row:
                        r.cell(str(cell))
            pdf.ln(4)
    pdf.output(str(out))
    return out
