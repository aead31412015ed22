"""`add`: documents this project wrote itself (its own words, made-up figures) become bulletin folders with typed
facts and provenance, answerable at once, across bulletins. A real embedder and real Chroma stores throughout.

The documents in tests/docs/: a provincial monthly HTML page with a <table> (11 cities), a district monthly report
as text with its table printed one cell per line, a multi-page PDF rendered here with a ruled table, and a 2025
annual report laid out like the 2024 bulletin with every figure changed.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from assistant.ingest import IngestError, add_bulletin, list_bulletins, remove_bulletin
from assistant.ingest.facts import PlaceFinder, _table_units, extract, period_named
from assistant.ingest.meta import Period
from assistant.ingest.read import Table
from assistant.ingest.structure import Block, pair_cells, structure
from tests.docs.render import cjk_font, render_pdf

DOCS = Path(__file__).parent / "docs"
ROOT = Path(__file__).resolve().parents[1]


def has(text: str, figure: float) -> bool:
    from assistant.answer import numbers

    return any(abs(v - figure) < 1e-9 for v, _ in numbers(text))


@pytest.fixture
def empty(tmp_path, settings):
    """A new deployment: a corpus folder holding only the shared lexicon, and an empty index."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "lexicon.yaml", corpus)
    return dataclasses.replace(settings, corpus_dir=corpus, index_dir=tmp_path / "index", bulletin="none")


@pytest.fixture
def pdf(tmp_path) -> Path:
    if cjk_font() is None:
        pytest.skip("no CJK font (fonts-wqy-microhei); .ci/run installs it")
    return render_pdf(DOCS / "hefei-2024.json", tmp_path / "hefei-2024.pdf")


def _add(path, s, embedder, **kw):
    return add_bulletin(path, s, embedder, progress=False, **kw)


def _assistant_with(text: str, s, embedder, tmp_path):
    """An assistant over a new deployment holding one text report this test wrote (its own words and figures)."""
    from assistant.core import Assistant

    doc = tmp_path / "report.txt"
    doc.write_text(text, encoding="utf-8")
    _add(doc, s, embedder)
    return Assistant(s)


# -- reading and pairing, pure -------------------------------------------------------------------------
def test_cells_printed_row_by_row_or_column_by_column_are_paired_only_when_certain():
    rows = pair_cells("区 PM2.5 PM10 甲区 22 37 乙区 24 40".split())
    assert rows.header == ["区", "PM2.5", "PM10"] and rows.rows == [["甲区", "22", "37"], ["乙区", "24", "40"]]
    cols = pair_cells("区 甲区 乙区 PM2.5 22 23 PM10 37 38".split())
    assert cols.header == ["区", "甲区", "乙区"] and cols.rows[0] == ["PM2.5", "22", "23"]  # turned round later
    assert pair_cells("甲区 乙区 丙区 18 20 24".split()) is None  # names, then sorted figures: not certain
    assert pair_cells("区 PM2.5 甲区 22 乙区".split()) is None  # counts do not fit
    # a running number (序号) first, bare class numerals and 不达标: the number goes, the rest pairs by kind
    sites = pair_cells("序号 断面名称 水质目标 水质类别 是否达标 1 东桥 Ⅲ Ⅱ 达标 2 西闸 Ⅲ Ⅳ 不达标 3 北渡 Ⅱ Ⅱ 达标".split())
    assert sites.header == ["断面名称", "水质目标", "水质类别", "是否达标"] and sites.rows[1] == ["西闸", "Ⅲ", "Ⅳ", "不达标"]
    # a rank column first (排名, 1, 2, 3 …) stays a column; the names and figures pair as before
    ranked = pair_cells("排名 区 综合指数 1 东区 3.10 2 南区 3.25 3 西区 3.40".split())
    assert ranked.header == ["排名", "区", "综合指数"] and ranked.rows[2] == ["3", "西区", "3.40"]
    assert pair_cells("排名 区 综合指数 1 东区 3.10 2 南区 3.25 2 西区 3.40".split()) is None  # a tie: not a running number
    assert pair_cells("序号 断面名称 水质类别 1 东桥 Ⅱ 3 西闸 Ⅳ 2 北渡 Ⅱ".split()) is None  # numbers out of order


def test_a_word_table_under_a_caption_keeps_its_header_and_a_target_column_is_not_the_class():
    text = ("甲市2030年5月河流水质月报\n一、总体情况\n全市4个断面水质均达到目标。\n"
            "附表 2030年5月甲市断面水质状况\n断面名称\n所在河流\n水质目标\n水质类别\n超标项目\n"
            "东桥\n甲河\nⅢ类\nⅡ类\n—\n西闸\n乙河\nⅢ类\nⅣ类\n总磷（0.2）\n"
            "南渡\n丙河\nⅡ类\nⅡ类\n—\n北湾\n丁河\nⅣ类\nⅣ类\n—\n")
    tables = [b.table for b in structure(text).blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].header[:4] == ["断面名称", "所在河流", "水质目标", "水质类别"]
    assert tables[0].caption.startswith("附表")  # the caption's space after 附表 went with the layout spaces
    places = PlaceFinder({n: () for n in ("东桥", "西闸", "南渡", "北湾")})
    from assistant.lexicon import load_lexicon

    lex = load_lexicon(ROOT / "corpus", ROOT / "corpus" / "none")
    out = extract(structure(text).blocks, lex, places, 2030)
    classes = {(f["place"], f["text_value"]) for f in out.facts if f["stat"] == "class"}
    assert ("西闸", "Ⅳ类") in classes and ("东桥", "Ⅱ类") in classes
    assert ("西闸", "Ⅲ类") not in classes and ("东桥", "Ⅲ类") not in classes  # 水质目标 is not the class found


def test_a_sentence_opened_by_a_comparison_types_each_places_change():
    """与去年同期相比，…其中丙区降幅最大，为12.0%；…丁区不降反升，上升3.1%: each place's change on the year (made up)."""
    from assistant.lexicon import load_lexicon

    lex = load_lexicon(ROOT / "corpus", ROOT / "corpus" / "none")
    text = ("甲市2030年5月空气质量通报\n一、PM2.5\n5月，各区PM2.5浓度范围为20～30微克/立方米。与去年同期相比，5个区PM2.5浓度下降，"
            "其中丙区降幅最大，为12.0%；戊区与去年同期持平；丁区不降反升，上升3.1%。\n")
    places = PlaceFinder({n: () for n in ("丙区", "丁区", "戊区")})
    facts = {(f["place"], f["stat"]): float(f["value"]) for f in extract(structure(text).blocks, lex, places, 2030, periodic=True).facts}
    assert facts[("丙区", "yoy")] == -12.0 and facts[("丁区", "yoy")] == 3.1 and facts[("戊区", "yoy")] == 0
    assert ("丙区", "value") not in facts  # 15.0% is a change, not a concentration


def test_the_rest_of_the_districts_get_their_status_only_when_the_count_adds_up():
    """丁区超标，其余3个区达标 (made up): the named district and, since 1 + 3 = the 4 districts, each of the rest; a
    count that does not add up, or an exception (除…外), pairs nothing."""
    from assistant.lexicon import load_lexicon

    lex = load_lexicon(ROOT / "corpus", ROOT / "corpus" / "none")
    names = ("甲区", "乙区", "丙区", "丁区")

    def grades(sentence: str, units=names) -> tuple[dict, list]:
        text = f"乙市2030年环境状况公报\n一、环境空气\n{sentence}\n"
        out = extract(structure(text).blocks, lex, PlaceFinder({n: () for n in names}, set(units)), 2030)
        return {(f["place"], f["indicator"]): f["text_value"] for f in out.facts if f["stat"] == "grade"}, out.review

    found, review = grades("各区臭氧浓度呈现东高西低的特征，丁区超标，其余3个区达标。")
    assert found[("丁区", "臭氧")] == "超标" and not review
    assert all(found[(n, "臭氧")].startswith("达标（据“其余3个区达标”") for n in ("甲区", "乙区", "丙区"))
    found, review = grades("各区臭氧浓度呈现东高西低的特征，丁区超标，其余5个区达标。")
    assert ("甲区", "臭氧") not in found and any("其余5个" in r for r in review)
    found, _ = grades("各区臭氧浓度呈现东高西低的特征，除丁区外均达标。")
    assert ("丁区", "臭氧") not in found
    found, _ = grades("各区臭氧浓度呈现东高西低的特征，丁区接近超标。")
    assert ("丁区", "臭氧") not in found


