"""Gradio Blocks: 问答 (chat with evidence), 核查 (fact-check desk), 数据 (data explorer).

Presentation only: every answer comes from `Assistant.ask` / `Assistant.fact_check`.
"""

from __future__ import annotations

import html
import re

import gradio as gr
import pandas as pd

from .core import Assistant
from .session import Session
from .tools import fmt
from .types import Answer

EXAMPLES = [
    "2024年广州市PM2.5平均浓度是多少？",
    "住在从化空气是不是最好？",
    "荔湾区和海珠区PM10哪个高？高多少？",
    "核实：2024年广州PM10平均浓度同比上升9.8%。",
    "二氧化氮的国家标准限值是多少？广州达标吗？",
    "广州海水干净吗？",
]
VERDICT = {"supported": "支持", "refuted": "不符", "unverifiable": "公报未涉及", None: "—"}
STATUS = {"answered": "已回答", "not_found": "公报未给出", "invalid": "输入无效"}
CSS = """
.evidence-card {border-left: 3px solid #2f7d4f; padding: 6px 10px; margin: 8px 0; background: #f6faf7;}
.evidence-card .loc {color: #555; font-size: 0.85em;}
.evidence-card mark {background: #ffe58a; padding: 0 2px;}
"""
# Local fonts only: the default theme would fetch web fonts from a CDN.
THEME = gr.themes.Base(font=["system-ui", "Noto Sans CJK SC", "sans-serif"], font_mono=["monospace"])


def evidence_html(answer: Answer | None) -> str:
    if answer is None or not answer.citations:
        return "<p>（暂无引用证据）</p>"
    # the answer's figures, not its years or the 2.5 of PM2.5
    plain = re.sub(r"\[\d+\]|(?:19|20)\d\d(?=年)|PM\s?(?:2\.5|10)", " ", answer.text, flags=re.I)
    figures = sorted(set(re.findall(r"\d+(?:\.\d+)?", plain)), key=len, reverse=True)
    cards = []
    for i, c in enumerate(answer.citations, 1):
        text = html.escape(c["text"])
        for f in figures:
            text = re.sub(rf"(?<![\d.>M]){re.escape(f)}(?![\d]|</mark>|年)", f"<mark>{f}</mark>", text)
        cards.append(f"<div class='evidence-card'><b>[{i}]</b> {text}<div class='loc'>{html.escape(c['source'])}"
                     f" › {html.escape(c['locator'])}</div></div>")
    return "".join(cards)


def bar_chart_svg(frame: pd.DataFrame, title: str, unit: str, limit: float | None) -> str:
    """District bars with the national standard limit as a dashed line (inline SVG: no scripts, no CDN)."""
    if frame.empty:
        return "<p>（该指标公报未逐区给出数值）</p>"
    w, h, left, bottom, top = 640, 300, 60, 50, 30
    peak = max(frame["value"].max(), limit or 0) * 1.15
    bw = (w - left - 10) / len(frame)
    y = lambda v: top + (h - top - bottom) * (1 - v / peak)  # noqa: E731
    parts = [f"<svg viewBox='0 0 {w} {h}' width='100%' role='img' aria-label='{html.escape(title)}'>",
             f"<text x='{w / 2}' y='18' text-anchor='middle' font-size='14'>{html.escape(title)}（{html.escape(unit)}）</text>"]
    for i, (_, row) in enumerate(frame.iterrows()):
        x = left + i * bw + 4
        parts.append(f"<rect x='{x:.1f}' y='{y(row['value']):.1f}' width='{bw - 8:.1f}' height='{h - bottom - y(row['value']):.1f}' fill='#4f9a6b'/>")
        parts.append(f"<text x='{x + (bw - 8) / 2:.1f}' y='{y(row['value']) - 4:.1f}' text-anchor='middle' font-size='11'>{fmt(row['value'])}</text>")
        parts.append(f"<text x='{x + (bw - 8) / 2:.1f}' y='{h - bottom + 16}' text-anchor='middle' font-size='11'>{html.escape(row['place'])}</text>")
    if limit is not None:
        parts.append(f"<line x1='{left}' x2='{w - 10}' y1='{y(limit):.1f}' y2='{y(limit):.1f}' stroke='#c0392b' stroke-dasharray='6 4'/>")
        parts.append(f"<text x='{w - 12}' y='{y(limit) - 5:.1f}' text-anchor='end' font-size='11' fill='#c0392b'>国家标准限值 {fmt(limit)}</text>")
    parts.append(f"<line x1='{left}' x2='{w - 10}' y1='{h - bottom}' y2='{h - bottom}' stroke='#333'/></svg>")
    return "".join(parts)


