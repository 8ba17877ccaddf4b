"""Coverage-guided fuzzing of frivillig's JSON loader, with atheris (libFuzzer for Python).

Every input is used twice:

1. as raw bytes, read by ``frivillig.loads`` for each document type and for
   "whatever the document says it is";
2. as instructions that mutate the shipped example document (replace, remove or
   copy values at fuzzer-chosen places, with fuzzer-chosen JSON values), read by
   ``frivillig.from_dict``. This reaches the validators deep inside a
   collaboration that random bytes alone rarely reach.

The only exception the loader may raise is frivillig's own ``FrivilligError``;
anything else is a crash and libFuzzer stops with the input that caused it.
A document that loads must also survive a round trip through ``dumps``.

Run it with the instructions in ``fuzz/README.md``.
"""

import sys
from collections.abc import Callable
from typing import Any

import atheris

with atheris.instrument_imports(include=["frivillig", "dateutil"]):
    import frivillig
    from frivillig.errors import FrivilligError
    from frivillig.serialization import DOCUMENT_TYPES, LoadLimits

EXAMPLE: dict[str, Any] = frivillig.to_dict(frivillig.load_example())
TYPES: list[type[Any] | None] = [None, *DOCUMENT_TYPES.values()]
TIGHT = LoadLimits(max_bytes=4096, max_depth=6, max_items=8, max_string_length=64, max_problems=5)


def _json_value(data: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    """Make a JSON value (or a value JSON cannot hold, such as NaN) from the fuzzer's bytes."""
    kind = data.ConsumeIntInRange(0, 9)
    if kind == 0:
        return None
    if kind == 1:
        return data.ConsumeBool()
    if kind == 2:
        return data.ConsumeIntInRange(-3, 2200)
    if kind == 3:
        return data.ConsumeInt(data.ConsumeIntInRange(1, 64))
    if kind == 4:
        return data.ConsumeFloat()
    if kind == 5:
        return data.ConsumeUnicode(data.ConsumeIntInRange(0, 40))
    if kind == 6:
        return f"{data.ConsumeIntInRange(0, 9999):04d}-{data.ConsumeIntInRange(0, 13):02d}-01"
    if kind == 7 and depth < 4:
        return [_json_value(data, depth + 1) for _ in range(data.ConsumeIntInRange(0, 3))]
    if kind == 8 and depth < 4:
        return {
            data.ConsumeUnicode(8): _json_value(data, depth + 1)
            for _ in range(data.ConsumeIntInRange(0, 3))
        }
    return data.ConsumeUnicode(data.ConsumeIntInRange(0, 8))


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _mutate(document: dict[str, Any], data: atheris.FuzzedDataProvider) -> None:
    """Walk down from the root to a fuzzer-chosen place and change what is there."""
    node: Any = document
    while True:
        keys: list[Any] = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return
        key = keys[data.ConsumeIntInRange(0, len(keys) - 1)]
        child = node[key]
        if isinstance(child, dict | list) and child and data.ConsumeIntInRange(0, 3):
            node = child
            continue
        action = data.ConsumeIntInRange(0, 3)
        if action == 0 and isinstance(node, dict):
            del node[key]
        elif action == 1:
            sibling = node[keys[data.ConsumeIntInRange(0, len(keys) - 1)]]
            node[key] = _copy(sibling)
        else:
            node[key] = _json_value(data)
        return


def _expect_ours(load: Callable[[], Any]) -> Any:
    try:
        return load()
    except FrivilligError:
        return None


def _check_round_trip(loaded: Any) -> None:
    if loaded is not None and frivillig.loads(frivillig.dumps(loaded)) != loaded:
        message = "a loaded document changed in a round trip through dumps and loads"
        raise AssertionError(message)


def test_one_input(raw: bytes) -> None:
    """Feed one fuzzer input to every loader; anything but FrivilligError is a finding."""
    for cls in TYPES:
        _check_round_trip(_expect_ours(lambda cls=cls: frivillig.loads(raw, cls)))
    _expect_ours(lambda: frivillig.loads(raw, limits=TIGHT))

    data = atheris.FuzzedDataProvider(raw)
    document = _copy(EXAMPLE)
    for _ in range(data.ConsumeIntInRange(1, 4)):
        _mutate(document, data)
    _check_round_trip(_expect_ours(lambda: frivillig.from_dict(document)))
    _expect_ours(lambda: frivillig.from_dict(document, limits=TIGHT))


def write_seeds(folder: str) -> None:
    """Write a few valid documents to start the corpus from."""
    from pathlib import Path

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    collaboration = frivillig.load_example()
    portfolio = frivillig.Portfolio(id="p", title="Portefølje", collaborations=(collaboration,))
    seeds = {
        "collaboration.json": frivillig.dumps(collaboration),
        "portfolio.json": frivillig.dumps(portfolio),
        "indented.json": frivillig.dumps(collaboration, indent=2),
    }
    for name, text in seeds.items():
        (target / name).write_text(text, encoding="utf-8")


def main() -> None:
    """Run libFuzzer with the command line's options, or write the seed corpus."""
    if len(sys.argv) == 3 and sys.argv[1] == "--write-seeds":
        write_seeds(sys.argv[2])
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