@pytest.mark.parametrize("line", ["（一）区域声环境。城市区域声环境昼间等效声级平均值为53.1",
                                  "(二)区域声环境．全市区域声环境昼间等效声级平均值为53.1",
                                  "（三）声环境质量。昼间区域声环境等效声级均值为53.1"])
def test_a_run_in_heading_keeps_its_sentence_as_the_sections_text(line):
    """（一）区域声环境。城市区域…为53.1 (made-up figure) wrapped before its unit: the words before 。 head the section,
    the sentence after them is its text, joined with the wrapped rest (dB(A)，同比下降0.4 dB(A)。)."""
    blocks = structure(f"四、声环境\n{line}\ndB(A)，同比下降0.4 dB(A)。\n").blocks
    text = [b for b in blocks if b.kind == "text"]
    assert len(text) == 1 and "53.1dB(A)" in text[0].text.replace(" ", "") and "0.4" in text[0].text, blocks
    assert text[0].section[-1] == re.split(r"[。．]", line)[0], text[0].section


def test_a_line_ending_in_a_bracket_goes_on_when_the_next_line_continues_the_sentence():
    text = ("甲市2030年环境状况公报\n二、环境空气质量\n全市达标天数为300天，同比增加5天；优良天数比率（AQI达标率）\n"
            "为88.8%，同比上升1.1个百分点。\n（一）分区状况\n各区浓度见表1（单位：微克/立方米）\n各区均达标。\n")
    prose = [b.text for b in structure(text).blocks if b.kind != "table"]
    assert any("（AQI达标率）为88.8%" in t for t in prose), prose
    assert not any("（单位：微克/立方米）各区均达标" in t for t in prose), prose  # a new sentence stays apart


def test_a_unit_line_applies_to_the_whole_table_with_its_exceptions():
    default, extra = _table_units("单位：微克/立方米（一氧化碳:毫克/立方米，综合指数无量纲）")
    assert default == "微克/立方米" and extra == {"一氧化碳": "毫克/立方米", "综合指数": ""}
    # every column named, with no unit for the rest: no default, and names sharing one unit (PM2.5、PM10为…)
    default, extra = _table_units("单位：优良天数比率为%；PM2.5、PM10为微克/立方米；综合指数无量纲")
    assert default == "" and extra == {"优良天数比率": "%", "PM2.5": "微克/立方米", "PM10": "微克/立方米", "综合指数": ""}


@pytest.mark.parametrize("text,label", [("2024年", "2024"), ("2023年7月", "2023-07"), ("2023年1-7月", "2023-01~07"),
                                        ("2023-07", "2023-07"), ("2023-01~07", "2023-01~07")])
def test_periods_annual_monthly_and_cumulative(text, label):
    assert Period.parse(text).label == label


def test_prose_figures_are_typed_by_the_words_before_them(lexicon):
    text = ("2030年，甲市PM2.5平均浓度为17微克/立方米（省考目标20微克/立方米），同比下降5.6%，比2013年下降60.0%，"
            "连续3年达到国家二级标准（标准限值：35微克/立方米）；优良天数为330天，同比增加6天；"
            "各区PM10浓度在30～45微克/立方米之间。")
    out = extract([Block(("一、环境空气",), "text", text)], lexicon, PlaceFinder({}), 2030)
    got = {(f["indicator"], f["stat"], f["value"]) for f in out.facts}
    assert {("PM2.5", "value", "17"), ("PM2.5", "target", "20"), ("PM2.5", "yoy", "-5.6"), ("PM2.5", "vs2013", "-60"),
            ("PM2.5", "streak", "3"), ("达标天数", "value", "330"), ("达标天数", "yoy", "6")} <= got
    assert not any(f["indicator"] == "PM10" for f in out.facts)  # a range is no district's figure
    assert out.standards[0]["limit"] == 35 and out.standards[0]["grade"] == "二级"
    assert all(f["source"] == text for f in out.facts)  # the exact sentence travels with every figure


def test_a_target_in_brackets_a_year_earlier_and_points_above_it_are_typed(lexicon):
    """目标（90.0%）is the target; the points after it are a gap, never a value; （2029年同期为30…）is the year before."""
    text = ("2030年1-4月，全市优良天数比率为91.2%，高于省考目标（90.0%）1.2个百分点；"
            "PM2.5平均浓度为27微克/立方米，同比下降3.6%（2029年同期为28微克/立方米）。")
    out = extract([Block(("一、环境空气",), "text", text)], lexicon, PlaceFinder({}), 2030)
    got = {(f["indicator"], f["stat"], f["value"], f["year"]) for f in out.facts}
    assert {("优良天数比率", "value", "91.2", 2030), ("优良天数比率", "target", "90", 2030),
            ("PM2.5", "value", "27", 2030), ("PM2.5", "value", "28", 2029)} <= got, got
    assert not any(f["value"] == "1.2" for f in out.facts)


def test_a_status_column_is_each_sites_status_and_a_bare_rank_column_follows_the_column_the_text_ranks_by(lexicon):
    water = Table(header=["断面名称", "所在水体", "水质目标", "水质类别", "是否达标"],
                  rows=[["东坝", "甲江", "Ⅱ类", "Ⅱ类", "是"], ["西岭", "乙河", "Ⅲ类", "Ⅳ类", "否"]])
    out = extract([Block(("附表",), "table", "", water)], lexicon, PlaceFinder({"东坝": (), "西岭": ()}), 2030)
    got = {(f["indicator"], f["place"], f["stat"], f["text_value"]) for f in out.facts}
    assert ("水质类别", "西岭", "grade", "未达标（水质目标Ⅲ类）") in got and ("水质类别", "东坝", "class", "Ⅱ类") in got
    assert not out.review  # the water body and the target are said with the status, not left unread
    cities = Table(header=["排名", "城市", "综合指数", "优良天数比率（%）", "PM2.5"],
                   rows=[["1", "甲市", "2.9", "96.1", "21"], ["2", "乙市", "3.2", "93.0", "19"], ["3", "丙市", "3.6", "88.4", "30"]])
    said = "按照环境空气质量综合指数由小到大排序，甲市排名第一。"
    places = PlaceFinder({"甲市": (), "乙市": (), "丙市": ()})
    out = extract([Block(("一",), "text", said), Block(("表",), "table", "", cities)], lexicon, places, 2030)
    assert ("空气质量综合指数", "乙市", "rank", "2") in {(f["indicator"], f["place"], f["stat"], f["value"]) for f in out.facts}
    out = extract([Block(("表",), "table", "", cities)], lexicon, places, 2030)  # two columns follow; the text says none
    assert {f["indicator"] for f in out.facts if f["stat"] == "rank"} == {"排名"}


def test_bare_class_numerals_and_a_year_earlier_column_and_the_sections_target_rate(lexicon):
    """A class column may print Ⅲ for Ⅲ类; 上年同期水质类别 is the year before's class, never this year's; the share
    of sections meeting their targets (按照水质目标考核…达标率为…) is its own indicator, not the drinking water's."""
    table = Table(header=["断面名称", "水质目标", "本月水质类别", "上年同期水质类别", "是否达标"],
                  rows=[["甲闸", "Ⅲ", "Ⅱ", "Ⅳ", "是"], ["乙渡", "Ⅲ", "Ⅴ", "Ⅲ", "否"]])
    text = ("按照水质目标考核，10个断面中有8个断面达到水质目标要求，达标率为80.0%，同比上升10.0个百分点。"
            "全市4个集中式饮用水水源地取水水质达标率为100%。"
            "1-6月，全市8个断面中6个断面达到水质目标，累计达标率为75.0%。")
    out = extract([Block(("一",), "text", text), Block(("表",), "table", "", table)], lexicon,
                  PlaceFinder({"甲闸": (), "乙渡": ()}), 2030)
    got = {(f["indicator"], f["place"], f["year"], f["stat"], f["value"] or f["text_value"]) for f in out.facts}
    assert {("水质类别", "甲闸", 2030, "class", "Ⅱ类"), ("水质类别", "甲闸", 2029, "class", "Ⅳ类"),
            ("水质类别", "乙渡", 2030, "grade", "未达标（水质目标Ⅲ类）"), ("断面水质达标率", "全市", 2030, "value", "80"),
            ("断面水质达标率", "全市", 2030, "yoy", "10"), ("饮用水水源地水质达标率", "全市", 2030, "value", "100"),
            ("断面水质达标率", "全市", 2030, "value", "75")} <= got, got
    assert not out.review


