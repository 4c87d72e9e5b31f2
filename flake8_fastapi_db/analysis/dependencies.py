"""Functions of this file that FastAPI calls as dependencies (once per request)."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .sessions import depends_target, is_depends_call
from ..astwalk import walk

if TYPE_CHECKING:
    from ..context import FileContext


def dependency_functions(ctx: FileContext) -> set[str]:
    """Names of module-level functions of this file referenced as ``Depends(f)`` /
    ``Security(f)`` anywhere in this file (parameters, ``Annotated[...]``,
    ``dependencies=[...]``)."""
    module = ctx.module
    if not module.functions or ("Depends" not in ctx.source and "Security" not in ctx.source):
        return set()
    out: set[str] = set()
    for node in walk(ctx.tree):
        if is_depends_call(module, node):
            target = depends_target(node)  # type: ignore[arg-type]
            if isinstance(target, ast.Name) and target.id in module.functions:
                out.add(target.id)
    return out
