"""How a string was built: formatting, concatenation, and which parts are literal.

Used by DB701 (SQL built by string formatting). A value is *built* when an
f-string, ``%``, ``.format()``, ``+`` or ``str.join`` produced it, directly or
through names assigned earlier in the same function (or module). A part of a
built string is *safe* when its value can only come from literal constants:
literals, names bound only to literals (in the function, the module, or a
project module it is imported from), elements of literal containers, loop
variables over those, numbers (``int(x)``, ``len(x)``), a class's
``__tablename__``, identifiers quoted by the dialect's identifier preparer,
and bind-parameter placeholders generated from ``range``/``enumerate`` indexes.
Everything else is a non-literal part.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from ..names import is_sa
from .bindings import ASSIGN, AUGMENT, ELEMENT, IMPORT, LOOP, OTHER, PARAM, Binding, Scope, \
    Scopes, lookup
from .scopewalk import scope_nodes
from ..astwalk import child_nodes, walk

_MAX_DEPTH = 40
# Calls whose result is a number (or bool) whatever their argument: no SQL text can
# come out of them.
NUMERIC_CALLS = frozenset({"int", "float", "len", "bool", "round", "abs", "min", "max",
                           "sum", "hash"})
# Identifier quoting by SQLAlchemy's IdentifierPreparer (dialect.identifier_preparer).
# Annotated types whose text is a number / hex: ``int`` parameters are validated by
# FastAPI and checked by type checkers.
NUMERIC_TYPES = frozenset({"int", "float", "bool", "UUID", "Decimal"})
UUID_FACTORIES = ("uuid.uuid1", "uuid.uuid4", "uuid.uuid5", "uuid.uuid3")
QUOTING_METHODS = frozenset({"quote", "quote_identifier", "quote_schema", "format_table",
                             "format_column"})
# SQLAlchemy constants whose compiled text is a fixed keyword of the dialect
# (``sa.false().compile(bind)`` -> ``false`` or ``0``).
SA_CONSTANTS = ("true", "false", "null")
# Builtins whose text is made only of their argument's text.
TEXT_OF_ARGUMENT = frozenset({"str", "repr", "tuple", "list", "sorted"})


@dataclass
class Built:
    """What is known about a (possibly) string-valued expression."""

    stringy: bool = False           # certainly a str
    built: bool = False             # produced by formatting / concatenation / join
    unsafe: list[ast.expr] = field(default_factory=list)   # non-literal parts
    prefix: str | None = None       # leading literal text, when known

    def merge(self, other: Built) -> None:
        self.stringy = self.stringy or other.stringy
        self.built = self.built or other.built
        self.unsafe.extend(other.unsafe)
        if self.prefix is None:
            self.prefix = other.prefix


def _pure_literal(node: ast.AST | None) -> bool:
    """A literal in the source with no names in it."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_pure_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _pure_literal(k) for k in node.keys) and all(
            _pure_literal(v) for v in node.values)
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) for v in node.values)
    return False