def line_chart_svg(frame: pd.DataFrame, title: str, unit: str) -> str:
    if len(frame) < 2:
        return ""
    w, h, left, bottom, top = 640, 260, 60, 40, 30
    lo, hi = frame["year"].min(), frame["year"].max()
    peak = frame["value"].max() * 1.2
    x = lambda yr: left + (w - left - 30) * (yr - lo) / max(hi - lo, 1)  # noqa: E731
    y = lambda v: top + (h - top - bottom) * (1 - v / peak)  # noqa: E731
    pts = " ".join(f"{x(r.year):.1f},{y(r.value):.1f}" for r in frame.itertuples())
    parts = [f"<svg viewBox='0 0 {w} {h}' width='100%' role='img' aria-label='{html.escape(title)}'>",
             f"<text x='{w / 2}' y='18' text-anchor='middle' font-size='14'>{html.escape(title)}（{html.escape(unit)}）</text>",
             f"<polyline points='{pts}' fill='none' stroke='#2f6f9f' stroke-width='2'/>"]
    for r in frame.itertuples():
        parts.append(f"<circle cx='{x(r.year):.1f}' cy='{y(r.value):.1f}' r='4' fill='#2f6f9f'/>")
        parts.append(f"<text x='{x(r.year):.1f}' y='{y(r.value) - 8:.1f}' text-anchor='middle' font-size='11'>{fmt(r.value)}</text>")
        parts.append(f"<text x='{x(r.year):.1f}' y='{h - bottom + 16}' text-anchor='middle' font-size='11'>{r.year}年</text>")
    parts.append("</svg>")
    return "".join(parts)


