"""Relationship loader options of a statement: which relationship paths are eager.

``options(selectinload(User.posts).joinedload(Post.author))`` covers the paths
``("posts",)`` and ``("posts", "author")``. Paths are attribute names from the
queried entity; the class in ``User.posts`` is not checked against the entity
(aliases and inheritance make that unreliable, and a wrong class is an error
SQLAlchemy reports itself). An option that cannot be read (a variable,
``*opts``, a project helper) makes the whole set *opaque*: everything counts as
covered, so no rule reports a missing loader.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..names import literal_str

# Options that load (or deliberately never lazy-load) the relationship they name.
EAGER = frozenset({"selectinload", "joinedload", "subqueryload", "contains_eager",
                   "immediateload", "raiseload", "noload", "selectin_polymorphic"})
# Options that only extend a path or are about columns; they load nothing themselves.
NEUTRAL = frozenset({"defaultload", "lazyload", "load_only", "defer", "undefer",
                     "undefer_group", "with_expression", "with_loader_criteria",
                     "options", "Load"})
COLUMN_ONLY = frozenset({"load_only", "defer", "undefer", "undefer_group", "with_expression",
                         "options"})


@dataclass
class LoaderSet:
    paths: set[tuple[str, ...]] = field(default_factory=set)
    wildcard_depths: set[int] = field(default_factory=set)   # "*" at this path length
    joined: set[tuple[str, ...]] = field(default_factory=set)  # joinedload paths
    opaque: bool = False

    def update(self, other: LoaderSet) -> None:
        self.paths |= other.paths
        self.wildcard_depths |= other.wildcard_depths
        self.joined |= other.joined
        self.opaque = self.opaque or other.opaque

    def covers(self, path: tuple[str, ...]) -> bool:
        return self.opaque or path in self.paths or len(path) in self.wildcard_depths


def _attr_name(node: ast.expr) -> str | None:
    """``User.posts`` / ``User.posts.of_type(X)`` / ``User.posts.and_(...)`` / "posts"."""
    text = literal_str(node)
    if text is not None:
        return text
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr in ("of_type", "and_"):
        return _attr_name(node.func.value)
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _option_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _chain(option: ast.expr) -> list[ast.Call] | None:
    """``a(X).b(Y).c(Z)`` -> [a(X), b(Y), c(Z)]; None when not such a chain."""
    links: list[ast.Call] = []
    node: ast.expr = option
    while isinstance(node, ast.Call):
        links.append(node)
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):
            node = node.func.value
            continue
        break
    else:
        return None
    return list(reversed(links))


def option_paths(option: ast.expr) -> LoaderSet | None:
    """Eager paths of one option expression; None when it cannot be read."""
    links = _chain(option)
    if not links:
        return None
    out = LoaderSet()
    path: tuple[str, ...] = ()
    for call in links:
        name = _option_name(call.func)
        if name is None:
            return None
        if name == "Load":          # Load(User).selectinload(User.posts)
            continue
        if name not in EAGER and name not in NEUTRAL:
            return None
        if name in COLUMN_ONLY:
            continue
        attrs: list[str] = []
        for arg in call.args:
            attr = _attr_name(arg)
            if attr is None:
                return None
            attrs.append(attr)
        if not attrs:
            continue
        # Old style selectinload(A.b, B.c) names a whole path in one call.
        for i, attr in enumerate(attrs):
            if attr == "*":
                if name in EAGER:
                    out.wildcard_depths.add(len(path) + 1)
                continue
            path = (*path, attr)
            last = i == len(attrs) - 1
            if name in EAGER and (last or name.endswith("_all")):
                out.paths.add(path)
                if name == "joinedload":
                    out.joined.add(path)
    return out


def loaders_of(options_call: ast.Call) -> LoaderSet:
    """Loader paths of one ``.options(...)`` call."""
    out = LoaderSet()
    for arg in options_call.args:
        if isinstance(arg, ast.Starred):
            out.opaque = True
            continue
        found = option_paths(arg)
        if found is None:
            out.opaque = True
            continue
        out.update(found)
    if options_call.keywords:
        out.opaque = True
    return out
