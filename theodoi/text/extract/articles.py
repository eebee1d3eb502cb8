"""Paths of the duties a decision gives in one of its articles.

The spec builds a path from Roman sections, numbers, letters and bullets; an
article ("Điều 2. Tổ chức thực hiện") is none of those. A decision that carries
its scheme states the duties as the items of one article, and a civil servant
cites them by those items ("1.2.b", "2.a"), not by the article. So when the
tasks under articles all sit in one article, that article's items lose the
"Đ2." in front of their paths (in the outline too, so task and heading paths
still agree). The article keeps "Đ2" as its own path: a task that is a whole
article (no items) is still "Đ2".

WHY only one article: with duties in two articles, "1.a" would name two
different items; the article then stays in the path. The same holds when a
bare path would equal a path outside the article (the plan's appendix rows).
"""

from __future__ import annotations

from collections.abc import Iterator

from theodoi.text.model import OutlineNode, Task


def _nodes(roots: list[OutlineNode]) -> Iterator[OutlineNode]:
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def _articles(roots: list[OutlineNode]) -> list[OutlineNode]:
    return [n for n in _nodes(roots) if n.kind == "article" and n.path]


def bare_article_paths(roots: list[OutlineNode], tasks: list[Task]) -> None:
    """Drop the article from the paths of its items when it alone holds the duties."""
    holding = {
        article.path: article
        for article in _articles(roots)
        for task in tasks
        if task.path.startswith(article.path + ".")
    }
    if len(holding) != 1:
        return
    article = next(iter(holding.values()))
    prefix = article.path + "."
    inside = [n for n in _nodes(article.children) if n.path.startswith(prefix)]
    outside = {n.path for n in _nodes(roots)} - {n.path for n in inside} - {article.path}
    renamed = {n.path: n.path[len(prefix) :] for n in inside}
    if outside & set(renamed.values()):
        return
    for node in inside:
        node.path = renamed[node.path]
    for task in tasks:
        if task.path.startswith(prefix):
            task.path = renamed.get(task.path, task.path[len(prefix) :])