def test_a_table_column_with_an_unknown_name_is_kept_under_its_own_name(lexicon):
    table = Table(header=["区", "PM2.5", "负离子浓度（个/立方厘米）"], rows=[["甲区", "20", "1500"], ["乙区", "22", "1300"]])
    out = extract([Block(("表",), "table", "", table)], lexicon, PlaceFinder({"甲区": (), "乙区": ()}), 2030)
    assert {(f["indicator"], f["place"], f["value"], f["unit"]) for f in out.facts} >= {
        ("负离子浓度", "甲区", "1500", "个/立方厘米"), ("PM2.5", "乙区", "22", "")}


def test_a_pollutants_name_before_月均_names_no_month():
    """PM10月均浓度 and PM2.5月均浓度 are monthly means, not October or May; 9月 and 1-9月 are periods."""
    from assistant.route import MONTH, MONTH_RANGE

    assert period_named("蓟州区PM2.5月均浓度最低", 2030) == "" and period_named("PM10月均浓度为52", 2030) == ""
    assert period_named("9月，全市PM10月均浓度", 2030) == "2030-09" and period_named("1-9月累计", 2030) == "2030-01~09"
    assert not MONTH.search("天津pm10月均浓度是多少") and not MONTH.search("pm2.5月均值")
    assert MONTH.search("天津9月pm2.5").group(2) == "9" and MONTH_RANGE.search("1-9月累计")


def test_a_pollutant_column_named_by_its_statistic_is_that_pollutant(lexicon):
    """O3-8h第90百分位浓度 and 臭氧日最大8小时滑动平均值第90百分位浓度 are 臭氧's columns; CO日均值第95百分位 is 一氧化碳's."""
    table = Table(header=["区", "O3-8h第90百分位浓度", "CO日均值第95百分位浓度", "PM10年均浓度"],
                  rows=[["甲区", "151", "0.9", "48"], ["乙区", "160", "1.1", "52"]])
    out = extract([Block(("表",), "table", "", table)], lexicon, PlaceFinder({"甲区": (), "乙区": ()}), 2030)
    assert {(f["indicator"], f["place"], f["value"]) for f in out.facts} >= {
        ("臭氧", "甲区", "151"), ("一氧化碳", "乙区", "1.1"), ("PM10", "乙区", "52")}


def test_the_2024_text_wraps_and_tables_are_structured(raw_text):
    st = structure(raw_text)
    texts = [b.text for b in st.blocks if b.kind == "text"]
    assert any("AQI达标率为94.0%（省考目标90.5%），同比增加3.6个百分点" in t for t in texts)  # wraps undone
    assert st.review  # the tables printed apart are listed for review, never paired by guessing


# -- add, end to end -------------------------------------------------------------------------------------
def test_an_empty_corpus_then_add_html_answers_at_once(empty, embedder):
    from assistant.core import EMPTY, Assistant

    a = Assistant(empty)
    assert a.ask("2023年7月宁波市PM2.5是多少？").text == EMPTY
    report = _add(DOCS / "zhejiang-2023-07.html", empty, embedder)
    assert report.id == "zhejiang-2023-07" and report.period == "2023-07" and report.region == "浙江省"
    folder = empty.corpus_dir / report.id
    assert {p.name for p in folder.iterdir()} >= {"manifest.yaml", "bulletin.txt", "structured.md", "places.yaml",
                                                  "tables", "review.md"}
    assert "首页" not in (folder / "bulletin.txt").read_text(encoding="utf-8")  # navigation is not content
    a.refresh()
    answer = a.ask("2023年7月宁波市的优良天数比率是多少？")
    assert answer.status == "answered" and has(answer.text, 90.3)
    assert answer.citations[0]["source"] == report.title and "90.3" in answer.citations[0]["text"]
    ranked = a.ask("2023年7月浙江各设区市中臭氧浓度最高的是哪里？")
    assert "嘉兴" in ranked.text and has(ranked.text, 176)
    assert a.ask("2023年7月义乌市PM2.5浓度是多少？").status == "not_found"  # a city the report does not cover


def test_text_with_a_table_printed_cell_by_cell(empty, embedder):
    from assistant.core import Assistant

    _add(DOCS / "foshan-2024-03.txt", empty, embedder)
    a = Assistant(empty)
    assert has(a.ask("2024年3月佛山市南海区PM10浓度是多少？").text, 52)
    low = a.ask("2024年3月佛山市各区中二氧化氮浓度最低的是哪个区？")
    assert "高明" in low.text and has(low.text, 22)


def test_a_month_is_never_checked_against_the_months_so_far(empty, embedder, tmp_path):
    """A monthly report (made-up figures) states the month and, in its own section, the months so far: a claim
    about the month is checked against the month's figure, and the cumulative sentence never supports it."""
    a = _assistant_with("韶关市2030年5月环境空气质量状况通报\n韶关市生态环境局\n一、全市环境空气质量状况\n（一）5月份情况\n"
                        "5月，全市优良天数为25天，同比增加3天，优良天数比率为80.6%，同比上升9.7个百分点。\n"
                        "（二）1-5月累计情况\n1-5月，全市PM2.5累计平均浓度为41微克/立方米，同比下降4.7%；"
                        "累计优良天数96天，同比增加6天，优良天数比率为63.6%，同比上升4.0个百分点。\n",
                        empty, embedder, tmp_path)
    month = a.ask("核实：2030年5月韶关市优良天数比率为63.6%。")
    assert month.verdict == "refuted" and has(month.text, 80.6), month.text
    assert "1-5月累计的数值" in month.text, month.text  # the claimed figure is the months so far: said so
    assert a.ask("核实：2030年5月韶关市优良天数比率为80.6%。").verdict == "supported"
    assert a.ask("核实：2030年1-5月韶关市优良天数比率为63.6%。").verdict == "supported"


def test_a_water_report_answers_each_sections_class_and_a_name_split_by_a_note(empty, embedder, tmp_path):
    """A monthly water report (made-up figures): a name split by a bracketed note is still read, and each
    section's class in the word table answers 水质类别 questions; the target column is never the class."""
    a = _assistant_with("2030年4月韶关市地表水环境质量状况\n韶关市生态环境局\n一、总体情况\n"
                        "2030年4月，全市4个断面中，水质优良（达到或优于Ⅲ类）断面比例为75.0%，与去年同期持平。\n"
                        "附表 2030年4月韶关市断面水质状况\n断面名称\n所在河流\n水质目标\n水质类别\n超标项目\n"
                        "东桥\n甲河\nⅢ类\nⅡ类\n—\n西闸\n乙河\nⅢ类\nⅣ类\n总磷（0.2）\n"
                        "南渡\n丙河\nⅡ类\nⅡ类\n—\n北湾\n丁河\nⅣ类\nⅣ类\n—\n", empty, embedder, tmp_path)
    share = a.ask("2030年4月韶关市水质优良断面比例是多少？")
    assert share.status == "answered" and has(share.text, 75.0), share.text
    west = a.ask("2030年4月韶关市西闸断面水质类别是什么？")
    assert west.status == "answered" and ("Ⅳ类" in west.text or "IV类" in west.text) and "Ⅲ类" not in west.text, west.text


def test_sites_ranked_by_class_and_each_sites_stated_status(empty, embedder, tmp_path):
    """A water report (made-up figures) whose table gives each section's class, target and 是否达标: the best and
    worst sections by class, the sections of a class named (Ⅲ类 is not Ⅱ类), a section's status, and a section
    named with its river."""
    a = _assistant_with("2030年6月清远市地表水环境质量状况\n清远市生态环境局\n一、总体情况\n"
                        "2030年6月，全市5个断面中，水质优良（达到或优于Ⅲ类）断面比例为60.0%，与去年同期持平。\n"
                        "乙河西岭断面未达到Ⅲ类水质目标，主要超标项目为氨氮。与去年同期相比，该断面水质由劣Ⅴ类好转为Ⅳ类。\n"
                        "附表 2030年6月清远市断面水质状况\n断面名称\n所在水体\n水质目标\n水质类别\n是否达标\n"
                        "东坝\n甲江\nⅡ类\nⅡ类\n是\n西岭\n乙河\nⅢ类\nⅣ类\n否\n南塘\n丙河\nⅢ类\nⅢ类\n是\n"
                        "北港\n丁河\nⅣ类\nⅣ类\n是\n中洲\n戊江\nⅢ类\nⅡ类\n是\n", empty, embedder, tmp_path)
    best = a.ask("2030年6月清远市哪个断面水质最好？").text
    assert "东坝" in best and "中洲" in best and "西岭" not in best, best
    worst = a.ask("清远市6月份水质最差的是哪几个断面").text
    assert "西岭" in worst and "北港" in worst and "东坝" not in worst, worst
    third = a.ask("2030年6月清远市哪些断面是Ⅲ类水？").text
    assert "南塘" in third and "东坝" not in third, third
    west = a.ask("2030年6月清远市西岭断面达标了吗？")
    assert west.status == "answered" and "未达标" in west.text, west.text
    south = a.ask("南塘断面达没达标？").text
    assert "达标" in south and "未达标" not in south, south
    river = a.ask("2030年6月乙河西岭断面是几类水？").text
    assert "Ⅳ类" in river or "IV类" in river, river
    change = a.ask("2030年6月清远市西岭断面水质和去年同期比有什么变化？")
    assert change.status == "answered" and "好转" in change.text and "西岭" in change.text, change.text
    every = a.ask("核实：2030年6月清远市5个断面全部达到水质目标。")
    assert every.verdict == "refuted" and "西岭" in every.text, every.text
    assert a.ask("核实：2030年6月清远市5个断面水质均达到或优于Ⅳ类。").verdict == "supported"
    worse = a.ask("核实：2030年6月清远市所有断面水质均达到或优于Ⅲ类。")
    assert worse.verdict == "refuted" and "西岭" in worse.text and "北港" in worse.text, worse.text
    # a section's status claimed is checked against the one its row states
    for false in ("有市民说2030年6月清远西岭断面水质达标了，是真的吗？", "核实：6月南塘断面未达标", "听说6月北港断面超标了"):
        assert a.ask(false).verdict == "refuted", false
    for true in ("核实：2030年6月清远市西岭断面水质未达标", "网上说6月东坝断面达标了，对吗", "核实：6月中洲断面达标"):
        assert a.ask(true).verdict == "supported", true


