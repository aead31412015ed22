"""BM25 over jieba tokens plus dense search in Chroma, fused into one ranked list of passages."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.embeddings import Embeddings
from rank_bm25 import BM25Okapi

from .index import IndexUnavailable
from .lexicon import tokenize


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    section: str
    kind: str
    title: str
    score: float

    @property
    def locator(self) -> str:
        return f"{self.section} › {'图表标题' if self.kind == 'caption' else '正文'}"


class Retriever:
    """`mode`: "hybrid" (default), "bm25" or "dense". Hybrid is a weighted sum of max-normalised scores."""

    def __init__(self, collection, embedder: Embeddings, dense_weight: float = 0.5) -> None:
        self.collection = collection
        self.embedder = embedder
        self.dense_weight = dense_weight
        try:
            got = collection.get(include=["documents", "metadatas"])
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(f"读取索引失败：{exc}。请运行 `python -m assistant index`。") from exc
        self.ids: list[str] = list(got["ids"])
        self.docs: dict[str, str] = dict(zip(got["ids"], got["documents"], strict=True))
        self.meta: dict[str, dict] = dict(zip(got["ids"], got["metadatas"], strict=True))
        corpus = [tokenize(f"{self.meta[i]['section'].split(' › ')[-1]} {self.docs[i]}") for i in self.ids]
        self.bm25 = BM25Okapi(corpus)

    def _bm25(self, query: str) -> dict[str, float]:
        tokens = tokenize(query)
        if not tokens:
            return {}
        scores = self.bm25.get_scores(tokens)
        return {i: float(s) for i, s in zip(self.ids, scores, strict=True) if s > 0}

    def _dense(self, query: str, k: int) -> dict[str, float]:
        try:
            res = self.collection.query(query_embeddings=[self.embedder.embed_query(query)], n_results=k,
                                        include=["distances"])
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(f"向量检索失败：{exc}。请检查索引或 Chroma 服务器。") from exc
        return {i: 1.0 - float(d) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)}

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Passage]:
        pool = max(k * 4, 20)
        scores: dict[str, float] = {}
        if mode in ("bm25", "hybrid"):
            bm = self._bm25(query)
            top = max(bm.values(), default=0.0) or 1.0
            w = 1.0 if mode == "bm25" else 1.0 - self.dense_weight
            for i, s in bm.items():
                scores[i] = scores.get(i, 0.0) + w * s / top
        if mode in ("dense", "hybrid"):
            dn = self._dense(query, min(pool, len(self.ids)))
            w = 1.0 if mode == "dense" else self.dense_weight
            top = max(dn.values(), default=0.0) or 1.0
            for i, s in dn.items():
                scores[i] = scores.get(i, 0.0) + w * max(s, 0.0) / top
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:k]
        return [Passage(id=i, text=self.docs[i], section=self.meta[i]["section"], kind=self.meta[i]["kind"],
                        title=self.meta[i]["title"], score=round(s, 4)) for i, s in ranked]