def build_app(assistant: Assistant) -> gr.Blocks:
    facts = assistant.tables.facts
    districts = list(assistant.lexicon.districts)
    topics = {k: ind.topic for k, ind in assistant.lexicon.indicators.items()}

    def ask(message: str, history: list, session: Session):
        history = list(history or [])
        if not isinstance(message, str) or not message.strip():
            history.append({"role": "assistant", "content": "请输入问题，例如：“2024年广州市PM2.5平均浓度是多少？”"})
            yield history, session, evidence_html(None), ""
            return
        answer = assistant.ask(message, session)
        history.append({"role": "user", "content": message})
        history.append({"role": "assistant", "content": ""})
        text = answer.text + ("" if answer.status == "answered" else f"\n\n（{STATUS[answer.status]}）")
        step = max(1, len(text) // 12)
        for end in range(step, len(text) + step, step):  # stream the (already verified) answer
            history[-1]["content"] = text[:end]
            yield history, session, evidence_html(answer), ""
        yield history, session, evidence_html(answer), ""

    def clear():
        return [], Session(), evidence_html(None), ""

    def api_ask(question: str) -> dict:
        """One question in, the batch-contract answer out."""
        return assistant.ask(question if isinstance(question, str) else "").to_dict()

    def fact_check(passage: str):
        if not isinstance(passage, str) or not passage.strip():
            return pd.DataFrame(columns=["说法", "结论", "公报数据", "证据"]), "请粘贴要核查的句子或段落。"
        rows, lines = [], []
        for claim, answer in assistant.fact_check(passage):
            evidence = "；".join(f"{c['text']}（{c['locator']}）" for c in answer.citations) or "—"
            verdict = VERDICT.get(answer.verdict, "—") if answer.status != "invalid" else "输入无效"
            rows.append([claim, verdict, answer.text, evidence])
            lines.append(f"【{verdict}】{claim}\n  公报：{answer.text}\n  证据：{evidence}")
        if not rows:
            return pd.DataFrame(columns=["说法", "结论", "公报数据", "证据"]), "没有找到含数字或可核对表述的句子。"
        return pd.DataFrame(rows, columns=["说法", "结论", "公报数据", "证据"]), "\n\n".join(lines)

    def api_fact_check(passage: str) -> list[dict]:
        """Each claim of a passage with its verdict and evidence."""
        return [{"claim": c, **a.to_dict()} for c, a in assistant.fact_check(passage if isinstance(passage, str) else "")]

    def explore(topic: str, district: str, indicator: str):
        f = facts.copy()
        f["topic"] = f["indicator"].map(topics)
        if topic and topic != "全部":
            f = f[f["topic"] == topic]
        if district and district != "全部":
            f = f[f["place"] == district]
        table = f[["indicator", "place", "year", "stat", "value", "unit", "text_value", "section", "locator", "source", "note"]]
        table = table.rename(columns={"indicator": "指标", "place": "地点", "year": "年份", "stat": "统计量", "value": "数值",
                                      "unit": "单位", "text_value": "文字值", "section": "章节", "locator": "出处",
                                      "source": "原文", "note": "配对/说明"})
        ranked = pd.DataFrame([{"place": ev.place, "value": ev.value} for ev in assistant.box.rank_districts(indicator)])
        limit = assistant.box.standard_limit(indicator)
        unit = limit.unit if limit else (facts[facts.indicator == indicator]["unit"].iloc[0] if indicator in set(facts.indicator) else "")
        chart = bar_chart_svg(ranked, f"2024年各区{indicator}", unit, limit.value if limit else None)
        series = facts[(facts.indicator == "一级支流水质优良率") & (facts.stat == "value")].sort_values("year")
        line = line_chart_svg(series[["year", "value"]], "重点区域一级支流水质优良率（公报给出的年份）", "%")
        return table, chart, line

    pollutants = [k for k, ind in assistant.lexicon.indicators.items() if ind.pollutant] + ["地表水水质指数"]
    with gr.Blocks(title="广州生态环境公报问答助手", analytics_enabled=False) as app:
        gr.Markdown(f"## 广州生态环境公报问答助手\n依据《{assistant.tables.manifest.title}》作答，每个数字都附出处并经过核对；公报没有的数据会直说。")
        with gr.Tab("问答", id="chat"):
            session = gr.State(Session())
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="对话", height=420, elem_id="chat")
                    box = gr.Textbox(label="问题", placeholder="例如：天河区PM2.5年均浓度是多少？", elem_id="question")
                    with gr.Row():
                        send = gr.Button("提问", variant="primary", elem_id="send")
                        reset = gr.Button("清空对话", elem_id="clear")
                    gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                with gr.Column(scale=2):
                    gr.Markdown("### 引用证据")
                    evidence = gr.HTML(evidence_html(None), elem_id="evidence")
            send.click(ask, [box, chat, session], [chat, session, evidence, box], api_name=False)
            box.submit(ask, [box, chat, session], [chat, session, evidence, box], api_name=False)
            reset.click(clear, None, [chat, session, evidence, box], api_name=False)
            hidden_q = gr.Textbox(visible=False)
            hidden_a = gr.JSON(visible=False)
            hidden_q.change(api_ask, hidden_q, hidden_a, api_name="ask")
        with gr.Tab("核查", id="check"):
            passage = gr.Textbox(label="粘贴要核查的句子或段落", lines=4, elem_id="passage",
                                 placeholder="例如：2024年广州PM2.5平均浓度为23微克/立方米，空气质量达标344天。")
            run = gr.Button("核查", variant="primary", elem_id="run-check")
            result = gr.Dataframe(label="逐条结论", wrap=True, elem_id="check-table",
                                  column_widths=["26%", "8%", "33%", "33%"])
            copy = gr.Textbox(label="结果文本（可复制）", lines=6, buttons=["copy"], elem_id="check-text")
            run.click(fact_check, passage, [result, copy], api_name=False)
            hidden_p = gr.Textbox(visible=False)
            hidden_r = gr.JSON(visible=False)
            hidden_p.change(api_fact_check, hidden_p, hidden_r, api_name="fact_check")
        with gr.Tab("数据", id="data"):
            with gr.Row():
                topic = gr.Dropdown(["全部", *dict.fromkeys(topics.values())], value="全部", label="主题")
                district = gr.Dropdown(["全部", "全市", *districts], value="全部", label="地点")
                indicator = gr.Dropdown(pollutants, value="PM2.5", label="图表指标")
            chart = gr.HTML(elem_id="bar-chart")
            line = gr.HTML(elem_id="line-chart")
            table = gr.Dataframe(label="整理后的数据（每行附出处）", wrap=True, elem_id="data-table")
            for control in (topic, district, indicator):
                control.change(explore, [topic, district, indicator], [table, chart, line], api_name=False)
            app.load(explore, [topic, district, indicator], [table, chart, line], api_name=False)
    return app
