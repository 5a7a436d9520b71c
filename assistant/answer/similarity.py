"""Word similarity learned from text, for question words no sentence word or WordNet bridge matches.

"carriers" asked where the article writes "airlines", "consultations" for "talks": WordNet links
neither pair, a static embedding learned from text may. The vectors are WordLlama's (MIT, by Lee
Miller): 256-dimension static token embeddings, 32,000 tokens x 256 in float16, shipped inside its
wheel with their tokenizer file. A word's vector is the mean of its tokens' rows, as WordLlama embeds
text. Nothing is downloaded and the `wordllama` package is never imported (it would import pydantic
and look up its files on the network): the tensor is read as a numpy memmap after its safetensors
header, the tokenizer with `tokenizers`. Both are loaded on the first question that has a word left
unmatched, and each word's vector is cached per process.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.index.tokens import terms, words

if TYPE_CHECKING:  # annotations only
    import numpy.typing as npt
    from tokenizers import Tokenizer

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"
_MAX_HEADER = 1 << 20
"""A safetensors header longer than this is not the file the wheel ships: refuse it."""


class SimilarityUnavailable(RuntimeError):
    """The WordLlama wheel's files are missing or not what it ships."""


def _folder() -> Path:
    """The installed `wordllama` package's folder, found without importing it."""
    spec = find_spec("wordllama")
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    if not places:
        raise SimilarityUnavailable("the wordllama package is not installed")
    return Path(places[0])


@lru_cache(maxsize=1)
def _model() -> tuple[npt.NDArray[np.float16], Tokenizer]:
    """The embedding table (memory-mapped: only the rows asked for are read) and the tokenizer."""
    from tokenizers import Tokenizer

    folder = _folder()
    path = folder / WEIGHTS
    try:
        with path.open("rb") as f:
            (size,) = struct.unpack("<Q", f.read(8))
            if size > _MAX_HEADER:
                raise SimilarityUnavailable(f"{path}: not a safetensors file")
            header = json.loads(f.read(size))
        info = header[TENSOR]
        rows, dim = (int(n) for n in info["shape"])
        start, end = (int(n) for n in info["data_offsets"])
        if info["dtype"] != "F16" or end - start != rows * dim * 2:
            raise SimilarityUnavailable(f"{path}: unexpected tensor {info['dtype']} {info['shape']}")
        table = np.memmap(path, dtype=np.float16, mode="r", offset=8 + size + start, shape=(rows, dim))
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
    except (OSError, ValueError, KeyError, TypeError, struct.error) as e:
        raise SimilarityUnavailable(f"WordLlama's files cannot be read: {e}") from e
    return table, tokenizer


_vectors: dict[str, npt.NDArray[np.float32]] = {}
"""Each word's unit vector, once computed (a process asks about the same words again and again)."""


def unit_vectors(words: Sequence[str]) -> npt.NDArray[np.float32]:
    """One unit-length row per word: the mean of its tokens' embeddings, normalised."""
    new = [w for w in dict.fromkeys(words) if w not in _vectors]
    if new:
        table, tokenizer = _model()
        for word, enc in zip(new, tokenizer.encode_batch(new, add_special_tokens=False), strict=True):
            ids = [i for i in enc.ids if 0 <= i < table.shape[0]]
            v = table[ids].astype(np.float32).mean(axis=0) if ids else np.zeros(table.shape[1], np.float32)
            norm = float(np.linalg.norm(v))
            _vectors[word] = v / norm if norm > 0 else v
    if not words:
        return np.zeros((0, 256), dtype=np.float32)
    return np.vstack([_vectors[w] for w in words])


def best_cosines(asked: Sequence[str], written: Iterable[Sequence[str]]) -> npt.NDArray[np.float64]:
    """For each group of written words (a sentence's), each asked word's best cosine among them
    (rows: groups, columns: asked words; 0 for an empty group)."""
    groups = [list(g) for g in written]
    out = np.zeros((len(groups), len(asked)), dtype=np.float64)
    if not asked or not any(groups):
        return out
    vocab = list(dict.fromkeys(w for g in groups for w in g))
    where = {w: i for i, w in enumerate(vocab)}
    cos = unit_vectors(list(vocab)) @ unit_vectors(list(asked)).T
    for row, group in enumerate(groups):
        if group:
            out[row] = cos[[where[w] for w in group]].max(axis=0)
    return out


def plain_words(text: str) -> list[tuple[str, str]]:
    """The common words of `text` (lower-case as written, letters only; a first word lowered), each
    with its term. Names are left out: "Pennzoil" near "Texaco" is a near miss, not a paraphrase."""
    out: list[tuple[str, str]] = []
    for k, (word, start, end) in enumerate(words(text)):
        written = text[start:end]
        if k == 0:
            written = written[:1].lower() + written[1:]
        if written != word or not word.isalpha():
            continue
        found = terms(word)
        if found:
            out.append((found[0], word))
    return out
