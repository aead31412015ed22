"""Gradio Blocks: 问答 (chat with evidence), 核查 (fact-check desk), 数据 (data explorer), 资料 (bulletins, upload).

Presentation only: every answer comes from `Assistant.ask` / `Assistant.fact_check`.
"""

from __future__ import annotations

import html
import re

import gradio as gr
import pandas as pd

from .core import Assistant
from .ingest import review_count
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


STAT_NAMES = {"value": "数值", "yoy": "同比", "vs2013": "比2013年", "target": "目标", "grade": "标准级别",
              "class": "类别", "rank": "排名", "group": "分组", "improvement": "改善情况", "streak": "连续年数",
              "since": "起始年份", "status": "状况", "limit": "标准限值"}
UPLOAD_TYPES = (".pdf", ".html", ".htm", ".txt", ".md")
MAX_UPLOAD_MB = 50


def bulletin_rows(assistant: Assistant) -> pd.DataFrame:
    """The 资料 tab's list: one row per bulletin in the corpus."""
    rows = []
    for b in sorted(assistant.bulletins.values(), key=lambda b: (b.info.region, b.info.year, b.info.months)):
        items = review_count(b.folder)
        m = b.tables.manifest
        rows.append([b.id, m.title, m.city, m.period, {"annual": "年报", "monthly": "月报", "cumulative": "累计"}.get(m.kind, m.kind),
                     len(b.tables.facts), items])
    return pd.DataFrame(rows, columns=["编号", "标题", "地区", "时间", "类型", "数据条数", "待核对"])


def upload_problem(path: str | None) -> str | None:
    """Why an uploaded file cannot be added (in Chinese), or None."""
    import os

    if not path:
        return "请先选择要上传的文件（PDF、HTML 或 TXT）。"
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in UPLOAD_TYPES:
        return f"不支持的文件类型“{suffix or '无扩展名'}”：只能上传 PDF、HTML 或 TXT/MD 文件。"
    size = os.path.getsize(path)
    if size > MAX_UPLOAD_MB * 1024 * 1024:
        return f"文件过大（{size / 1024 / 1024:.1f} MB）：上限为 {MAX_UPLOAD_MB} MB。"
    return None


