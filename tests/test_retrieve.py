import pytest

from assistant.index import open_collection
from assistant.retrieve import Retriever

CASES = [
    ("广州碳普惠累计签发减排量是多少？", "1.47万吨"),
    ("近岸海域浮游植物主要优势种有哪些？", "中肋骨条藻"),
    ("海面漂浮的中小块垃圾密度年均值是多少？", "14.7千克"),
    ("危险废物收集能力", "61.92万吨"),
    ("南沙区臭氧超标了吗", "南沙区超标"),
    ("流溪河水库富营养化", "35.2"),
    ("酸雨频率", "6.6%"),
    ("how much carbon inclusion emission reduction was issued", "碳普惠"),
]


@pytest.fixture(scope="module")
def retriever(settings, embedder, built_index):
    return Retriever(open_collection(settings), embedder)


@pytest.mark.parametrize("question,expected", CASES)
def test_hybrid_finds_the_passage_in_top5(retriever, question, expected):
    hits = retriever.search(question, k=5)
    assert any(expected in h.text for h in hits), [h.text[:30] for h in hits]


def test_passages_carry_locators(retriever):
    hit = retriever.search("PM2.5标准限值", k=1)[0]
    assert hit.locator.startswith("环境空气") and hit.title.startswith("2024年广州市")


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_each_mode_returns_k(retriever, mode):
    assert len(retriever.search("地表水水质", k=4, mode=mode)) == 4