def test_a_ranking_said_in_words_is_each_places_group_and_answers_the_end_asked(empty, embedder, tmp_path):
    """A report (made-up figures) that ranks its counties only in a sentence (排名前三位的县依次为…): each county
    named gets its group, and the end asked is answered with them, not with the city's own figure."""
    a = _assistant_with("2030年8月某市环境空气质量状况\n某市生态环境局\n一、总体情况\n"
                        "8月，全市环境空气质量综合指数为3.95，同比改善2.2%。\n二、排名\n"
                        "按环境空气质量综合指数由小到大排序，8月全市排名前三位的县依次为甲县、乙县、丙县，"
                        "排名后三位的县依次为丁县、戊县、己县。\n", empty, embedder, tmp_path)
    worst = a.ask("2030年8月综合指数排名后三位的县是哪几个？")
    assert worst.status == "answered" and all(n in worst.text for n in ("丁县", "戊县", "己县")), worst.text
    best = a.ask("2030年8月空气质量排名前三的县有哪些")
    assert all(n in best.text for n in ("甲县", "乙县", "丙县")), best.text
    off = a.ask("2030年8月甲县的鱼多不多")  # neither the opening lines nor another bulletin's topics are the answer
    assert off.status == "not_found" and "海洋" not in off.text and "生态环境局" not in off.text, off.text



def test_a_top_group_said_in_order_gives_each_place_its_rank(empty, embedder, tmp_path):
    """排名前三位的依次为始兴县、乳源县、仁化县 (made-up order): 1st, 2nd, 3rd; a count of the places ranked (全市
    7个县中) is no claimed figure, and 乳源县 is 乳源瑶族自治县."""
    a = _assistant_with("2030年8月韶关市环境空气质量状况\n韶关市生态环境局\n一、排名\n"
                        "8月，按环境空气质量综合指数排名，全市排名前三位的县（市、区）依次为始兴县、乳源县、仁化县。\n",
                        empty, embedder, tmp_path)
    second = a.ask("有人说2030年8月乳源县空气质量综合指数在全市7个县（市、区）中排第一，对吗？")
    assert second.verdict == "refuted" and "始兴" in second.text, second.text
    assert a.ask("核实：2030年8月韶关市7个县（市、区）环境空气质量排名第一的是始兴县。").verdict == "supported"


def test_a_class_of_the_year_before_is_never_this_years(empty, embedder, tmp_path):
    """A table (made-up figures) printing this month's class and the same month last year's: the worst section is
    this month's worst, whatever it was the year before."""
    a = _assistant_with("2030年7月韶关市地表水环境质量状况\n韶关市生态环境局\n一、总体情况\n"
                        "2030年7月，全市3个断面水质优良比例为66.7%。\n表1 2030年7月韶关市断面水质状况\n"
                        "断面名称\n所在水体\n水质目标\n本月水质类别\n上年同期水质类别\n是否达标\n"
                        "甲闸\n甲河\nⅢ\nⅡ\n劣Ⅴ\n是\n乙渡\n乙河\nⅢ\nⅣ\nⅢ\n否\n丙桥\n丙河\nⅢ\nⅢ\nⅢ\n是\n",
                        empty, embedder, tmp_path)
    worst = a.ask("2030年7月韶关市水质最差的断面是哪个？").text
    assert "乙渡" in worst and "甲闸" not in worst, worst
    # the change asked of a section: its two classes and which way it went, by class order
    better = a.ask("2030年7月甲闸断面水质和去年同期比有什么变化？").text
    assert "Ⅱ类" in better and "劣Ⅴ类" in better and "好转" in better, better
    assert "变差" in a.ask("2030年7月乙渡断面水质同比变化如何？").text
    assert "持平" in a.ask("2030年7月丙桥断面水质比去年同期怎样？").text


def test_a_second_part_comparing_with_last_year_stays_with_the_first_parts_bulletin(empty, embedder, tmp_path):
    """Two bulletins (made-up figures): a month's report of one city and another city's annual bulletin. 比去年同期
    怎样 after a question on the month is about that month's report, never answered from the other bulletin."""
    from assistant.core import Assistant

    month = tmp_path / "month.txt"
    month.write_text("韶关市2030年5月环境空气质量状况通报\n韶关市生态环境局\n一、全市环境空气质量状况\n"
                     "5月，全市优良天数比率为80.6%，同比上升9.7个百分点；重污染天数为1天，同比减少2天。\n", encoding="utf-8")
    annual = tmp_path / "annual.txt"
    annual.write_text("2030年清远市生态环境状况公报\n清远市生态环境局\n一、环境空气\n"
                      "2030年，全市优良天数比率为93.1%，同比上升1.1个百分点。\n", encoding="utf-8")
    _add(month, empty, embedder)
    _add(annual, empty, embedder)
    a = Assistant(empty)
    both = a.ask("2030年5月韶关市重污染天数是多少天？比去年同期怎样？").text
    assert "清远" not in both and "93.1" not in both and has(both, 1), both


def test_a_place_name_inside_the_reports_own_place_is_no_other_place(empty, embedder, tmp_path):
    """南平城区 is 南平 + 城区, not the gazetteer's 平城区 (another city's district): the question is answered from
    the report, while a district it does not cover is still not found (made-up figures)."""
    a = _assistant_with("2030年南平市生态环境状况公报\n南平市生态环境局\n一、声环境\n"
                        "2030年，南平城区昼间区域声环境等效声级平均值为52.7分贝，同比下降0.3分贝。\n", empty, embedder, tmp_path)
    town = a.ask("2030年南平城区昼间区域声环境等效声级是多少？")
    assert town.status == "answered" and has(town.text, 52.7), town.text
    assert a.ask("2030年大同市平城区昼间区域声环境等效声级是多少？").status == "not_found"


def test_a_monthly_report_named_by_its_issue_number_with_units_in_letters(empty, embedder, tmp_path):
    """A 月报 whose title says only its issue number (第5期) and whose date line is the day it was issued: its
    period is the month the text reports on. Units written in letters (μg/m³) are units; a period said at the
    start of a paragraph holds for its next sentences (made-up figures)."""
    a = _assistant_with("韶关市环境空气质量月报\n（2030年第5期）\n韶关市生态环境局    2030年6月12日\n"
                        "一、总体状况\n2030年5月，全市优良天数比率为90.3%，同比上升3.2个百分点。5月，全市PM2.5平均浓度为"
                        "17μg/m³，同比下降5.6%；一氧化碳日均值第95百分位浓度为0.7mg/m³。\n"
                        "2030年1-5月，全市优良天数比率为86.1%，同比上升1.5个百分点。PM2.5累计平均浓度为26μg/m³，"
                        "同比下降3.7%；臭氧日最大8小时平均第90百分位浓度为139μg/m³，同比上升2.2%。\n",
                        empty, embedder, tmp_path)
    [folder] = list_bulletins(empty.corpus_dir)
    assert "period: 2030-05" in (folder / "manifest.yaml").read_text(encoding="utf-8")
    month = a.ask("2030年5月韶关市PM2.5平均浓度是多少？")
    assert has(month.text, 17) and not has(month.text, 26), month.text
    assert has(a.ask("2030年5月韶关市一氧化碳浓度是多少？").text, 0.7)
    so_far = a.ask("2030年1-5月韶关市PM2.5累计平均浓度是多少？")
    assert has(so_far.text, 26) and not has(so_far.text, 17), so_far.text
    ozone = a.ask("2030年5月韶关市臭氧浓度是多少？")  # stated for 1-5月 only: never given as the month's
    assert not has(ozone.text, 139) or "1-5月" in ozone.text, ozone.text


