"""planner.sentence_check: a claim with no figure of its own against one clause of a bulletin. The clauses here are
made up for the test (its own words), so nothing depends on the 2024 text."""

from __future__ import annotations

import pytest

from assistant.planner.sentence_check import claim_clauses, judge, judge_claim

PARAGRAPH = ("2030年，示例市近岸海域浮游动物种类较多。浮游植物多样性指数年均值等级为良好；浮游动物多样性指数年均值等级为中，同比持平。"
             "示范河入选省级美丽河湖优秀案例；样板湖入选全国美丽河湖优秀案例。环境空气质量综合指数同比下降；各区同比均改善，番禺、黄埔区同比改善幅度较大。")


def units_of(text):
    from assistant.planner.sentence_check import units

    return [(u, text) for u in units(text)]


@pytest.mark.parametrize("claim,verdict", [
    ("样板湖入选全国美丽河湖优秀案例", "supported"),
    ("示范河入选全国美丽河湖优秀案例", "refuted"),  # 省级 in its place
    ("近岸海域浮游动物多样性指数年均值等级为中", "supported"),  # 近岸海域 from the paragraph's start
    ("黄埔区空气质量同比改善幅度较大", "supported"),
    ("天河区同比改善幅度较大", "refuted"),  # the clause names other districts
    ("样板湖未入选全国美丽河湖优秀案例", "refuted"),  # the opposite negation
])
def test_a_clause_that_says_it_or_says_otherwise(lexicon, claim, verdict):
    judged = judge_claim(claim, units_of(PARAGRAPH), lexicon)
    assert judged is not None and judged[0] == verdict


@pytest.mark.parametrize("claim", [
    "样板湖是唯一入选全国美丽河湖优秀案例的湖泊",  # a qualifier no clause states
    "浮游动物多样性指数年均值等级为差",  # a one-character value the clause does not say
    "示范河获评国家级生态示范河段并获得奖励",  # too little in common
])
def test_no_judgement_without_a_clause_that_settles_it(lexicon, claim):
    assert judge_claim(claim, units_of(PARAGRAPH), lexicon) is None


def test_a_figure_the_clause_does_not_state_is_left_to_the_figure_checks(lexicon):
    assert judge("样板湖入选3个全国美丽河湖优秀案例", "样板湖入选全国美丽河湖优秀案例", lexicon) is None


def test_a_clause_that_names_too_little_goes_with_the_one_before():
    assert claim_clauses("浮游动物多样性指数等级为中，同比持平") == ["浮游动物多样性指数等级为中，同比持平"]


MONTHLY = ("2030年3月，广州市8个监测断面中，Ⅱ类水质断面3个；无Ⅴ类及劣Ⅴ类断面。甲河乙断面水质为Ⅳ类，达到Ⅳ类水质目标。"
           "全年出现轻度污染31天、中度污染3天，未出现重度及以上污染。")


@pytest.mark.parametrize("claim,verdict", [
    ("2030年3月广州市没有Ⅴ类及劣Ⅴ类水质断面", "supported"),  # the report's period is no date the clause must state
    ("2030年3月甲河乙断面未达到水质目标", "refuted"),  # the opposite negation
    ("广州市出现了2天重度污染", "refuted"),  # a figure the clause lacks, said of what the clause says did not happen
])
def test_a_monthly_report_settles_negations(lexicon, claim, verdict):
    judged = judge_claim(claim, units_of(MONTHLY), lexicon)
    assert judged is not None and judged[0] == verdict


def test_a_figure_the_clause_lacks_is_not_supported_by_its_words(lexicon):
    assert judge_claim("广州市出现了5天轻度污染", units_of(MONTHLY), lexicon) is None


def test_a_figure_must_stand_in_the_part_that_says_the_claims_words(lexicon):
    assert judge_claim("广州市出现了31天轻度污染", units_of(MONTHLY), lexicon)[0] == "supported"
    assert judge_claim("广州市出现了3天轻度污染", units_of(MONTHLY), lexicon) is None  # 3 is the 中度污染 count
