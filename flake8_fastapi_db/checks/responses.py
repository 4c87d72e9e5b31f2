"""DB204, DB205, DB212: what list routes return, and how much of it.

Route facts come from :mod:`..analysis.routes`; where the returned rows came
from comes from :mod:`..analysis.statements`.
"""
from __future__ import annotations

import ast

from ..analysis import routes as rt
from ..analysis.localflow import ASSIGN, COMPREHENSIONS, LocalFlow, own_nodes
from ..analysis.scopewalk import NESTED_SCOPES
from ..analysis.statements import Origin, Trace
from ..checker import Checker
from ..context import Route
from ..registry import register
from .queries import lazy_relationship
from .response_rules import DB204, DB205, DB212

_MAX_SCHEMA_DEPTH = 4
BOUNDED_METHODS = ("limit", "slice", "first", "one", "one_or_none", "scalar_one",
                   "scalar_one_or_none", "scalar", "fetchone", "fetchmany", "get")


@register
class ResponseChecker(Checker):
    name = "responses"
    rules = (DB204, DB205, DB212)

    def end(self) -> None:
        routes = self.ctx.routes
        if not routes:
            return
        self.tracer = self.ctx.tracer
        reported_fields: set[int] = set()
        for route in routes.values():
            returns = self._returns(route)
            self._unbounded_list(route, returns)
            self._unbounded_limits(route, reported_fields)
            self._lazy_schema_fields(route, returns)

    # -- returned values ------------------------------------------------------
    def _returns(self, route: Route) -> list[ast.expr]:
        return [n.value for n in own_nodes(route.func)
                if isinstance(n, ast.Return) and n.value is not None]

    def _returned_trace(self, value: ast.expr, *, appended: bool = False
                        ) -> tuple[Trace | None, ast.expr]:
        """The query a returned value comes from (list comprehensions: their source;
        with ``appended``, a list filled by a loop: the loop's source — how many
        elements, not what they are)."""
        if isinstance(value, COMPREHENSIONS):
            value = value.generators[0].iter
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
                value.func.id in ("list", "tuple") and len(value.args) == 1:
            value = value.args[0]
        if isinstance(value, ast.Name):
            flow = self.tracer.flow_at(value)
            definition = flow.reaching(value) if flow is not None else None
            if definition is not None and definition.kind == ASSIGN and \
                    isinstance(definition.value, COMPREHENSIONS):
                value = definition.value.generators[0].iter
            elif appended and flow is not None and definition is not None and \
                    definition.kind == ASSIGN and _empty_list(definition.value):
                source = self._filling_loop(flow, value, definition.end)
                if source is None:
                    return None, value
                value = source
        trace = self.tracer.trace(value)
        return (trace if trace.complete else None), value

    def _filling_loop(self, flow: LocalFlow, returned: ast.Name,
                      since: tuple[int, int]) -> ast.expr | None:
        """The iterable of the one loop that fills ``out = []`` with ``out.append(x)``.

        Every other use of the list between its creation and the return (``len(out)``,
        passing it to a helper, a second loop, a ``break``) leaves it undecided: the
        size may be bounded by code this rule does not model.
        """
        loop: ast.For | ast.AsyncFor | None = None
        here = (returned.lineno, returned.col_offset)
        for use in flow.loads.get(returned.id, ()):
            if use is returned or not since <= (use.lineno, use.col_offset) <= here:
                continue
            method = self.ctx.parent(use)
            call = self.ctx.parent(method) if method is not None else None
            if not (isinstance(method, ast.Attribute) and method.attr in ("append", "extend")
                    and isinstance(call, ast.Call) and call.func is method):
                return None
            owner = next((a for a in self.ctx.ancestors(call)
                          if isinstance(a, (ast.For, ast.AsyncFor, *NESTED_SCOPES))), None)
            if not isinstance(owner, (ast.For, ast.AsyncFor)) or \
                    (loop is not None and owner is not loop):
                return None
            loop = owner
        if loop is None or any(isinstance(n, ast.Break) for n in own_nodes(loop)):
            return None
        return loop.iter

    # -- DB204 ----------------------------------------------------------------
    def _unbounded_list(self, route: Route, returns: list[ast.expr]) -> None:
        if rt.http_method(route) != "get":
            return
        declared, _ = rt.response_annotation(route)
        if rt.is_page_type(self.ctx, declared) or rt.calls_paginate(route.func):
            return
        _, collection = rt.unwrap(self.ctx.module, declared)
        traces = []
        for value in returns:
            trace, _ = self._returned_trace(value, appended=True)
            if trace is None:
                if collection:
                    return   # a list built by code the rule cannot see
                continue
            traces.append(trace)
        if not traces:
            return
        if any(t.kind not in ("select", "query") for t in traces):
            return
        many = [t for t in traces if t.single is False]
        if not many or len(many) != len(traces):
            return
        if any(self._bounded(t) for t in many):
            return
        if rt.has_pagination(self.ctx, route) is not False:
            return
        self.report(DB204, route.func, route.func.name, line=_def_line(route))

    @staticmethod
    def _bounded(trace: Trace) -> bool:
        methods = set(trace.stmt_methods()) | set(trace.result_methods())
        return bool(methods & set(BOUNDED_METHODS)) or "fetchmany" in methods

    # -- DB205 ----------------------------------------------------------------
    def _unbounded_limits(self, route: Route, reported: set[int]) -> None:
        module = self.ctx.module
        for param in rt.params(route.func):
            if param.name in rt.SIZE_PARAMS:
                info = rt.FieldInfo(param.name, param.node, param.annotation, param.default,
                                    module)
                if rt.is_int_like(module, param.annotation, param.default) and \
                        not rt.upper_bounded(info) and \
                        not rt.clamped_in_body(route.func, param.name, module.functions):
                    self.report(DB205, param.node, param.name, route.func.name)
                continue
            target, is_dep = rt.dependency_of(module, param.annotation, param.default)
            if not is_dep:
                continue
            deps = rt.dependency_fields(self.ctx, module, target)
            if deps.owner is None or not isinstance(deps.owner.node, (
                    ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for name in rt.SIZE_PARAMS:
                info = deps.names.get(name)
                if info is None or not rt.is_int_like(info.module, info.annotation,
                                                      info.default):
                    continue
                functions = deps.owner.module.functions
                if rt.upper_bounded(info) or rt.clamped_in_body(deps.owner.node, name,
                                                                functions):
                    continue
                owner = deps.owner.name
                if deps.owner.module is module:
                    if id(info.node) not in reported:
                        reported.add(id(info.node))
                        self.report(DB205, info.node, name, owner)
                else:
                    self.report(DB205, param.node, f"{owner}.{name}", route.func.name)

    # -- DB212 ----------------------------------------------------------------
    def _lazy_schema_fields(self, route: Route, returns: list[ast.expr]) -> None:
        declared, _ = rt.response_annotation(route)
        element, _ = rt.unwrap(self.ctx.module, declared)
        schema = rt.resolve_class(self.ctx, self.ctx.module, element)
        if schema is None:
            return
        found: list[str] = []
        for value in returns:
            origin = self._returned_origin(value)
            if origin is None:
                continue
            asynchronous = isinstance(route.func, ast.AsyncFunctionDef) and origin.awaited
            self._check_schema(origin, schema, asynchronous, found, 0)
        if found:
            names = ", ".join(dict.fromkeys(found))
            self.report(DB212, route.func, route.func.name, names, line=_def_line(route))

    def _returned_origin(self, value: ast.expr) -> Origin | None:
        trace, _ = self._returned_trace(value)
        if trace is None or not trace.entities or \
                trace.kind not in ("select", "query", "get"):
            return None
        if not trace.scalar:
            return None
        model = self.ctx.model_for(trace.entities[0])
        if model is None:
            return None
        return Origin(model=model, loaders=trace.loaders(), path=(), trace=trace,
                      loop=None, collection_path=trace.single is False)

    def _check_schema(self, origin: Origin, schema: rt.Symbol, asynchronous: bool,
                      found: list[str], depth: int) -> None:
        if depth > _MAX_SCHEMA_DEPTH:
            return
        fields = rt.class_fields(self.ctx, schema).fields
        for name, info in fields.items():
            if _aliased(info):
                continue
            rel = origin.model.relationships.get(name)
            if rel is None:
                continue
            path = (*origin.path, name)
            if lazy_relationship(rel) and not origin.loaders.covers(path):
                # One object in a sync route costs one query, not N: not reported.
                if asynchronous or origin.collection_path:
                    found.append(".".join(path))
                continue
            child = origin.child(self.ctx, name, None)
            inner, _ = rt.unwrap(info.module, info.annotation)
            sub_schema = rt.resolve_class(self.ctx, info.module, inner)
            if child is not None and sub_schema is not None and \
                    sub_schema.node is not child.model.node:
                self._check_schema(child, sub_schema, asynchronous, found, depth + 1)


def _empty_list(value: ast.expr | None) -> bool:
    return isinstance(value, ast.List) and not value.elts or \
        isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
        value.func.id == "list" and not value.args and not value.keywords


def _aliased(info: rt.FieldInfo) -> bool:
    value = info.default
    return isinstance(value, ast.Call) and any(
        kw.arg in ("alias", "validation_alias") for kw in value.keywords)


def _def_line(route: Route) -> int:
    """Route-level findings sit on the ``def`` line (decorators are above it)."""
    return route.func.lineno
