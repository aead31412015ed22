"""Chunking, embedding and the Chroma collection (embedded PersistentClient, or a server via CHROMA_HOST).

A rebuild writes a new collection aside and then moves the `active` pointer, so an interrupted build
leaves the previous index in use.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from .config import Settings
from .corpus import Unit, load_manifest, load_units, split_sentences

CHUNKER_VERSION = "2"
MAX_CHARS = 220
META = "assistant-meta"
ABANDONED_AFTER_S = 3600  # an unfinished collection this old is an interrupted build, not one under way


class IndexUnavailable(RuntimeError):
    """The index is missing, damaged or unreachable; the message says what to run."""


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str
    section: str
    uid: str
    kind: str

    @property
    def embed_text(self) -> str:
        # The nearest heading travels with the text: "（2）PM2.5浓度：2024年，…"
        return f"{self.section.split(' › ')[-1]}：{self.text}"


def chunk_units(units: tuple[Unit, ...]) -> list[Chunk]:
    """Paragraphs up to MAX_CHARS stay whole; longer ones become windows of whole sentences."""
    chunks: list[Chunk] = []
    for unit in units:
        pieces: list[str] = []
        if len(unit.text) <= MAX_CHARS:
            pieces = [unit.text]
        else:
            buf = ""
            for sentence in split_sentences(unit.text):
                if buf and len(buf) + len(sentence) > MAX_CHARS:
                    pieces.append(buf)
                    buf = ""
                buf += sentence
            if buf:
                pieces.append(buf)
        for i, piece in enumerate(pieces):
            chunks.append(Chunk(id=f"{unit.uid}.{i}", text=piece, section=unit.section_path, uid=unit.uid, kind=unit.kind))
    return chunks


def fingerprint(chunks: list[Chunk], embedder_name: str) -> str:
    h = hashlib.sha256(f"{CHUNKER_VERSION}|{embedder_name}".encode())
    for c in chunks:
        h.update(f"{c.id}|{c.section}|{c.text}\n".encode())
    return h.hexdigest()[:12]


def make_client(settings: Settings) -> chromadb.api.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(f"无法连接 Chroma 服务器 {settings.chroma_host}:{settings.chroma_port}（{exc}）。"
                                   "请确认服务器已启动，或取消 CHROMA_HOST 以使用本地索引。") from exc
    try:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)
    except Exception as exc:  # noqa: BLE001
        raise IndexUnavailable(f"索引目录 {settings.index_dir} 已损坏（{exc.__class__.__name__}）。"
                               "请运行 `python -m assistant index` 重建索引。") from exc


def _set_aside(settings: Settings) -> Path:
    """Move a damaged local store out of the way (kept, not deleted) so a fresh one can be built."""
    aside = settings.index_dir.with_name(f"{settings.index_dir.name}.corrupt-{int(time.time())}")
    aside.mkdir(parents=True)
    for item in settings.index_dir.iterdir():
        if item.name != ".gitkeep":
            shutil.move(str(item), aside / item.name)
    return aside


def _prefix(settings: Settings) -> str:
    return f"{settings.bulletin}-"


def build_index(settings: Settings, embedder: Embeddings, *, progress: bool = True, batch: int = 32,
                folder: Path | None = None, before_activate=None) -> dict:
    """Embed every chunk of one bulletin (its own passages only) into a fresh collection, then point
    `active:<bulletin>` at it and drop older ones. `folder` (default: the bulletin's folder in the corpus) is
    where its text is read from; `before_activate()` runs after the collection is filled and before the
    pointer moves (`add` moves the new folder into the corpus there); what it returns, if anything, is called
    to undo that step when the pointer cannot be moved, so the folder and the index never disagree."""
    started = time.perf_counter()
    folder = folder or settings.bulletin_dir
    manifest = load_manifest(folder)
    chunks = chunk_units(load_units(folder))
    name_ = getattr(embedder, "name", type(embedder).__name__)
    fp = fingerprint(chunks, name_)
    try:
        client = make_client(settings)
        client.list_collections()
    except Exception as exc:  # noqa: BLE001
        if settings.chroma_host:
            raise IndexUnavailable(str(exc)) from exc
        aside = _set_aside(settings)
        print(f"旧索引无法读取，已移到 {aside}，正在重建。", file=sys.stderr)
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # chroma caches one client per path; drop the broken one
        client = make_client(settings)
    # the process id keeps two processes that start building in the same millisecond apart
    name = f"{_prefix(settings)}{fp}p{os.getpid()}-{int(time.time() * 1000)}"
    meta = {"hnsw:space": "cosine", "fingerprint": fp, "embedder": name_, "bulletin": manifest.id, "chunks": len(chunks)}
    try:
        _fill_and_activate(client, settings, name, meta, chunks, embedder, manifest, progress, batch, before_activate)
    except IndexUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - chroma raises several kinds; the previous index stays active
        raise IndexUnavailable(f"构建索引失败（{exc.__class__.__name__}: {exc}），原有索引未受影响；"
                               "请重新运行 `python -m assistant index`。") from exc
    return {"collection": name, "chunks": len(chunks), "fingerprint": fp, "embedder": name_,
            "seconds": round(time.perf_counter() - started, 2)}


def _fill_and_activate(client, settings: Settings, name: str, metadata: dict, chunks: list[Chunk],
                       embedder: Embeddings, manifest, progress: bool, batch: int, before_activate=None) -> None:
    """Write every chunk into a new collection, then move the pointer to it (the swap) and tidy up."""
    collection = client.create_collection(name=name, embedding_function=None, metadata=metadata)
    bar = tqdm(total=len(chunks), desc="索引", unit="段", disable=not progress)
    for start in range(0, len(chunks), batch):
        part = chunks[start : start + batch]
        collection.add(
            ids=[c.id for c in part],
            documents=[c.text for c in part],
            embeddings=embedder.embed_documents([c.embed_text for c in part]),
            metadatas=[{"section": c.section, "uid": c.uid, "kind": c.kind, "bulletin": manifest.id,
                        "title": manifest.title} for c in part],
        )
        bar.update(len(part))
    bar.close()
    undo = None
    if before_activate is not None:
        try:
            undo = before_activate()
        except BaseException:
            client.delete_collection(name)  # nothing half-done stays behind
            raise
    try:
        pointers_at = client.get_or_create_collection(META, embedding_function=None)
        pointers = dict(pointers_at.metadata or {})  # modify() replaces the whole mapping: keep other bulletins' pointers
        previous = pointers.get(f"active:{settings.bulletin}")
        pointers_at.modify(metadata={**pointers, f"active:{settings.bulletin}": name})  # the swap
    except BaseException:
        if undo is not None:
            undo()  # `add`: the previous folder goes back, matching the pointer that did not move
        client.delete_collection(name)
        raise
    _drop_stale(client, settings, name, keep={name, previous}, floor=_built_at(previous) if previous else 0)


def _built_at(name: str) -> int:
    tail = name.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _drop_stale(client, settings: Settings, active: str, keep: set, floor: int = 0) -> None:
    """Delete this bulletin's superseded collections: complete ones older than the one just activated,
    and abandoned ones (an interrupted build) over an hour old.

    Kept: the collection just replaced, for one more generation, because other processes (several app
    processes on one Chroma server) may still be reading it and move to the new one on their next
    search; any collection still being filled, which is another process's build under way; and any
    complete build newer than the replaced one (`floor`), which another process may be about to activate.
    """
    newest = _built_at(active)
    ours = re.compile(re.escape(_prefix(settings)) + r"[^-]+-\d+")  # <bulletin>-<fingerprint>-<ms>
    for old in client.list_collections():
        old_name = old if isinstance(old, str) else old.name
        if not ours.fullmatch(old_name) or old_name in keep or _built_at(old_name) >= newest:
            continue
        try:
            collection = client.get_collection(old_name, embedding_function=None)
            complete = collection.count() >= int((collection.metadata or {}).get("chunks", 0))
            abandoned = time.time() * 1000 - _built_at(old_name) > ABANDONED_AFTER_S * 1000
            if (complete and _built_at(old_name) < floor) or abandoned:
                client.delete_collection(old_name)
        except Exception:  # noqa: BLE001 - a concurrent build already removed it
            continue


def open_collection(settings: Settings):
    client = make_client(settings)
    try:
        meta = client.get_collection(META, embedding_function=None)
        name = (meta.metadata or {}).get(f"active:{settings.bulletin}")
        if not name:
            raise KeyError(settings.bulletin)
        collection = client.get_collection(name, embedding_function=None)
        if collection.count() == 0:
            raise ValueError("集合为空")
        return collection
    except Exception as exc:  # noqa: BLE001
        raise IndexUnavailable(f"索引不存在或已损坏（{exc.__class__.__name__}）。请先运行 `python -m assistant index`。") from exc


def index_status(settings: Settings, embedder_name: str) -> str:
    """'ok', 'missing' or 'stale' (built from other text or with another embedder).

    An unreachable server or a damaged store raises IndexUnavailable: rebuilding would not help silently.
    """
    client = make_client(settings)
    try:
        meta = client.get_collection(META, embedding_function=None)
    except Exception:  # noqa: BLE001 - chroma raises NotFoundError/ValueError by version
        return "missing"
    if not (meta.metadata or {}).get(f"active:{settings.bulletin}"):
        return "missing"
    collection = open_collection(settings)
    chunks = chunk_units(load_units(settings.bulletin_dir))
    return "ok" if (collection.metadata or {}).get("fingerprint") == fingerprint(chunks, embedder_name) else "stale"


def remove_index(settings: Settings) -> int:
    """Drop one bulletin from the store: its pointer first (readers stop using it), then its collections."""
    client = make_client(settings)
    try:
        pointers_at = client.get_collection(META, embedding_function=None)
        pointers = dict(pointers_at.metadata or {})
        if pointers.get(f"active:{settings.bulletin}"):
            # an empty pointer, not a missing key: modify() may merge mappings rather than replace them
            pointers_at.modify(metadata={**pointers, f"active:{settings.bulletin}": ""})
    except Exception:  # noqa: BLE001 - no pointer collection: nothing was ever indexed
        pass
    ours = re.compile(re.escape(_prefix(settings)) + r"[^-]+-\d+")
    dropped = 0
    for old in client.list_collections():
        old_name = old if isinstance(old, str) else old.name
        if ours.fullmatch(old_name):
            try:
                client.delete_collection(old_name)
                dropped += 1
            except Exception:  # noqa: BLE001
                continue
    return dropped


def indexed_bulletins(settings: Settings) -> set[str]:
    """The bulletins the store has an active collection for."""
    try:
        meta = make_client(settings).get_collection(META, embedding_function=None)
    except Exception:  # noqa: BLE001
        return set()
    return {k.split(":", 1)[1] for k, v in (meta.metadata or {}).items() if k.startswith("active:") and v}
