"""BM25 over jieba tokens plus dense search in Chroma, fused into one ranked list of passages."""

from __future__ import annotations

from collections.abc import Callable
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


@dataclass(frozen=True)
class _Snapshot:
    """Everything one search reads, swapped as a whole so concurrent searches never mix two indexes."""

    collection: object
    ids: list[str]
    docs: dict[str, str]
    meta: dict[str, dict]
    bm25: BM25Okapi


def _snapshot(collection) -> _Snapshot:
    try:
        got = collection.get(include=["documents", "metadatas"])
    except Exception as exc:  # noqa: BLE001
        raise IndexUnavailable(f"读取索引失败：{exc}。请运行 `python -m assistant index`。") from exc
    ids = list(got["ids"])
    docs = dict(zip(ids, got["documents"], strict=True))
    meta = dict(zip(ids, got["metadatas"], strict=True))
    corpus = [tokenize(f"{meta[i]['section'].split(' › ')[-1]} {docs[i]}") for i in ids]
    return _Snapshot(collection, ids, docs, meta, BM25Okapi(corpus))


class Retriever:
    """`mode`: "hybrid" (default), "bm25" or "dense". Hybrid is a weighted sum of max-normalised scores.

    `reopen` (optional) returns the currently active collection: when a rebuild elsewhere (another
    process, a shared Chroma server) has replaced the collection this one was reading, the next search
    moves to the new one instead of failing.
    """

    def __init__(self, collection, embedder: Embeddings, dense_weight: float = 0.5,
                 reopen: Callable[[], object] | None = None) -> None:
        self.embedder = embedder
        self.dense_weight = dense_weight
        self._reopen = reopen
        self._s = _snapshot(collection)

    @property
    def collection(self):
        return self._s.collection

    @property
    def ids(self) -> list[str]:
        return self._s.ids

    @property
    def docs(self) -> dict[str, str]:
        return self._s.docs

    def _bm25(self, snap: _Snapshot, query: str) -> dict[str, float]:
        tokens = tokenize(query)
        if not tokens:
            return {}
        scores = snap.bm25.get_scores(tokens)
        return {i: float(s) for i, s in zip(snap.ids, scores, strict=True) if s > 0}

    def _query(self, snap: _Snapshot, vector: list[float], k: int) -> dict[str, float]:
        res = snap.collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        return {i: 1.0 - float(d) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)}

    def _dense(self, snap: _Snapshot, query: str, k: int) -> tuple[_Snapshot, dict[str, float]]:
        vector = self.embedder.embed_query(query)
        try:
            return snap, self._query(snap, vector, k)
        except Exception as exc:  # noqa: BLE001 - chroma raises NotFoundError, ValueError or a transport error
            if self._reopen is not None:
                try:
                    fresh = _snapshot(self._reopen())
                except Exception:  # noqa: BLE001 - the store itself is gone: report the original failure
                    fresh = None
                if fresh is not None and fresh.collection.name != snap.collection.name:
                    self._s = fresh
                    return fresh, self._query(fresh, vector, min(k, len(fresh.ids)))
            raise IndexUnavailable(f"向量检索失败：{exc}。请检查索引或 Chroma 服务器。") from exc

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Passage]:
        snap = self._s
        pool = max(k * 4, 20)
        dense: dict[str, float] = {}
        if mode in ("dense", "hybrid"):
            snap, dense = self._dense(snap, query, min(pool, len(snap.ids)))
        scores: dict[str, float] = {}
        if mode in ("bm25", "hybrid"):
            bm = self._bm25(snap, query)
            top = max(bm.values(), default=0.0) or 1.0
            w = 1.0 if mode == "bm25" else 1.0 - self.dense_weight
            for i, s in bm.items():
                scores[i] = scores.get(i, 0.0) + w * s / top
        if dense:
            w = 1.0 if mode == "dense" else self.dense_weight
            top = max(dense.values(), default=0.0) or 1.0
            for i, s in dense.items():
                scores[i] = scores.get(i, 0.0) + w * max(s, 0.0) / top
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:k]
        return [Passage(id=i, text=snap.docs[i], section=snap.meta[i]["section"], kind=snap.meta[i]["kind"],
                        title=snap.meta[i]["title"], score=round(s, 4)) for i, s in ranked]