def test_a_web_page_is_read_without_its_site_chrome_and_prefectures_by_their_short_names(empty, embedder, tmp_path):
    """A saved provincial page (its own words, made-up figures): the top bar, menu, breadcrumbs and footer are
    not content; the region is the issuer's province, not the first prefecture named; 甘南州 in the table is
    甘南藏族自治州; the table's caption is the line that introduces it."""
    from assistant.core import Assistant

    rows = [("1", "甘南州", "2.10", "12"), ("2", "陇南市", "2.55", "16"), ("3", "临夏州", "2.90", "19"),
            ("4", "兰州市", "4.05", "33")]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>2030年1—4月全省重点城市空气质量排名_甘肃省生态环境厅</title></head><body>"
        "<div class='top-bar'>欢迎访问本站 | 无障碍浏览 | 手机版</div><ul class='nav'><li>首页</li><li>信息公开</li></ul>"
        "<div class='crumbs'>当前位置：首页 &gt; 环境质量</div><div class='article'>"
        "<h2>2030年1—4月全省重点城市空气质量排名</h2><div class='article-info'>发布时间：2030-05-09 浏览次数：88</div>"
        "<p>2030年1—4月，甘南州等4个重点城市PM2.5平均浓度为20μg/m³，同比下降4.8%。按综合指数评价，"
        "排名第一的是甘南州，末位是兰州市。</p><p>各城市排名情况如下：</p>"
        "<table><tr><th>排名</th><th>城市</th><th>综合指数</th><th>PM2.5浓度(μg/m³)</th></tr>"
        + "".join(f"<tr><td>{r}</td><td>{c}</td><td>{i}</td><td>{p}</td></tr>" for r, c, i, p in rows) +
        "</table></div><div class='footer'>主办单位：某某网站 备案号：陇ICP备00000000号</div></body></html>",
        encoding="utf-8")
    report = _add(page, empty, embedder)
    assert report.region == "甘肃省" and report.period == "2030-01~04", (report.region, report.period)
    text = (empty.corpus_dir / report.id / "bulletin.txt").read_text(encoding="utf-8")
    assert "欢迎访问" not in text and "备案号" not in text and "当前位置" not in text and "2030年1—4月，甘南州" in text
    a = Assistant(empty)
    low = a.ask("2030年1-4月甘肃各重点城市中PM2.5浓度最低的是哪个？")
    assert "甘南" in low.text and has(low.text, 12), low.text
    assert has(a.ask("2030年1-4月临夏州综合指数是多少？").text, 2.90)


def test_sections_by_class_or_range_of_classes_are_their_own_shares_and_counts(empty, embedder, tmp_path):
    """Ⅰ—Ⅲ类水质断面6个，占75.0% (made-up figures) is the share and count of that range of classes, not of Ⅲ类
    alone nor of 「Ⅳ类及以下」; any dash or Chinese numerals name it; a population the question counts within
    (8个断面中) is its scope."""
    a = _assistant_with("2030年4月韶关市地表水环境质量状况\n韶关市生态环境局\n一、总体情况\n"
                        "2030年4月，全市8个考核断面中，Ⅰ—Ⅲ类水质断面6个，占75.0%，同比上升12.5个百分点；Ⅳ类水质断面1个，"
                        "占12.5%；Ⅴ类水质断面1个，占12.5%；无劣Ⅴ类水质断面。按照水质目标评价，达到水质目标的断面7个，"
                        "达标率为87.5%，同比上升12.5个百分点。\n二、湖库\n4月，全市湖库综合营养状态指数为45.2，"
                        "营养状态为中营养。全市集中式饮用水水源地水质达标率为100%。\n三、累计情况\n"
                        "2030年1-4月，全市考核断面水质优良比例为78.1%；水质达标率为90.6%，同比上升3.1个百分点。\n",
                        empty, embedder, tmp_path)
    both = a.ask("2030年4月韶关市Ⅰ—Ⅲ类水质断面有几个，占比多少？")
    assert has(both.text, 6) and has(both.text, 75.0), both.text
    assert has(a.ask("2030年4月韶关市一至三类水质断面比例是多少？").text, 75.0)
    four = a.ask("2030年4月韶关市Ⅳ类断面占多少？").text
    assert has(four, 12.5) and not has(four, 75.0), four
    assert has(a.ask("2030年4月韶关市8个断面中，Ⅳ类水质断面有几个？").text, 1)
    alone = a.ask("2030年4月韶关市Ⅲ类水质断面比例是多少？")  # stated for Ⅰ—Ⅲ together only
    assert not has(alone.text, 75.0) or alone.status == "not_found", alone.text
    assert a.ask("核实：2030年4月韶关市有1个劣Ⅴ类断面。").verdict == "refuted"  # 无劣Ⅴ类水质断面: none
    assert a.ask("核实：2030年4月韶关市没有劣Ⅴ类水质断面。").verdict == "supported"
    month = a.ask("2030年4月韶关市地表水达标率是多少？").text  # not the drinking-water sources' rate
    assert has(month, 87.5) and not has(month, 100), month
    assert has(a.ask("2030年1-4月韶关市地表水达标率是多少？").text, 90.6)  # 断面…；水质达标率: the sections' rate
    lake = a.ask("2030年4月韶关市综合营养状态指数是多少？属于什么营养状态？").text  # the state said after the figure
    assert has(lake, 45.2) and "中营养" in lake, lake


def test_a_class_list_a_subset_and_a_ranked_table_printed_cell_by_cell(empty, embedder, tmp_path):
    """A water report (made-up figures) lists classes as Ⅰ类水质断面3个…；Ⅱ类9个…；Ⅳ类2个: each is that class
    alone. What is said of a part of the sections (6个国考断面中，…) is not the city's figure. An air table printed
    one cell per line with a rank column first and a header cell carrying its unit pairs; its rank is answered."""
    a = _assistant_with("2031年6月韶关市环境质量状况\n韶关市生态环境局\n一、地表水\n"
                        "6月，全市共监测地表水断面16个，其中国考断面6个、省考断面10个。Ⅰ类水质断面3个，占18.8%；"
                        "Ⅱ类9个，占56.3%；Ⅲ类2个，占12.5%；Ⅳ类2个，占12.5%；无Ⅴ类和劣Ⅴ类水质断面。水质优良（Ⅰ～Ⅲ类）"
                        "断面14个，优良比例为87.5%，同比上升6.3个百分点。\n"
                        "6个国考断面中，Ⅱ类4个、Ⅳ类2个，水质优良比例为66.7%，与去年同期持平。\n"
                        "二、环境空气\n6月，各区综合指数见表1。\n表1 2031年6月各区环境空气质量\n排名\n区\n"
                        "综合指数\nPM2.5浓度（微克/立方米）\n1\n浈江区\n3.12\n19\n2\n武江区\n3.30\n21\n3\n曲江区\n3.47\n24\n"
                        "4\n乐昌市\n3.61\n26\n注：排名依据综合指数，综合指数越小，空气质量越好。\n",
                        empty, embedder, tmp_path)
    two = a.ask("2031年6月韶关市Ⅱ类水质断面有几个？占多少？").text
    assert has(two, 9) and has(two, 56.3), two
    four = a.ask("2031年6月韶关市Ⅳ类水质断面比例是多少？").text
    assert has(four, 12.5), four
    good = a.ask("2031年6月韶关市地表水断面水质优良比例是多少？").text
    assert has(good, 87.5) and not has(good, 66.7), good
    assert not has(a.ask("2031年6月韶关市Ⅴ类水质断面有几个？").text, 14)  # 无Ⅴ类…: the next clause is not Ⅴ类's
    qujiang = a.ask("2031年6月曲江区PM2.5浓度是多少？综合指数排第几？").text
    assert has(qujiang, 24) and has(qujiang, 3), qujiang


