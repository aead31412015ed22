from assistant.parse import parse


def test_synonyms_map_to_one_indicator(lexicon):
    for q in ("细颗粒物浓度", "pm2.5浓度", "ＰＭ２．５浓度", "PM 2.5 浓度"):
        assert parse(q, lexicon).indicators == ("PM2.5",), q
    assert parse("可吸入颗粒物", lexicon).indicators == ("PM10",)
    assert parse("SO2是多少", lexicon).indicators == ("二氧化硫",)


def test_latin_aliases_respect_word_edges(lexicon):
    assert parse("CO浓度", lexicon).indicators == ("一氧化碳",)
    assert "一氧化碳" not in parse("CO2减排量", lexicon).indicators


def test_districts_and_sites(lexicon):
    assert parse("白云区PM10", lexicon).places == ("白云区",)
    assert parse("白云PM10", lexicon).places == ("白云区",)
    assert parse("白云石井测点", lexicon).places == ("白云石井",)
    assert parse("广州PM2.5", lexicon).places == ("全市",)


def test_other_cities_and_years(lexicon):
    q = parse("东莞市2024年空气质量怎么样？", lexicon)
    assert q.other_city == "东莞" and q.years == (2024,)
    assert parse("核实：从化区PM2.5浓度为20微克/立方米。", lexicon).numbers == (20.0,)


def test_units(lexicon):
    assert lexicon.unit_of("20μg/m³") == "微克/立方米"
    assert lexicon.unit_of("0.9 mg/m3") == "毫克/立方米"


def test_jieba_knows_the_lexicon(lexicon):
    from assistant.lexicon import tokenize

    assert "细颗粒物" in tokenize("细颗粒物平均浓度")
