import re

from assistant.corpus import load_manifest, load_units, normalise_space, parse_structured, rejoin_lines


def test_manifest_names_the_bulletin(settings):
    m = load_manifest(settings.bulletin_dir)
    assert (m.city, m.year) == ("广州市", 2024)
    assert "生态环境状况公报" in m.title


def test_every_structured_line_is_verbatim_bulletin_text(settings, raw_text):
    """The structured file only re-orders the extraction: each line's text occurs in bulletin.txt."""
    raw = normalise_space(raw_text)
    for unit in load_units(settings.bulletin_dir):
        text = re.sub(r"^(图\d+|表\d*)\s", "", unit.text) if unit.kind == "caption" else unit.text
        assert normalise_space(text) in raw, unit.text[:40]


def test_wrapped_numbers_and_dates_are_rejoined():
    assert rejoin_lines("PM2.5平均浓度为21微克/\n\n立方米，连续8年") == "PM2.5平均浓度为21微克/立方米，连续8年"
    assert rejoin_lines("同比上升2.8个百分点（见图17），2024\n\n年10月和12月无降水。") == \
        "同比上升2.8个百分点（见图17），2024年10月和12月无降水。"
    assert rejoin_lines("标准限值：4 毫 克 / 立 方\n\n米）。") == "标准限值：4毫克/立方米）。"


def test_captions_start_their_own_line():
    joined = rejoin_lines("空气质量持续改善，\n\n图1  2013-2024年广州市空气质量综合指数\n")
    assert joined.splitlines()[1].startswith("图1")


def test_section_tree_is_recovered(settings):
    units = load_units(settings.bulletin_dir)
    paths = {u.section_path for u in units}
    assert "环境空气 › 1. 全市空气质量 › （2）PM2.5浓度" in paths
    assert "地表水环境 › 4. 各行政区地表水环境质量" in paths
    for top in ("综述", "海洋环境", "声环境", "生态质量", "美丽广州"):
        assert any(p.split(" › ")[0] == top for p in paths), top
    pm25 = [u for u in units if u.section[-1] == "（2）PM2.5浓度" and u.kind == "text"]
    assert any("标准限值：35微克/立方米" in u.text for u in pm25)


def test_parse_structured_keeps_caption_and_path():
    units = parse_structured("# A\n## B\n正文。\n图3 标题\n<!-- skip\nme -->\n# C\n尾。")
    assert [(u.section, u.kind) for u in units] == [(("A", "B"), "text"), (("A", "B"), "caption"), (("C",), "text")]
