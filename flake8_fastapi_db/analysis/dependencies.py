"""Functions of this file that FastAPI calls as dependencies (once per request)."""
from __future__ import annotations

import ast

from ..names import is_fastapi


def dependency_functions(ctx: object) -> set[str]:
    """Names of module-level functions of this file referenced as ``Depends(f)`` /
    ``Security(f)`` anywhere in this file (parameters, ``Annotated[...]``,
    ``dependencies=[...]``)."""
    functions = ctx.module.functions  # type: ignore[attr-defined]
    source = ctx.source  # type: ignore[attr-defined]
    if not functions or ("Depends" not in source and "Security" not in source):
        return set()
    out: set[str] = set()
    for node in ast.walk(ctx.tree):  # type: ignore[attr-defined]
        if not isinstance(node, ast.Call) or not is_fastapi(
                ctx.qualname(node.func), "Depends", "Security"):  # type: ignore[attr-defined]
            continue
        target = node.args[0] if node.args else next(
            (kw.value for kw in node.keywords if kw.arg == "dependency"), None)
        if isinstance(target, ast.Name) and target.id in functions:
            out.add(target.id)
    return out