def test_a_reservoir_named_in_prose_and_figures_in_brackets_after_ranked_places(empty, embedder, tmp_path):
    """A water report (made-up figures) names its reservoirs only in prose (丹霞水库…，综合营养状态指数为36.1):
    each is a place of its own, never answered with another's figure. A ranking list gives each place's
    figure in brackets (仁化县（2.71）、…): 排名最后 is the bottom group's worst, not the top group."""
    a = _assistant_with("2031年7月韶关市地表水环境质量状况\n韶关市生态环境局\n一、湖库\n"
                        "丹霞水库水质为Ⅱ类，综合营养状态指数为36.1，为中营养状态；南水湖水质为Ⅰ类，综合营养状态指数为29.4，"
                        "为贫营养状态。\n二、县区排名\n按照各县区地表水水质指数评价，7月排名前三位的依次为仁化县（2.71）、"
                        "始兴县（2.90）、乳源县（3.02）；排名后三位的依次为武江区（4.48）、浈江区（4.30）、曲江区（4.11）。"
                        "水质指数越小，表示水质越好。\n",
                        empty, embedder, tmp_path)
    dam = a.ask("2031年7月丹霞水库的综合营养状态指数是多少？").text
    assert has(dam, 36.1) and not has(dam, 29.4), dam
    lake = a.ask("韶关南水湖2031年7月综合营养状态指数多少").text
    assert has(lake, 29.4) and not has(lake, 36.1), lake
    last = a.ask("2031年7月韶关哪个县区地表水水质排名最后？水质指数多少？").text
    assert "武江" in last and has(last, 4.48), last


def test_the_whole_places_figure_beats_a_counted_parts_figure(empty, embedder, tmp_path):
    """An annual bulletin (made-up figures) states the city's rate and, later, the rate of 12 monitored villages,
    followed by a measure the lexicon lacks with its change: the city's rate and change are answered, not the
    villages' nor the other measure's."""
    a = _assistant_with("2031年韶关市生态环境状况公报\n韶关市生态环境局\n一、环境空气\n"
                        "2031年，全市优良天数为311天，优良天数比率为85.2%，同比上升1.2个百分点。\n二、农村环境\n"
                        "全市12个农村环境质量监测村庄空气质量优良天数比率平均为90.3%；农村生活污水治理率达到40.5%，"
                        "同比提高3.3个百分点。\n",
                        empty, embedder, tmp_path)
    rate = a.ask("2031年韶关市优良天数比率是多少？同比变化多少？").text
    assert has(rate, 85.2) and has(rate, 1.2) and not has(rate, 90.3) and not has(rate, 3.3), rate


def test_an_area_of_several_places_is_a_place_of_its_own(empty, embedder, tmp_path):
    """A province's report (made-up figures) gives the province's averages, then an area's (其中，粤北地区5个地级市平均…):
    the area's figures are its own, never the province's, and a place ranked among the area's cities (韶关在粤北5个
    地级市中…) is what a claim is about, not the area."""
    a = _assistant_with("2031年1—6月广东省地级市环境空气质量状况\n广东省生态环境厅\n"
                        "2031年1—6月，全省平均优良天数比率为92.1%，PM2.5平均浓度为20微克/立方米。"
                        "其中，粤北地区5个地级市平均优良天数比率为95.3%；PM2.5平均浓度为17微克/立方米；综合指数平均为2.55。"
                        "韶关市综合指数为2.41，排名第一；清远市综合指数为2.62。\n",
                        empty, embedder, tmp_path)
    area = a.ask("2031年1—6月粤北5个地级市PM2.5平均浓度是多少？").text
    assert has(area, 17) and not has(area, 20), area
    province = a.ask("2031年1—6月广东全省PM2.5平均浓度是多少？").text
    assert has(province, 20) and not has(province, 17), province
    index = a.ask("2031年1—6月广东省综合指数是多少？").text
    assert not has(index, 2.55), index
    assert a.ask("核实：2031年1—6月韶关在粤北地区5个地级市中综合指数排名第一，为2.41。").verdict == "supported"


def test_a_pollutant_the_report_never_names_is_not_answered_with_the_sentence_on_another(empty, embedder, tmp_path):
    """A water report (made-up figures) gives 氨氮 and 总磷 in prose only: 溶解氧 or 粪大肠菌群 asked is not found
    (the nearest sentence gives 氨氮's figure, not theirs); 总磷 asked is answered with its own figure."""
    a = _assistant_with("2031年7月韶关市地表水环境质量月报\n韶关市生态环境局\n一、总体情况\n"
                        "7月，全市主要河流断面氨氮平均浓度为0.61毫克/升，同比下降10.2%；总磷平均浓度为0.133毫克/升，"
                        "同比下降4.4%。\n",
                        empty, embedder, tmp_path)
    for asked in ("2031年7月韶关主要河流断面溶解氧平均浓度是多少？", "韶关7月河流的溶解氧浓度多少",
                  "2031年7月韶关市河流断面粪大肠菌群浓度是多少？"):
        said = a.ask(asked)
        assert said.status == "not_found" and said.text.startswith("公报未给出"), said.text
    phosphorus = a.ask("2031年7月韶关主要河流断面总磷平均浓度是多少？").text
    assert has(phosphorus, 0.133), phosphorus
    # a claim about the second pollutant of the sentence is checked against its own figure, not the first one's
    for true in ("核实：2031年7月韶关主要河流断面总磷平均浓度为0.133毫克/升", "韶关7月河流断面总磷浓度0.133毫克/升，这个数对吗",
                 "稿子写2031年7月韶关河流断面总磷平均浓度为0.133毫克/升，同比下降4.4%，请核实"):
        assert a.ask(true).verdict == "supported", true
    assert a.ask("核实：2031年7月韶关主要河流断面总磷平均浓度为0.61毫克/升").verdict != "supported"
    assert a.ask("核实：7月韶关河流断面总磷平均浓度为0.133毫克/升，同比下降10.2%").verdict != "supported"  # 氨氮's change


def test_a_sites_class_claims_read_the_class_reached_and_the_target_apart(empty, embedder, tmp_path):
    """A water report (made-up figures): 降到了Ⅳ类 claims the class now (the site is Ⅲ类: refuted); 达到Ⅳ类水质目标
    names the target, not the class, so it never refutes the site's Ⅲ类; a clause about another site (浈江桥达到水质
    目标) says nothing of this one."""
    a = _assistant_with("2031年7月韶关市地表水环境质量月报\n韶关市生态环境局\n一、重点断面\n"
                        "武江桥断面水质为Ⅲ类，达到Ⅳ类水质目标，同比由Ⅳ类好转为Ⅲ类；浈江桥断面水质为Ⅳ类，达到水质目标。\n",
                        empty, embedder, tmp_path)
    for false in ("核实：2031年7月武江桥断面水质从去年同期的Ⅲ类降到了Ⅳ类", "听说7月武江桥断面水质变成了Ⅳ类，对吗",
                  "核实：2031年7月武江桥断面水质为Ⅳ类"):
        assert a.ask(false).verdict == "refuted", false
    for not_false in ("核实：2031年7月武江桥断面水质为Ⅲ类，达到Ⅳ类水质目标。", "核实：7月武江桥断面达到Ⅳ类水质目标",
                      "有人说2031年7月武江桥断面水质达到了Ⅳ类目标，是真的吗"):
        assert a.ask(not_false).verdict != "refuted", not_false


def test_the_count_asked_with_its_kind_of_place_and_a_statistics_name_that_is_no_order(empty, embedder, tmp_path):
    """An annual bulletin (made-up figures): 最高的两个县区 lists two counties, not the top and the bottom; 臭氧日最大8小时
    平均第90百分位数浓度 names a statistic (最大, 第90), so it asks the city's figure, not a ranking."""
    a = _assistant_with("2031年韶关市生态环境状况公报\n韶关市生态环境局\n一、环境空气\n"
                        "2031年，全市臭氧日最大8小时平均第90百分位数浓度为138微克/立方米。武江区臭氧浓度为141微克/立方米，"
                        "浈江区臭氧浓度为136微克/立方米，曲江区臭氧浓度为149微克/立方米，乐昌市臭氧浓度为129微克/立方米，"
                        "南雄市臭氧浓度为133微克/立方米。\n",
                        empty, embedder, tmp_path)
    for asked in ("2031年韶关各县区中，臭氧浓度最高的两个县区是哪两个？", "韶关臭氧最高的2个区县", "2031年韶关臭氧浓度最高的前两个县区是哪些"):
        top = a.ask(asked).text
        assert "曲江" in top and "武江" in top and not has(top, 129), (asked, top)
    for asked in ("2031年韶关市臭氧日最大8小时平均第90百分位数浓度是多少？", "韶关臭氧最大8小时平均浓度多少",
                  "2031年韶关臭氧第90百分位数浓度是多少"):
        city = a.ask(asked).text
        assert has(city, 138) and not has(city, 149), (asked, city)
    assert has(a.ask("2031年韶关哪个县区臭氧浓度最高？").text, 149)  # an order asked is still an order