class StringAnalysis:
    """Per-file analysis; ``ctx`` provides qualified names and project lookups."""

    def __init__(self, ctx: object, scopes: Scopes) -> None:
        self.ctx = ctx
        self.scopes = scopes
        self._depth = 0
        # Comprehension variables visible where the analysed expression sits.
        self._base_env: dict[str, bool] = {}
        # (function, parameter) pairs whose call sites are being examined.
        self._in_progress: set[tuple[int, str]] = set()
        self._call_sites: dict[str, list[tuple[ast.Call, list[Scope]]] | None] = {}

    # -- public ----------------------------------------------------------
    def analyse(self, expr: ast.expr, chain: list[Scope], before: ast.AST | None = None,
                env: dict[str, bool] | None = None) -> Built:
        """How ``expr`` (evaluated at ``before`` inside ``chain``) was built;
        ``env`` tells which comprehension variables around it are literal."""
        if env is not None:
            self._base_env = env
        if self._depth > _MAX_DEPTH:
            return Built()
        self._depth += 1
        try:
            return self._analyse(expr, chain, before)
        finally:
            self._depth -= 1
            if env is not None:
                self._base_env = {}

    def comprehension_env(self, ancestors: list[ast.AST], chain: list[Scope],
                          before: ast.AST) -> dict[str, bool]:
        """Literal-ness of the variables of the comprehensions enclosing a node
        (``ancestors``: innermost first)."""
        comprehensions: list[ast.AST] = []
        for anc in ancestors:
            if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                ast.ClassDef)):
                break
            if isinstance(anc, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                comprehensions.append(anc)
        env: dict[str, bool] = {}
        for comp in reversed(comprehensions):
            for gen in comp.generators:  # type: ignore[attr-defined]
                for name, ok in self._loop_targets(gen.target, gen.iter, chain, before, env):
                    env[name] = ok
        return env

    def safe(self, expr: ast.expr, chain: list[Scope], before: ast.AST | None = None,
             env: dict[str, bool] | None = None) -> bool:
        """Can the value of ``expr`` only come from literal constants?"""
        if self._depth > _MAX_DEPTH:
            return False
        self._depth += 1
        try:
            merged = {**self._base_env, **env} if env else self._base_env
            return self._safe(expr, chain, before, merged)
        finally:
            self._depth -= 1

    # -- building --------------------------------------------------------
    def _analyse(self, expr: ast.expr, chain: list[Scope], before: ast.AST | None) -> Built:
        if isinstance(expr, ast.Constant):
            if isinstance(expr.value, str):
                return Built(stringy=True, prefix=expr.value)
            return Built()
        if isinstance(expr, ast.JoinedStr):
            return self._fstring(expr, chain, before)
        if isinstance(expr, ast.BinOp):
            if isinstance(expr.op, ast.Mod):
                return self._percent(expr, chain, before)
            if isinstance(expr.op, ast.Add):
                return self._concat(expr.left, expr.right, chain, before)
            return Built()
        if isinstance(expr, ast.Call):
            return self._call(expr, chain, before)
        if isinstance(expr, ast.Name):
            return self._name(expr, chain, before)
        if isinstance(expr, ast.IfExp):
            out = self.analyse(expr.body, chain, before)
            out.merge(self.analyse(expr.orelse, chain, before))
            return out
        return Built()

    def _part(self, out: Built, part: ast.expr, chain: list[Scope],
              before: ast.AST | None) -> None:
        if not self.safe(part, chain, before):
            out.unsafe.append(part)

    def _fstring(self, expr: ast.JoinedStr, chain: list[Scope],
                 before: ast.AST | None) -> Built:
        out = Built(stringy=True)
        prefix: list[str] = []
        leading = True
        for value in expr.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                if leading:
                    prefix.append(value.value)
            elif isinstance(value, ast.FormattedValue):
                leading = False
                out.built = True
                self._part(out, value.value, chain, before)
        out.prefix = "".join(prefix)
        return out

    def _percent(self, expr: ast.BinOp, chain: list[Scope], before: ast.AST | None) -> Built:
        left = self.analyse(expr.left, chain, before)
        if not left.stringy:
            return Built()            # could be arithmetic modulo
        out = Built(stringy=True, built=True, unsafe=list(left.unsafe), prefix=left.prefix)
        right = expr.right
        parts = right.elts if isinstance(right, ast.Tuple) else (
            [v for v in right.values] if isinstance(right, ast.Dict) else [right])
        for part in parts:
            self._part(out, part, chain, before)
        return out

    def _concat(self, left_node: ast.expr, right_node: ast.expr, chain: list[Scope],
                before: ast.AST | None) -> Built:
        left = self.analyse(left_node, chain, before)
        right = self.analyse(right_node, chain, before)
        if not (left.stringy or right.stringy):
            return Built()            # not known to be text (numbers, lists, clauses)
        out = Built(stringy=True, built=True, prefix=left.prefix if left.stringy else None)
        for side, facts in ((left_node, left), (right_node, right)):
            if facts.stringy:
                out.unsafe.extend(facts.unsafe)
            else:
                self._part(out, side, chain, before)
        return out

    def _call(self, expr: ast.Call, chain: list[Scope], before: ast.AST | None) -> Built:
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr == "format":
            receiver = self.analyse(func.value, chain, before)
            out = Built(stringy=True, built=True, unsafe=list(receiver.unsafe),
                        prefix=receiver.prefix)
            if not receiver.stringy:
                self._part(out, func.value, chain, before)
            for arg in expr.args:
                self._part(out, arg.value if isinstance(arg, ast.Starred) else arg,
                           chain, before)
            for kw in expr.keywords:
                self._part(out, kw.value, chain, before)
            return out
        if isinstance(func, ast.Attribute) and func.attr == "join" and len(expr.args) == 1:
            receiver = self.analyse(func.value, chain, before)
            if not receiver.stringy:
                return Built()
            out = Built(stringy=True, built=True, unsafe=list(receiver.unsafe))
            self._part(out, expr.args[0], chain, before)
            return out
        if isinstance(func, ast.Name) and func.id == "str" and len(expr.args) == 1:
            inner = self.analyse(expr.args[0], chain, before)
            if inner.stringy:
                return inner
        return Built()

    def _name(self, expr: ast.Name, chain: list[Scope], before: ast.AST | None) -> Built:
        found = lookup(self.scopes, chain, expr.id, before)
        if found is None:
            return self._imported(expr)
        _, bindings = found
        kinds = {b.kind for _, b in bindings}
        if kinds == {IMPORT}:
            return self._imported(expr)
        out = Built()
        # Parameters, loop variables and other bindings supply values we know
        # nothing of; only the assignments tell how text was built.
        for index, binding in bindings:
            if binding.kind in (ASSIGN, AUGMENT):
                out.merge(self._binding(expr, binding, chain[index:]))
        return out

    def _binding(self, name: ast.Name, binding: Binding, chain: list[Scope]) -> Built:
        assert binding.value is not None
        if binding.kind == ASSIGN:
            return self.analyse(binding.value, chain, binding.node)
        # name op= value: the value of the name before this statement, combined.
        previous = ast.Name(id=name.id, ctx=ast.Load())
        ast.copy_location(previous, binding.node)
        if isinstance(binding.op, ast.Add):
            return self._concat(previous, binding.value, chain, binding.node)
        if isinstance(binding.op, ast.Mod):
            node = ast.BinOp(left=previous, op=ast.Mod(), right=binding.value)
            return self._percent(node, chain, binding.node)
        return Built()

    def _imported(self, expr: ast.Name) -> Built:
        symbol = self.ctx.resolve(expr)  # type: ignore[attr-defined]
        if symbol is not None and isinstance(symbol.node, ast.Constant) and \
                isinstance(symbol.node.value, str):
            return Built(stringy=True, prefix=symbol.node.value)
        return Built()

    # -- safety ------------------------------------------------------------
    def _safe(self, expr: ast.expr, chain: list[Scope], before: ast.AST | None,
              env: dict[str, bool]) -> bool:
        if isinstance(expr, ast.Constant):
            return True
        if isinstance(expr, ast.Name):
            if expr.id in env:
                return env[expr.id]
            return self._safe_name(expr, chain, before)
        if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
            return all(self.safe(e.value if isinstance(e, ast.Starred) else e,
                                 chain, before, env) for e in expr.elts)
        if isinstance(expr, ast.Dict):
            return all(k is not None and self.safe(k, chain, before, env)
                       for k in expr.keys) and \
                all(self.safe(v, chain, before, env) for v in expr.values)
        if isinstance(expr, ast.JoinedStr):
            return all(self.safe(v.value, chain, before, env) for v in expr.values
                       if isinstance(v, ast.FormattedValue))
        if isinstance(expr, ast.BinOp):
            return self.safe(expr.left, chain, before, env) and \
                self.safe(expr.right, chain, before, env)
        if isinstance(expr, ast.UnaryOp):
            return self.safe(expr.operand, chain, before, env)
        if isinstance(expr, ast.BoolOp):
            return all(self.safe(v, chain, before, env) for v in expr.values)
        if isinstance(expr, ast.IfExp):
            return self.safe(expr.body, chain, before, env) and \
                self.safe(expr.orelse, chain, before, env)
        if isinstance(expr, ast.Subscript):
            # An element (or slice) of a literal container is a literal.
            return self.safe(expr.value, chain, before, env)
        if isinstance(expr, ast.Attribute):
            if expr.attr == "hex":          # uuid4().hex
                return self.safe(expr.value, chain, before, env)
            if expr.attr == "__tablename__":
                return True
            root: ast.expr = expr
            while isinstance(root, ast.Attribute):
                root = root.value
            # Attributes of a literal-derived value (Status.ACTIVE.value: members of an
            # Enum class are literals).
            return isinstance(root, ast.Name) and self.safe(root, chain, before, env)
        if isinstance(expr, ast.Call):
            return self._safe_call(expr, chain, before, env)
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            return self._safe_comprehension(expr, chain, before, env)
        return False

    def _safe_call(self, expr: ast.Call, chain: list[Scope], before: ast.AST | None,
                   env: dict[str, bool]) -> bool:
        func = expr.func
        if self.ctx.qualname(func) in UUID_FACTORIES:  # type: ignore[attr-defined]
            return True
        if isinstance(func, ast.Name):
            symbol = self.ctx.resolve(func)  # type: ignore[attr-defined]
            if symbol is not None and symbol.is_function and \
                    symbol.node.returns is not None and \
                    self._numeric_annotation(symbol.node.returns):
                return True
        if isinstance(func, ast.Name) and func.id in NUMERIC_CALLS and \
                self.ctx.qualname(func) is None:  # type: ignore[attr-defined]
            return True
        if isinstance(func, ast.Name) and func.id in TEXT_OF_ARGUMENT and \
                len(expr.args) == 1:
            return self.safe(expr.args[0], chain, before, env)
        if is_sa(self.ctx.qualname(func), "quoted_name") and expr.args:  # type: ignore
            # quoted_name(value, quote) is a str subclass: its text is ``value``.
            return self.safe(expr.args[0], chain, before, env)
        if isinstance(func, ast.Name) and self._safe_local_result(expr, func, chain, before, env):
            return True
        if isinstance(func, ast.Name):
            # quote = dialect.identifier_preparer.quote; quote(name)
            found = lookup(self.scopes, chain, func.id, before)
            if found is not None and len(found[1]) == 1 and found[1][0][1].kind == ASSIGN:
                value = found[1][0][1].value
                if isinstance(value, ast.Attribute) and value.attr in QUOTING_METHODS and \
                        "preparer" in ast.unparse(value.value):
                    return True
        if isinstance(func, ast.Attribute):
            if func.attr in QUOTING_METHODS and "preparer" in ast.unparse(func.value):
                return True
            if func.attr == "compile" and isinstance(func.value, ast.Call) and \
                    not func.value.args and \
                    is_sa(self.ctx.qualname(func.value.func), *SA_CONSTANTS):  # type: ignore
                return True
            if func.attr == "get" and expr.args and not expr.keywords:
                # A value (or the default) of a literal mapping; the key does not
                # matter, as for ``mapping[key]``.
                return self.safe(func.value, chain, before, env) and \
                    all(self.safe(a, chain, before, env) for a in expr.args[1:])
            if func.attr == "keys" and not expr.args:
                return self._safe_keys(func.value, chain, before, env)
            if func.attr in ("format", "join", "upper", "lower", "strip", "replace"):
                receiver_ok = self.safe(func.value, chain, before, env)
                args = [a.value if isinstance(a, ast.Starred) else a for a in expr.args]
                return receiver_ok and all(self.safe(a, chain, before, env) for a in args) \
                    and all(self.safe(k.value, chain, before, env) for k in expr.keywords)
            if func.attr in ("values", "items") and not expr.args:
                return self.safe(func.value, chain, before, env)
        return False

    def _safe_local_result(self, call: ast.Call, func: ast.Name, chain: list[Scope],
                           before: ast.AST | None, env: dict[str, bool]) -> bool:
        """``helper(args)`` where ``helper`` is a plain function of this file whose every
        ``return`` value is literal, given which of its parameters receive literal
        arguments at this call (parameters reached through local names fall back to
        the call-site rule of ``_safe_parameter``)."""
        found = lookup(self.scopes, chain, func.id, before)
        if found is None or len(found[1]) != 1:
            return False
        index, binding = found[1][0]
        function = binding.node
        if binding.kind != OTHER or not isinstance(function, ast.FunctionDef) or \
                function.decorator_list:
            return False
        key = (id(function), "<return>")
        if key in self._in_progress:
            return False
        if any(isinstance(a, ast.Starred) for a in call.args) or \
                any(kw.arg is None for kw in call.keywords):
            return False
        nodes = list(scope_nodes(function))
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
            return False
        returns = [n for n in nodes if isinstance(n, ast.Return)]
        if not returns:
            return False
        outer = chain[index:]
        params: dict[str, bool] = {}
        args = function.args
        positional = [*args.posonlyargs, *args.args]
        own = self.scopes.bindings(function)
        for arg in [*positional, *args.kwonlyargs]:
            if any(b.kind != PARAM for b in own.of(arg.arg) or ()):
                continue        # rebound in the body: its own bindings decide
            value: ast.expr | None = None
            if arg in positional and positional.index(arg) < len(call.args):
                value = call.args[positional.index(arg)]
            else:
                value = next((kw.value for kw in call.keywords if kw.arg == arg.arg), None)
            if value is not None:
                params[arg.arg] = self.safe(value, chain, before, env)
            else:
                default = _default_of(function, arg)
                params[arg.arg] = default is not None and self.safe(default, outer, function)
        for extra in (args.vararg, args.kwarg):
            if extra is not None:
                params[extra.arg] = False
        # The helper's names are its own: the comprehension variables around the
        # call site must not leak into it.
        saved, self._base_env = self._base_env, {}
        self._in_progress.add(key)
        try:
            return all(r.value is None or self.safe(r.value, [function, *outer], r, params)
                       for r in returns)
        finally:
            self._in_progress.discard(key)
            self._base_env = saved

    def _safe_keys(self, expr: ast.expr, chain: list[Scope], before: ast.AST | None,
                   env: dict[str, bool]) -> bool:
        """Are all keys of the mapping ``expr`` literal (whatever its values)?
        ``{"id": row.id}``, ``d["extra"] = v``, ``records[0]`` of a list of such dicts."""
        if self._depth > _MAX_DEPTH:
            return False
        self._depth += 1
        try:
            return self._keys(expr, chain, before, env)
        finally:
            self._depth -= 1

    def _keys(self, expr: ast.expr, chain: list[Scope], before: ast.AST | None,
              env: dict[str, bool]) -> bool:
        if isinstance(expr, ast.Dict):
            return all(self.safe(k, chain, before, env) if k is not None
                       else self._safe_keys(v, chain, before, env)
                       for k, v in zip(expr.keys, expr.values))
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and \
                expr.func.id == "dict" and not expr.args and \
                self.ctx.qualname(expr.func) is None:  # type: ignore[attr-defined]
            return all(kw.arg is not None for kw in expr.keywords)
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name):
            return self._element_keys(expr.value, chain, before, env)
        if not isinstance(expr, ast.Name) or expr.id in env:
            return False
        found = lookup(self.scopes, chain, expr.id, before)
        if found is None or {b.kind for _, b in found[1]} == {IMPORT}:
            return self._safe_import(expr)      # a literal dict of another module
        if not found[1]:
            return False
        for index, binding in found[1]:
            inner = chain[index:]
            if binding.kind == ASSIGN and binding.value is not None:
                if not self._safe_keys(binding.value, inner, binding.node, {}):
                    return False
            elif binding.kind == ELEMENT and isinstance(binding.node, ast.Assign):
                # name[key] = value: only the key matters.
                keys = [t.slice for t in binding.node.targets if isinstance(t, ast.Subscript)
                        and isinstance(t.value, ast.Name) and t.value.id == expr.id]
                if not keys or not all(self.safe(k, inner, binding.node) for k in keys):
                    return False
            else:
                return False
        return True

    def _element_keys(self, container: ast.Name, chain: list[Scope], before: ast.AST | None,
                      env: dict[str, bool]) -> bool:
        """Do all elements of the list ``container`` have literal keys?"""
        if container.id in env:
            return False
        found = lookup(self.scopes, chain, container.id, before)
        if found is None or not found[1]:
            return False
        for index, binding in found[1]:
            inner = chain[index:]
            value = binding.value
            if binding.kind == ASSIGN and isinstance(value, (ast.List, ast.Tuple)):
                if not all(self._safe_keys(e, inner, binding.node, {}) for e in value.elts):
                    return False
            elif binding.kind == ELEMENT and isinstance(binding.node, ast.Call) and \
                    isinstance(binding.node.func, ast.Attribute) and \
                    binding.node.func.attr in ("append", "insert") and value is not None:
                if not self._safe_keys(value, inner, binding.node, {}):
                    return False
            else:
                return False
        return True

    def _safe_comprehension(self, expr: ast.ListComp | ast.GeneratorExp | ast.SetComp,
                            chain: list[Scope], before: ast.AST | None,
                            env: dict[str, bool]) -> bool:
        inner = dict(env)
        for gen in expr.generators:
            for name, ok in self._loop_targets(gen.target, gen.iter, chain, before, inner):
                inner[name] = ok
        return self.safe(expr.elt, chain, before, inner)

    def _loop_targets(self, target: ast.expr, iterable: ast.expr, chain: list[Scope],
                      before: ast.AST | None, env: dict[str, bool]) -> list[tuple[str, bool]]:
        if isinstance(target, ast.Name):
            return [(target.id, self._safe_element(iterable, None, chain, before, env))]
        if isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
            names = [e.id for e in target.elts if isinstance(e, ast.Name)]
            return [(name, self._safe_element(iterable, i, chain, before, env))
                    for i, name in enumerate(names)]
        return [(n.id, False) for n in walk(target) if isinstance(n, ast.Name)]

    def _safe_element(self, iterable: ast.expr, index: int | None, chain: list[Scope],
                      before: ast.AST | None, env: dict[str, bool]) -> bool:
        """Is an element (or the ``index``-th item of an unpacked element) of
        ``iterable`` a literal?"""
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and \
                self.ctx.qualname(iterable.func) is None:  # type: ignore[attr-defined]
            name, args = iterable.func.id, iterable.args
            if name == "range":
                return True
            if name == "enumerate" and args:
                if index == 0:
                    return True
                if index == 1:
                    return self.safe(args[0], chain, before, env)
                return False
            if name == "zip" and index is not None and index < len(args):
                return self.safe(args[index], chain, before, env)
        return self.safe(iterable, chain, before, env)

    def _enum_class(self, name: ast.Name, chain: list[Scope], before: ast.AST | None) -> bool:
        """Does ``name`` refer to an Enum class (of this file or the project)?"""
        found = lookup(self.scopes, chain, name.id, before)
        if found is not None and len(found[1]) == 1 and \
                isinstance(found[1][0][1].node, ast.ClassDef):
            return _is_enum(found[1][0][1].node)
        if found is None or {b.kind for _, b in found[1]} == {IMPORT}:
            symbol = self.ctx.resolve(name)  # type: ignore[attr-defined]
            return symbol is not None and isinstance(symbol.node, ast.ClassDef) and \
                _is_enum(symbol.node)
        return False

    def _safe_name(self, expr: ast.Name, chain: list[Scope], before: ast.AST | None) -> bool:
        found = lookup(self.scopes, chain, expr.id, before)
        if found is None:
            return self._safe_import(expr) or self._enum_class(expr, chain, before)
        _, bindings = found
        if not bindings:
            return False
        if self._enum_class(expr, chain, before):
            return True         # iterating an Enum class yields its literal members
        for index, binding in bindings:
            inner = chain[index:]
            if binding.kind in (ASSIGN, AUGMENT, ELEMENT) and binding.value is not None:
                if not self.safe(binding.value, inner, binding.node):
                    return False
            elif binding.kind == LOOP and binding.value is not None:
                if not self._safe_element(binding.value, binding.index, inner,
                                          binding.node, {}):
                    return False
            elif binding.kind == IMPORT:
                if not self._safe_import(expr):
                    return False
            elif binding.kind == PARAM and isinstance(binding.node, ast.arg):
                if not self._safe_parameter(binding.node, chain[index]):
                    return False
            else:
                return False
        return True

    def _safe_parameter(self, arg: ast.arg, function: Scope) -> bool:
        """A parameter annotated with a number type, or one that every call site of
        a module-private function (or of a function in a migration file) fills
        with a literal."""
        if arg.annotation is not None and self._numeric_annotation(arg.annotation):
            return True
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        ctx: Any = self.ctx
        module_level = ctx.module.functions.get(function.name) is function
        if not module_level or not (function.name.startswith("_") or ctx.is_migration):
            return False
        key = (id(function), arg.arg)
        if key in self._in_progress:
            # A recursive call passing the value on: assume what is being proved
            # (every value still enters through one of the other call sites).
            return True
        sites = self._calls_of(function.name)
        if not sites:
            return False
        self._in_progress.add(key)
        try:
            return all(self._safe_argument(function, arg, call, chain) for call, chain in sites)
        finally:
            self._in_progress.discard(key)

    def _safe_argument(self, function: ast.FunctionDef | ast.AsyncFunctionDef, arg: ast.arg,
                       call: ast.Call, chain: list[Scope]) -> bool:
        args = function.args
        positional = [*args.posonlyargs, *args.args]
        if any(isinstance(a, ast.Starred) for a in call.args) or \
                any(kw.arg is None for kw in call.keywords):
            return False
        value: ast.expr | None = None
        if arg in positional and positional.index(arg) < len(call.args):
            value = call.args[positional.index(arg)]
        else:
            value = next((kw.value for kw in call.keywords if kw.arg == arg.arg), None)
        if value is None:
            value = _default_of(function, arg)
            chain = chain[-1:]          # defaults are evaluated at definition time
        return value is not None and self.safe(value, chain, call)

    def _calls_of(self, name: str) -> list[tuple[ast.Call, list[Scope]]] | None:
        """Calls ``name(...)`` in this module with their scope chains; None if the
        function is referenced other than by calling it (passed around, exported
        under another name)."""
        if name in self._call_sites:
            return self._call_sites[name]
        tree = self.ctx.tree  # type: ignore[attr-defined]
        out: list[tuple[ast.Call, list[Scope]]] | None = []
        callees: set[int] = set()
        stack: list[tuple[ast.AST, list[Scope]]] = [(tree, [tree])]
        references = 0
        while stack:
            node, chain = stack.pop()
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id == name:
                out.append((node, chain))  # type: ignore[union-attr]
                callees.add(id(node.func))
            elif isinstance(node, ast.Name) and node.id == name and id(node) not in callees:
                references += 1
            inner = chain
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = [node, *chain]
            for child in child_nodes(node):
                stack.append((child, inner))
        if references:
            out = None
        self._call_sites[name] = out
        return out

    def _numeric_annotation(self, annotation: ast.expr) -> bool:
        """``int``, ``float``, ``bool``, ``UUID``, ``Decimal`` (optionally Optional /
        ``| None`` / ``Annotated``): their text cannot carry SQL."""
        if isinstance(annotation, ast.Constant) and annotation.value is None:
            return True
        if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
            return self._numeric_annotation(annotation.left) and \
                self._numeric_annotation(annotation.right)
        if isinstance(annotation, ast.Subscript):
            head = _last_name(annotation.value)
            inner = annotation.slice
            if head == "Optional":
                return self._numeric_annotation(inner)
            if head == "Annotated" and isinstance(inner, ast.Tuple) and inner.elts:
                return self._numeric_annotation(inner.elts[0])
            return False
        name = _last_name(annotation)
        return name in NUMERIC_TYPES

    def _safe_import(self, expr: ast.Name) -> bool:
        symbol = self.ctx.resolve(expr)  # type: ignore[attr-defined]
        return symbol is not None and _pure_literal(symbol.node)


def _is_enum(node: ast.ClassDef) -> bool:
    return any((_last_name(base) or "").endswith(("Enum", "Flag")) for base in node.bases)


def _last_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.rpartition(".")[2]     # "int" as a string annotation
    return None


def _default_of(function: ast.FunctionDef | ast.AsyncFunctionDef,
                arg: ast.arg) -> ast.expr | None:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    if arg in positional:
        offset = len(positional) - len(args.defaults)
        index = positional.index(arg)
        return args.defaults[index - offset] if index >= offset else None
    if arg in args.kwonlyargs:
        return args.kw_defaults[args.kwonlyargs.index(arg)]
    return None