def build_app(assistant: Assistant) -> gr.Blocks:
    districts = list(assistant.lexicon.districts) if assistant.default else []
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

    def bulletin_of(bid: str):
        return assistant.bulletins.get(bid) or assistant.default

    def chart_indicators(bid: str) -> list[str]:
        b = bulletin_of(bid)
        if b is None:
            return []
        f = b.tables.facts
        f = f[(f["stat"] == "value") & f["value"].notna() & f["place"].isin(list(b.lexicon.districts))]
        counts = f.groupby("indicator")["place"].nunique()
        return [k for k in counts.sort_values(ascending=False).index if counts[k] >= 2]

    def explore(bid: str, topic: str, place: str, indicator: str):
        b = bulletin_of(bid)
        if b is None:
            empty = pd.DataFrame(columns=["地点", "数值"])
            return pd.DataFrame(), empty, pd.DataFrame(columns=["年份", "数值"]), "资料库为空：请先在“资料”页添加公报。"
        f = b.tables.facts.copy()
        f["topic"] = f["indicator"].map(lambda k: topics.get(k, "其他"))
        if topic and topic != "全部":
            f = f[f["topic"] == topic]
        if place and place != "全部":
            f = f[f["place"] == place]
        table = f[["indicator", "place", "year", "stat", "value", "unit", "text_value", "section", "locator", "source", "note"]].copy()
        table["stat"] = table["stat"].map(lambda x: STAT_NAMES.get(x, x))
        table["place"] = table["place"].map(lambda x: b.rules._place_name(x))
        table = table.rename(columns={"indicator": "指标", "place": "地点", "year": "年份", "stat": "统计量", "value": "数值",
                                      "unit": "单位", "text_value": "文字值", "section": "章节", "locator": "出处",
                                      "source": "原文", "note": "配对/说明"})
        ranked = b.box.rank_districts(indicator) if indicator else []
        bars = pd.DataFrame([{"地点": ev.place, "数值": ev.value} for ev in ranked], columns=["地点", "数值"])
        limit = b.box.standard_limit(indicator) if indicator else None
        unit = ranked[0].unit if ranked else ""
        years = []
        for other in assistant.bulletins.values():  # the region's figure year by year, across its bulletins
            if other.info.region == b.info.region:
                years += [{"年份": str(ev.year), "数值": ev.value, "公报": other.info.title}
                          for ev in other.box.facts_for(indicator, "全市", "value") if ev.value is not None]
        series = pd.DataFrame(years, columns=["年份", "数值", "公报"]).drop_duplicates(["年份"]).sort_values("年份")
        note = f"{b.info.title} · 各{'市' if b.info.region.endswith('省') else '区'}{indicator or ''}"
        if unit:
            note += f"（{unit}）"
        if limit is not None:
            note += f" · 国家标准限值 {fmt(limit.value)}{limit.unit}（{limit.text_value}）"
        top = float(bars["数值"].max()) * 1.15 if len(bars) else 1.0
        return table, gr.update(value=bars, y_lim=[0, top]), series, note

    def refresh_controls(bid: str):
        b = bulletin_of(bid)
        inds = chart_indicators(bid)
        places = ["全部", "全市", *(list(b.lexicon.districts) if b else [])]
        return (gr.update(choices=places, value="全部"), gr.update(choices=inds, value=inds[0] if inds else None))

    def add_file(path, bid, title, city, period, progress=gr.Progress()):
        from .ingest import IngestError, add_bulletin

        problem = upload_problem(path)
        if problem:
            return bulletin_rows(assistant), f"未添加：{problem}（资料库未作改动）", gr.update()
        try:
            report = add_bulletin(path, assistant.settings, assistant.embedder, bulletin_id=(bid or None),
                                  title=title or None, city=city or None, period=period or None,
                                  progress=lambda f, desc: progress(f, desc=desc))
        except IngestError as exc:
            return bulletin_rows(assistant), f"未添加：{exc}（资料库与索引未作改动）", gr.update()
        except Exception as exc:  # noqa: BLE001 - a broken file must not break the app
            return bulletin_rows(assistant), f"未添加：文件无法处理（{type(exc).__name__}），资料库与索引未作改动。", gr.update()
        assistant.refresh()
        ids = list(assistant.bulletins)
        message = (f"已添加《{report.title}》（编号 {report.id}，{report.region or '地区未识别'}，{report.period}）："
                   f"{report.facts} 条数据，待核对 {report.review} 项，用时 {report.seconds} 秒。现在就可以提问。")
        return bulletin_rows(assistant), message, gr.update(choices=ids, value=report.id)

    def api_add(path, bid: str = "", title: str = "", city: str = "", period: str = "") -> dict:
        """Add a bulletin file (pdf/html/txt, at most 50 MB); the result says what was added or why not."""
        from .ingest import IngestError, add_bulletin

        problem = upload_problem(path)
        if problem:
            return {"status": "invalid", "message": problem}
        try:
            report = add_bulletin(path, assistant.settings, assistant.embedder, bulletin_id=bid or None, title=title or None,
                                  city=city or None, period=period or None, progress=False)
        except IngestError as exc:
            return {"status": "invalid", "message": str(exc)}
        except Exception as exc:  # noqa: BLE001
            return {"status": "invalid", "message": f"文件无法处理（{type(exc).__name__}）"}
        assistant.refresh()
        return {"status": "added", "id": report.id, "title": report.title, "region": report.region,
                "period": report.period, "facts": report.facts, "review": report.review, "seconds": report.seconds}

    with gr.Blocks(title="广州生态环境公报问答助手", analytics_enabled=False) as app:
        titles = "、".join(f"《{b.info.title}》" for b in list(assistant.bulletins.values())[:3])
        more = f"等 {len(assistant.bulletins)} 份公报" if len(assistant.bulletins) > 3 else ""
        gr.Markdown(f"## 广州生态环境公报问答助手\n依据{titles or '资料库中的公报'}{more}作答，每个数字都附出处并经过核对；"
                    "公报没有的数据会直说。")
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
            home = assistant.default
            with gr.Row():
                which = gr.Dropdown([(b.info.title, b.id) for b in assistant.bulletins.values()],
                                    value=home.id if home else None, label="公报", elem_id="data-bulletin")
                topic = gr.Dropdown(["全部", *dict.fromkeys(topics.values())], value="全部", label="主题")
                district = gr.Dropdown(["全部", "全市", *districts], value="全部", label="地点")
                inds = chart_indicators(home.id) if home else []
                indicator = gr.Dropdown(inds, value="PM2.5" if "PM2.5" in inds else (inds[0] if inds else None),
                                        label="图表指标")
            caption = gr.Markdown(elem_id="chart-caption")
            with gr.Row():
                chart = gr.BarPlot(x="地点", y="数值", label="各地数值", elem_id="bar-chart", sort="y")
                line = gr.LinePlot(x="年份", y="数值", label="历年数值（全地区）", elem_id="line-chart")
            table = gr.Dataframe(label="整理后的数据（每行附出处）", wrap=True, elem_id="data-table")
            which.change(refresh_controls, which, [district, indicator], api_name=False)
            for control in (which, topic, district, indicator):
                control.change(explore, [which, topic, district, indicator], [table, chart, line, caption], api_name=False)
            app.load(explore, [which, topic, district, indicator], [table, chart, line, caption], api_name=False)
        with gr.Tab("资料", id="library"):
            gr.Markdown("### 资料库中的公报\n上传 PDF、HTML 或 TXT 格式的公报（不超过 50 MB），系统自动识别章节、表格和数据，"
                        "每条数据附出处；无法确定的配对列入“待核对”，不作猜测。添加后即可提问，无需重启。")
            listing = gr.Dataframe(bulletin_rows(assistant), label="公报列表", wrap=True, elem_id="library-table")
            # no file_types here: Gradio would refuse other types itself, in English; upload_problem says it in Chinese
            upload = gr.File(label="上传公报文件（PDF、HTML 或 TXT，不超过 50 MB）", type="filepath", elem_id="upload")
            with gr.Accordion("可选：指定编号、标题、地区、时间（默认从文件识别）", open=False):
                with gr.Row():
                    new_id = gr.Textbox(label="编号", placeholder="如 guangzhou-2025")
                    new_title = gr.Textbox(label="标题")
                    new_city = gr.Textbox(label="地区", placeholder="如 广州市")
                    new_period = gr.Textbox(label="时间", placeholder="2025 / 2025-03 / 2025-01~03")
            add = gr.Button("添加到资料库", variant="primary", elem_id="add")
            status = gr.Markdown(elem_id="add-status")
            add.click(add_file, [upload, new_id, new_title, new_city, new_period], [listing, status, which], api_name=False)
            hidden_f = gr.File(visible=False, type="filepath")
            hidden_o = gr.JSON(visible=False)
            hidden_btn = gr.Button(visible=False)
            hidden_btn.click(api_add, [hidden_f, new_id, new_title, new_city, new_period], hidden_o, api_name="add")
    return app