def test_a_level_asked_is_quoted_from_the_sentence_that_gives_the_figure(empty, embedder, tmp_path):
    """评价等级为二级（较好） stated after a noise figure (made-up): asked 属于几级 / 评价等级, the answer quotes it."""
    a = _assistant_with("2031年韶关市生态环境状况公报\n韶关市生态环境局\n四、声环境\n"
                        "城市区域声环境昼间等效声级平均值为54.2 dB(A)，评价等级为二级（较好），同比下降0.3 dB(A)。\n",
                        empty, embedder, tmp_path)
    for asked in ("2031年韶关区域声环境昼间等效声级平均多少分贝，属于几级？", "韶关区域噪声评价等级是什么",
                  "韶关市区域声环境昼间等效声级是哪一级"):
        said = a.ask(asked).text
        assert "二级" in said and has(said, 54.2), (asked, said)
    plain = a.ask("2031年韶关区域声环境昼间等效声级是多少分贝？").text
    assert has(plain, 54.2) and "二级" not in plain, plain  # not asked, not added


def test_parts_of_the_sections_asked_together_are_each_answered_by_their_own_sentence(empty, embedder, tmp_path):
    """A water report (made-up figures) gives the 国考 and the 省考 sections' shares in sentences of their own (a
    counted part, never the city's figure): asked together, each is answered by its own; asked alone, only its own."""
    a = _assistant_with("2031年7月韶关市地表水环境质量状况\n韶关市生态环境局\n一、总体\n"
                        "7月，全市共监测地表水断面18个，水质优良比例为94.4%。\n二、分类\n"
                        "8个国考断面中，Ⅰ类3个、Ⅱ类4个、Ⅳ类1个，水质优良比例为87.5%，达标率为87.5%。\n"
                        "10个省考断面中，Ⅰ类2个、Ⅱ类8个，水质优良比例和达标率均为100%。\n",
                        empty, embedder, tmp_path)
    for asked in ("2031年7月韶关国考断面和省考断面的水质优良比例分别是多少？", "韶关7月国考、省考断面优良比例各多少",
                  "7月韶关省考断面与国考断面水质优良比例分别是多少"):
        both = a.ask(asked).text
        assert has(both, 87.5) and has(both, 100) and not has(both, 94.4), (asked, both)
    alone = a.ask("2031年7月韶关国考断面水质优良比例是多少？").text
    assert has(alone, 87.5) and not has(alone, 100) and not has(alone, 94.4), alone


def test_a_sentence_on_a_part_is_not_the_answer_for_the_whole(empty, embedder, tmp_path):
    """A bulletin (made-up figures) gives the county-level sources' rate in a sentence that names them only as
    "12个水源地", then the township sources' rate: asked with no part named, the township figure is not the answer;
    asked of the townships, it is."""
    a = _assistant_with("2031年韶关市生态环境状况公报\n韶关市生态环境局\n三、集中式饮用水水源地水质\n"
                        "2031年，全市共监测县级及以上集中式饮用水水源地12个。12个水源地全年水质达标率均为100%。\n"
                        "全市86个乡镇级集中式饮用水水源地水质达标率为96.5%，个别水源地铁、锰季节性超标。\n",
                        empty, embedder, tmp_path)
    for asked in ("2031年韶关县级及以上集中式饮用水水源地一共几个？水质达标率多少？", "韶关饮用水水源地水质达标率是多少",
                  "2031年韶关集中式饮用水水源地的达标率"):
        said = a.ask(asked).text
        assert not has(said, 96.5), (asked, said)
    township = a.ask("2031年韶关乡镇级集中式饮用水水源地水质达标率是多少？").text
    assert has(township, 96.5), township


def test_an_improvement_claimed_is_not_supported_by_a_rise_said_in_other_words(empty, embedder, tmp_path):
    """综合指数同比上升1.8% (made-up; a higher index is worse): 改善了1.8% / 好转1.8% / 变好了1.8% is not what it
    says, so never 属实; 上升1.8% claimed is."""
    a = _assistant_with("2031年1—6月广东省地级市环境空气质量状况\n广东省生态环境厅\n"
                        "2031年1—6月，韶关市综合指数为2.41；清远市综合指数同比上升1.8%，是唯一综合指数同比变差的城市。\n",
                        empty, embedder, tmp_path)
    for claim in ("有媒体说2031年1—6月清远市综合指数同比改善了1.8%，准确吗？", "核实：2031年1—6月清远综合指数同比好转1.8%",
                  "听说清远1—6月综合指数比去年同期变好了1.8%，对吗"):
        assert a.ask(claim).verdict != "supported", claim
    assert a.ask("核实：2031年1—6月清远市综合指数同比上升1.8%").verdict == "supported"


def test_a_change_in_days_after_heavy_pollution_days_is_theirs(empty, embedder, tmp_path):
    """重污染天数为5天，同比减少2天 (made-up figures): the change is the heavy-pollution days', not the good days'."""
    a = _assistant_with("2031年韶关市生态环境状况公报\n韶关市生态环境局\n一、环境空气\n"
                        "2031年，全市优良天数为320天，同比增加6天；重污染天数为5天，同比减少2天。\n",
                        empty, embedder, tmp_path)
    good = a.ask("2031年韶关市优良天数同比变化多少？").text
    assert has(good, 6) and not has(good, 2), good
    assert a.ask("核实：2031年韶关市重污染天数为5天，比去年同期增加了2天。").verdict == "refuted"


def test_a_bulletin_named_by_its_place_beats_one_named_by_a_scope_word(empty, embedder, tmp_path):
    """Two reports (made-up figures) ending with the same month: a city's water report and a province's air
    page whose names include 全省. 长春…在全省排第几 is the city's report; a district the city's report does not
    cover (稀土高新区) is not found rather than answered with the city's figure."""
    from assistant.core import Assistant

    water = tmp_path / "water.txt"
    water.write_text("2030年4月韶关市地表水环境质量状况\n韶关市生态环境局\n一、总体情况\n"
                     "4月，全市城市水质指数为4.05，同比改善3.1%，在全省21个地级市中排名第6位。\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>2030年1—4月全省空气质量_湖南省生态环境厅</title></head><body><h2>2030年1—4月全省"
                    "空气质量</h2><p>2030年1—4月，全省14个城市优良天数比率为88.1%，同比上升1.0个百分点。</p></body></html>",
                    encoding="utf-8")
    _add(water, empty, embedder)
    _add(page, empty, embedder)
    a = Assistant(empty)
    ranked = a.ask("韶关市2030年4月城市水质指数在全省排第几？")
    assert has(ranked.text, 6) and "湖南" not in ranked.text, ranked.text
    assert a.ask("2030年4月韶关市浈江高新区城市水质指数是多少？").status == "not_found"


def test_the_month_and_the_months_so_far_asked_together_are_both_answered(empty, embedder, tmp_path):
    """5月和1-5月 in one question of a monthly report (made-up figures): each period's own figure, and which is higher."""
    a = _assistant_with("韶关市2030年5月环境空气质量状况通报\n韶关市生态环境局\n一、全市环境空气质量状况\n（一）5月份情况\n"
                        "5月，全市优良天数为25天，同比增加3天，优良天数比率为80.6%，同比上升9.7个百分点。\n"
                        "（二）1-5月累计情况\n1-5月，全市累计优良天数96天，同比增加6天，优良天数比率为63.6%，同比上升4.0个百分点。\n",
                        empty, embedder, tmp_path)
    both = a.ask("2030年韶关市5月和1-5月的优良天数比率分别是多少？").text
    assert has(both, 80.6) and has(both, 63.6) and "高于" in both, both
    month = a.ask("2030年5月韶关市优良天数比率是多少？跟1-5月累计比是高还是低？").text
    assert has(month, 80.6) and has(month, 63.6), month
    one = a.ask("2030年1-5月韶关市优良天数比率是多少？").text
    assert has(one, 63.6) and not has(one, 80.6), one


def test_a_table_title_and_header_row_are_never_quoted_as_an_answer(empty, embedder, tmp_path):
    """A text report whose table title and header row sit in the prose (made-up figures): questions about the
    table's columns are not answered by quoting the header."""
    a = _assistant_with("甲市2030年3月地表水环境质量状况\n甲市生态环境局\n一、总体情况\n"
                        "2030年3月，全市6个断面中，Ⅱ类水质断面2个，Ⅲ类水质断面3个，Ⅳ类水质断面1个。\n"
                        "附表 2030年3月甲市断面水质状况 断面名称 所在水体 水质目标 水质类别 是否达标 主要超标项目（超标倍数）\n",
                        empty, embedder, tmp_path)
    for question in ("2030年3月甲市哪些断面的主要超标项目是总磷？", "甲市断面的超标倍数是多少？", "哪个断面所在水体未达标？"):
        said = a.ask(question)
        assert "断面名称" not in said.text and "所在水体" not in said.text, said.text


