import re
import shutil

import pytest

from assistant.corpus import normalise_space
from assistant.tables import TableError, load_facts, load_tables


def _num_in(text: str, value: float) -> bool:
    nums = [float(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?", text)]
    return any(abs(n - abs(value)) < 1e-9 for n in nums)


def test_every_curated_figure_is_in_its_source_text(tables, raw_text):
    """Each row's source occurs in the bulletin, and its value occurs in that source (or its table row)."""
    raw = normalise_space(raw_text)
    for _, row in tables.facts.iterrows():
        where = f"{row['id']} {row['indicator']} {row['place']}"
        if row["locator"] == "正文":
            assert normalise_space(row["source"]) in raw, where
            has_value = row["value"] == row["value"]  # not NaN
            if has_value and not (row["value"] == 0 and "持平" in row["source"]):
                assert _num_in(row["source"], row["value"]), where
        else:
            # legend / table rows: the printed row (legend) or each of its cells (split columns) is in the raw text
            cells = row["source"].split(" ")
            assert all(normalise_space(c) in raw for c in cells), where
            assert _num_in(row["source"], row["value"]), where
            assert row["note"], f"{where}: a table/legend pairing must say how it was resolved"


def test_district_pm25_pairs_match_the_narrative(tables):
    f = tables.facts
    pm25 = f[(f.indicator == "PM2.5") & (f.stat == "value") & (f.place.str.endswith("区"))].set_index("place")["value"]
    assert len(pm25) == 11
    top3 = set(pm25.sort_values(ascending=False).index[:3])
    assert top3 == {"白云区", "海珠区", "荔湾区"}  # 正文：西部白云、海珠、荔湾区浓度相对较高


def test_unrecoverable_values_are_absent_not_guessed(tables):
    f = tables.facts
    assert f[(f.indicator == "一氧化碳") & (f.place == "荔湾区")].empty  # legend omits 荔湾区
    assert f[(f.indicator == "二氧化氮") & (f.place.str.endswith("区"))].empty  # 表4 values not in the extraction
    assert f[(f.indicator == "一级支流水质优良率") & f.year.isin([2022, 2023])].empty  # 图21 pairing not given


def test_every_indicator_is_in_the_lexicon(tables, lexicon):
    assert set(tables.facts["indicator"]) <= set(lexicon.indicators)
    assert set(tables.standards["indicator"]) <= set(lexicon.indicators)


@pytest.fixture
def facts_copy(settings, tmp_path):
    path = tmp_path / "facts.csv"
    shutil.copy(settings.bulletin_dir / "tables" / "facts.csv", path)
    return path


def _edit_line(path, lineno, old, new):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[lineno - 1]
    lines[lineno - 1] = lines[lineno - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_bad_number_is_rejected_with_file_and_line(facts_copy):
    lineno = next(n for n, ln in enumerate(facts_copy.read_text(encoding="utf-8").splitlines(), 1) if ",3.04," in ln)
    _edit_line(facts_copy, lineno, ",3.04,", ",3.O4,")
    with pytest.raises(TableError, match=rf"{facts_copy.name}:{lineno}: .*value"):
        load_facts(facts_copy)


def test_missing_column_is_rejected(facts_copy):
    text = facts_copy.read_text(encoding="utf-8").replace("id,indicator,", "id,indicatr,", 1)
    facts_copy.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match=r":1: 缺少列 indicator"):
        load_facts(facts_copy)


def test_ragged_row_is_rejected(facts_copy):
    with facts_copy.open("a", encoding="utf-8") as f:
        f.write("f999,PM2.5,全市,2024\n")
    lines = len(facts_copy.read_text(encoding="utf-8").splitlines())
    with pytest.raises(TableError, match=rf":{lines}: "):
        load_facts(facts_copy)


def test_tables_are_typed(settings):
    t = load_tables(settings.bulletin_dir)
    assert str(t.facts["value"].dtype) == "float64" and str(t.facts["year"].dtype) == "int64"
    assert t.standards.set_index("indicator").loc["PM2.5", "limit"] == 35
