"""A small priority registry of named processors (after Python-Markdown's ``util.Registry``).

The parser's conventions (what an outline item means, how a table row is
laid out) are processors: objects with ``test(...) -> bool`` and
``run(...) -> result``. They sit in a ``Registry`` under a name and a
priority; the caller walks them from the highest priority down and stops at
the first whose ``test`` holds and whose ``run`` gives a result. A new
convention is then one new processor registered at the right priority, with
its fixture, not another branch in a hard-coded ``if``/``elif`` chain.

Registering under a name that is already taken replaces the old entry (its
priority too); ``deregister`` removes one by name. Equal priorities keep the
order of registration.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Entry(Generic[T]):
    name: str
    priority: float
    order: int
    item: T


class Registry(Generic[T]):
    """Named items iterated from the highest priority to the lowest."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry[T]] = {}
        self._counter = 0
        self._sorted: list[_Entry[T]] | None = None

    def register(self, item: T, name: str, priority: float) -> None:
        """Add ``item`` as ``name``; an existing entry of that name is replaced."""
        self._counter += 1
        self._entries[name] = _Entry(name, priority, self._counter, item)
        self._sorted = None

    def deregister(self, name: str, strict: bool = True) -> None:
        """Remove the entry ``name`` (``KeyError`` if absent and ``strict``)."""
        if name not in self._entries:
            if strict:
                raise KeyError(name)
            return
        del self._entries[name]
        self._sorted = None

    def _ordered(self) -> list[_Entry[T]]:
        if self._sorted is None:
            self._sorted = sorted(self._entries.values(), key=lambda e: (-e.priority, e.order))
        return self._sorted

    def __iter__(self) -> Iterator[T]:
        return (entry.item for entry in self._ordered())

    def __getitem__(self, name: str) -> T:
        return self._entries[name].item

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def names(self) -> list[str]:
        """The names in the order of iteration."""
        return [entry.name for entry in self._ordered()]

    def priority(self, name: str) -> float:
        return self._entries[name].priority

    def copy(self) -> Registry[T]:
        """An independent registry with the same entries (to extend in a test or a caller)."""
        other: Registry[T] = Registry()
        for entry in self._ordered():
            other.register(entry.item, entry.name, entry.priority)
        return other