def test_a_multi_page_pdf_with_a_ruled_table(empty, embedder, pdf):
    from assistant.core import Assistant

    report = _add(pdf, empty, embedder)
    assert report.region == "合肥市" and report.period == "2024"
    a = Assistant(empty)
    answer = a.ask("2024年合肥市蜀山区PM10年均浓度是多少？")
    assert answer.status == "answered" and has(answer.text, 55)
    assert "表1" in answer.citations[0]["locator"]  # the table row, under the table's own caption


def test_answers_follow_the_new_figures_and_are_routed_by_period(empty, embedder, settings):
    """The 2024 bulletin beside a 2025 one laid out the same way with every figure changed."""
    from assistant.core import Assistant

    shutil.copytree(settings.bulletin_dir, empty.corpus_dir / "guangzhou-2024")
    _add(DOCS / "guangzhou-2025.txt", empty, embedder)
    a = Assistant(empty)
    assert has(a.ask("2025年广州市PM2.5平均浓度是多少？").text, 19)
    assert has(a.ask("2024年广州市PM2.5平均浓度是多少？").text, 21)
    latest = a.ask("广州市空气质量达标天数是多少？")
    assert has(latest.text, 349) and "按最新的《2025年广州市生态环境状况公报》" in latest.text
    both = a.ask("2024年和2025年广州市PM2.5平均浓度分别是多少？")
    assert has(both.text, 21) and has(both.text, 19)
    assert {c["source"] for c in both.citations} == {"2024年广州市生态环境状况公报", "2025年广州市生态环境状况公报"}
    assert a.ask("2022年广州市PM2.5是多少？").status == "not_found"  # no bulletin for it, none pretends
    follow = a.ask_turns(["2025年广州市PM2.5平均浓度是多少？", "那PM10呢？"])  # a follow-up stays with its bulletin
    assert has(follow.text, 35) and not has(follow.text, 37)


def test_add_is_idempotent_and_remove_takes_the_bulletin_out(empty, embedder):
    from assistant.core import Assistant
    from assistant.index import indexed_bulletins

    _add(DOCS / "foshan-2024-03.txt", empty, embedder)
    _add(DOCS / "foshan-2024-03.txt", empty, embedder)
    assert [f.name for f in list_bulletins(empty.corpus_dir)] == ["foshan-2024-03"]
    assert indexed_bulletins(empty) == {"foshan-2024-03"}
    a = Assistant(empty)
    assert remove_bulletin("foshan-2024-03", empty)
    assert list_bulletins(empty.corpus_dir) == [] and indexed_bulletins(empty) == set()
    a._checked = 0
    assert a.ask("2024年3月佛山市PM2.5是多少？").status == "not_found"


@pytest.mark.parametrize("name,content,message", [
    ("report.docx", b"PK\x03\x04", "不支持的文件类型"),
    ("empty.txt", b"", "文件为空"),
    ("broken.pdf", b"%PDF-1.4\n this is not really a pdf", "PDF"),
    ("english.txt", b"no Chinese text here at all", "没有可提取的中文"),
    ("undated.txt", "甲市环境质量简报\n空气质量良好。".encode(), "时间"),
])
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(empty, embedder, tmp_path, name, content, message):
    from assistant.index import indexed_bulletins

    _add(DOCS / "foshan-2024-03.txt", empty, embedder)
    before = sorted(p.name for p in empty.corpus_dir.iterdir())
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        _add(bad, empty, embedder)
    assert sorted(p.name for p in empty.corpus_dir.iterdir()) == before
    assert indexed_bulletins(empty) == {"foshan-2024-03"}


def test_re_adding_when_the_index_pointer_cannot_move_keeps_the_previous_folder(empty, embedder, tmp_path, monkeypatch):
    """The folder and the index move together: if the pointer swap fails after the new folder went in, the
    previous folder comes back and the question is still answered from it."""
    from chromadb.api.models.Collection import Collection

    from assistant.core import Assistant
    from assistant.index import IndexUnavailable, indexed_bulletins

    _add(DOCS / "foshan-2024-03.txt", empty, embedder)
    before = (empty.corpus_dir / "foshan-2024-03" / "tables" / "facts.csv").read_text(encoding="utf-8")
    changed = tmp_path / "foshan-2024-03.txt"
    changed.write_text((DOCS / "foshan-2024-03.txt").read_text(encoding="utf-8").replace(
        "平均浓度为28微克/立方米", "平均浓度为26微克/立方米"), encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise RuntimeError("pointer store unavailable")

    monkeypatch.setattr(Collection, "modify", refuse)
    with pytest.raises(IndexUnavailable, match="原有索引未受影响"):
        _add(changed, empty, embedder)
    monkeypatch.undo()
    assert (empty.corpus_dir / "foshan-2024-03" / "tables" / "facts.csv").read_text(encoding="utf-8") == before
    assert [p.name for p in empty.corpus_dir.iterdir() if p.name.startswith((".staging", ".trash"))] == []
    assert indexed_bulletins(empty) == {"foshan-2024-03"}
    said = Assistant(empty).ask("2024年3月佛山市PM2.5平均浓度是多少？").text
    assert has(said, 28) and not has(said, 26)


def test_a_bulletin_added_by_one_process_is_seen_by_another(empty, embedder):
    """Two assistants on one shared corpus folder (the scale-out recipe's choice): the second sees the first's
    add on its next question, without a restart."""
    from assistant.core import Assistant

    _add(DOCS / "foshan-2024-03.txt", empty, embedder)
    first, second = Assistant(empty), Assistant(empty)
    assert second.ask("2023年7月宁波市PM2.5是多少？").status == "not_found"
    _add(DOCS / "zhejiang-2023-07.html", empty, embedder)
    first.refresh()
    second._checked = 0  # the next question checks the corpus (at most twice a second)
    assert has(second.ask("2023年7月宁波市PM2.5是多少？").text, 15)


def test_the_2024_bulletin_is_add_output_plus_its_hand_decisions(settings):
    """corpus/guangzhou-2024 is what `add` writes from the raw text with overrides.csv on top: every hand row
    has a reason, and the final facts equal the curated ones kept in benchmarks/ingest/."""
    import csv

    folder = settings.bulletin_dir
    with (folder / "overrides.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["action"] in ("add", "replace", "drop") and r["reason"] for r in rows)
    with (folder / "tables" / "facts.csv").open(encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    final = {(r["indicator"], r["place"], r["year"], r["stat"]) for r in table}
    with (ROOT / "benchmarks" / "ingest" / "guangzhou-2024-curated.csv").open(encoding="utf-8") as f:
        curated = {(r["indicator"], r["place"], r["year"], r["stat"]) for r in csv.DictReader(f)}
    assert curated <= final, curated - final
    # what add finds beyond the hand-curated table (其余10个行政区达标 → each of the ten) is automatic and cites a
    # sentence of the bulletin word for word
    raw = re.sub(r"\s+", "", (folder / "structured.md").read_text(encoding="utf-8"))
    extra = [r for r in table if (r["indicator"], r["place"], r["year"], r["stat"]) not in curated]
    assert all(r["id"].startswith("a") and re.sub(r"\s+", "", r["source"]) in raw for r in extra), extra
    assert "人工决定" in (folder / "review.md").read_text(encoding="utf-8")


def test_adding_the_2024_raw_text_again_gives_the_committed_folder(empty, embedder, settings):
    """Regenerating guangzhou-2024 from the raw text with its hand decisions reproduces corpus/guangzhou-2024."""
    import csv

    folder = empty.corpus_dir / "guangzhou-2024"
    folder.mkdir()
    for name in ("overrides.csv", "structured.override.md", "places.override.yaml"):
        shutil.copy(settings.bulletin_dir / name, folder / name)
    _add(settings.bulletin_dir / "bulletin.txt", empty, embedder, bulletin_id="guangzhou-2024",
         title="2024年广州市生态环境状况公报", city="广州市", period="2024")

    def rows(path):
        with path.open(encoding="utf-8") as f:
            return sorted(tuple(v for k, v in r.items() if k != "id") for r in csv.DictReader(f))

    assert rows(folder / "tables" / "facts.csv") == rows(settings.bulletin_dir / "tables" / "facts.csv")
    assert (folder / "structured.md").read_text(encoding="utf-8") == (settings.bulletin_dir / "structured.md").read_text(encoding="utf-8")
