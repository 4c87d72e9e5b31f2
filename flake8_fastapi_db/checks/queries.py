"""DB2xx query rules and DB603: how statements are built, executed and consumed.

Every rule here works on what :mod:`..analysis.statements` can trace inside one
function; a result whose statement cannot be seen is never reported.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator

from ..analysis.localflow import ASSIGN, COMPREHENSIONS, LocalFlow, names_in
from ..analysis.statements import DML, Origin, Trace
from ..checker import Checker
from ..names import dotted, family, is_sa, literal_str
from ..project.facts import RelationshipFacts
from ..registry import register
from .query_rules import (DB201, DB202, DB203, DB206, DB207, DB208, DB209, DB210, DB211,
                          DB213, DB603)

from ..astwalk import child_nodes, walk
LAZY = ("select",)
RAISING_CONSUMERS = ("all", "one", "one_or_none", "scalar_one", "scalar_one_or_none",
                     "fetchall", "fetchone", "fetchmany", "partitions")
ITERATING_TAILS = ("scalars", "mappings", "tuples", "yield_per")
BATCH_METHODS = ("in_", "not_in", "notin_", "offset", "limit", "slice")
LIKE_METHODS = ("like", "ilike", "notlike", "notilike", "not_like", "not_ilike")
SQL_COMPARE = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
PYTHON_ONLY = (ast.Is, ast.IsNot, ast.In, ast.NotIn)
FILTER_METHODS = ("where", "filter", "having")
JOIN_METHODS = ("join", "outerjoin", "join_from", "outerjoin_from")
WRITE_METHODS = ("add", "merge", "delete")
SESSION_EVIDENCE = ("commit", "flush", "execute", "scalars", "scalar", "query", "refresh",
                    "rollback", "exec", "add_all", "expunge", "begin")
SESSION_NAMES = ("session", "db", "db_session", "dbsession", "async_session", "sess")
QUERY_METHODS = ("execute", "scalars", "scalar", "exec", "stream", "stream_scalars", "get",
                 "query")
LOOPS = (ast.For, ast.AsyncFor)
FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _method(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def lazy_relationship(rel: RelationshipFacts | None) -> bool:
    """Loaded on first attribute access (``lazy="select"``, the default)."""
    if rel is None or any(kw.arg is None for kw in rel.call.keywords):
        return False
    return rel.lazy in LAZY


@register
class QueryChecker(Checker):
    name = "queries"
    rules = (DB201, DB202, DB203, DB206, DB207, DB208, DB209, DB210, DB211, DB213, DB603)

    def begin(self) -> None:
        self.calls: list[ast.Call] = []
        self.attributes: list[ast.Attribute] = []
        self.subscripts: list[ast.Subscript] = []
        self.loops: list[ast.For | ast.AsyncFor] = []
        self.iterables: list[ast.expr] = []

    def visit_Call(self, node: ast.Call) -> None:
        self.calls.append(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name) and isinstance(node.ctx, ast.Load):
            self.attributes.append(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.subscripts.append(node)

    def visit_For(self, node: ast.For) -> None:
        self.loops.append(node)
        self.iterables.append(node.iter)

    visit_AsyncFor = visit_For  # type: ignore[assignment]

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self.iterables.append(node.iter)

    def end(self) -> None:
        self.tracer = self.ctx.tracer
        self._lazy_access()
        for call in self.calls:
            method = _method(call)
            if method == "offset":
                self._offset_without_order(call)
            elif method in RAISING_CONSUMERS:
                self._joined_collection(call, call)
            if method in FILTER_METHODS or method in JOIN_METHODS or is_sa(
                    self.ctx.qualname(call.func), "and_", "or_"):
                self._python_operators(call)
            if method in LIKE_METHODS and call.args:
                self._leading_wildcard(call)
            if isinstance(call.func, ast.Name) and call.func.id == "len" and len(call.args) == 1:
                self._len_of_all(call)
            if isinstance(call.func, ast.Name) and call.func.id == "list" and call.args:
                self._joined_collection(call.args[0], call)
            self._query_in_loop(call)
            if method == "query" and self.tracer.source_kind(call) == "query":
                self.report(DB213, call, dotted(call.func) or "query")
        for iterable in self.iterables:
            self._joined_collection(iterable, iterable)
        for loop in self.loops:
            self._writes_in_loop(loop)
        for sub in self.subscripts:
            self._index_of_all(sub)

    # -- DB201 / DB603 ------------------------------------------------------
    def _lazy_access(self) -> None:
        seen: set[tuple[int, tuple[str, ...]]] = set()
        # Origins are traced inside one function: only functions that run a query
        # can hold ORM objects this rule can see (keeps large files cheap).
        querying = {id(self.ctx.enclosing_function(c)) for c in self.calls
                    if _method(c) in QUERY_METHODS}
        parents = self.ctx.parents
        for node in self.attributes:
            parent = parents.get(node)
            if type(parent) is ast.Call and parent.func is node:
                continue   # ``user.save()``: a method call loads no relationship
            func = self.ctx.enclosing_function(node)
            if func is None or id(func) not in querying:
                continue
            origin = self._origin(node.value)  # type: ignore[arg-type]
            if origin is None:
                continue
            rel = origin.model.relationships.get(node.attr)
            if not lazy_relationship(rel):
                continue
            path = (*origin.path, node.attr)
            if origin.loaders.covers(path):
                continue
            owner = node.value.id  # type: ignore[attr-defined]
            if self._refreshed(func, owner):
                continue
            key = (id(origin.loop) if origin.loop is not None else id(origin.trace.source),
                   path)
            if key in seen:
                continue
            if isinstance(func, ast.AsyncFunctionDef) and origin.awaited:
                seen.add(key)
                self.report(DB603, node, _access(node), origin.model.name)
            elif origin.loop is not None and self._inside(node, origin.loop):
                seen.add(key)
                self.report(DB201, node, _access(node), origin.model.name)

    def _origin(self, name: ast.Name) -> Origin | None:
        cache: dict[int, Origin | None] = self.__dict__.setdefault("_origins", {})
        flow = self.tracer.flow_at(name)
        if flow is None:
            return None
        definition = flow.reaching(name)
        if definition is None:
            return None
        key = id(definition)
        if key not in cache:
            cache[key] = self.tracer.element_origin(name)
        return cache[key]

    def _inside(self, node: ast.AST, loop: ast.AST) -> bool:
        if isinstance(loop, COMPREHENSIONS):
            return any(anc is loop for anc in self.ctx.ancestors(node))
        if isinstance(loop, LOOPS):
            body = {id(s) for s in loop.body}
            return id(node) in body or any(id(anc) in body for anc in self.ctx.ancestors(node))
        return False

    def _refreshed(self, func: ast.AST, name: str) -> bool:
        """``session.refresh(obj, ["posts"])`` loads the relationship explicitly."""
        for call in walk(func):
            if _method(call) == "refresh" and isinstance(call, ast.Call) and call.args and \
                    isinstance(call.args[0], ast.Name) and call.args[0].id == name and \
                    (len(call.args) > 1 or call.keywords):
                return True
        return False

    # -- DB202 ----------------------------------------------------------------
    def _query_in_loop(self, call: ast.Call) -> None:
        kind = self.tracer.source_kind(call)
        per_entity: set[str] = set()
        if kind in ("get", "query"):
            expr: ast.AST = self._chain_top(call)
        elif self.tracer.is_executor(call):
            trace = self.tracer.trace(call)
            if not trace.complete or trace.kind in DML:
                return
            if trace.kind == "text" and not _text_reads(trace.source):
                return   # DDL, PRAGMA or raw DML: not a query of rows
            expr = call
            entities = list(trace.source.args) if trace.source is not None and \
                trace.kind != "text" else []
            for link in trace.stmt_calls:
                if _method(link) in ("select_from", "join", "outerjoin"):
                    entities.extend(link.args[:1])
            if trace.kind == "text" and trace.source is not None and trace.source.args:
                # f"SELECT ... FROM {table.name}": values go through bind parameters, so
                # formatted parts are identifiers (one query per table, not per row).
                entities.extend(v.value for v in walk(trace.source.args[0])
                                if isinstance(v, ast.FormattedValue))
            per_entity = set().union(*(names_in(e) for e in entities)) if entities else set()
        else:
            return
        loops = self._enclosing_loops(call)
        if not loops:
            return
        flow = self.tracer.flow_at(call)
        if flow is None:
            return
        for loop in loops:
            if _fixed_iterable(loop, self.ctx.module.assigns, flow):
                continue
            tainted = self._tainted(loop, flow)
            if per_entity & tainted:
                continue   # select(model) for model in models: one query per table
            if _batched_in(expr, self._loop_targets(loop)):
                continue   # for key, chunk in groups: ... .in_(chunk): one query per group
            if tainted and self._depends(expr, tainted, flow, loop):
                self.report(DB202, call, dotted(call.func) or "query")
                return

    def _chain_top(self, call: ast.Call) -> ast.AST:
        node: ast.AST = call
        while True:
            parent = self.ctx.parent(node)
            grand = self.ctx.parent(parent) if parent is not None else None
            if isinstance(parent, ast.Attribute) and isinstance(grand, ast.Call) and \
                    grand.func is parent:
                node = grand
                continue
            return node

    def _enclosing_loops(self, node: ast.AST) -> list[ast.AST]:
        out: list[ast.AST] = []
        child = node
        for anc in self.ctx.ancestors(node):
            if isinstance(anc, (*FUNCS, ast.Lambda, ast.ClassDef)):
                break
            if isinstance(anc, LOOPS) and child is not anc.iter and child is not anc.target:
                out.append(anc)
            elif isinstance(anc, COMPREHENSIONS):
                first_iter = anc.generators[0].iter
                if child is not first_iter:
                    out.append(anc)
            child = anc
        return out

    def _loop_targets(self, loop: ast.AST) -> set[str]:
        if isinstance(loop, LOOPS):
            return names_in(loop.target)
        if isinstance(loop, COMPREHENSIONS):
            out: set[str] = set()
            for gen in loop.generators:
                out |= names_in(gen.target)
            return out
        return set()

    def _tainted(self, loop: ast.AST, flow: LocalFlow) -> set[str]:
        tainted = self._loop_targets(loop)
        if not isinstance(loop, LOOPS):
            return tainted
        assigns = [n for s in loop.body for n in walk(s) if isinstance(n, ast.Assign)]
        for _ in range(3):
            for assign in assigns:
                if {n.id for n in _names_outside_batch(assign.value)} & tainted:
                    for target in assign.targets:
                        tainted |= names_in(target)
        return tainted

    def _depends(self, expr: ast.AST, tainted: set[str], flow: LocalFlow, loop: ast.AST,
                 depth: int = 0) -> bool:
        """Does ``expr`` use a loop-dependent name outside of ``.in_()``/paging args?"""
        if depth > 6:
            return False
        for name in _names_outside_batch(expr):
            if name.id in tainted:
                return True
            definition = flow.reaching(name)
            if definition is None or definition.kind != ASSIGN or definition.value is None:
                continue
            if self._inside(definition.node, loop) and self._depends(
                    definition.value, tainted, flow, loop, depth + 1):
                return True
        return False

    # -- DB203 ----------------------------------------------------------------
    def _joined_collection(self, expr: ast.AST, report_at: ast.AST) -> None:
        trace = self.tracer.trace(expr)
        if not trace.complete or trace.kind != "select" or trace.executor is None:
            return
        if trace.materialized and report_at is expr:
            return   # reported where list() consumed the result
        methods = trace.result_methods()
        if "unique" in methods:
            return
        if report_at is not expr or not isinstance(expr, ast.Call) or \
                _method(expr) not in RAISING_CONSUMERS:
            # Iteration / list(): only when nothing already consumed the result.
            if methods and methods[-1] not in ITERATING_TAILS:
                return
        loaders = trace.loaders()
        if not loaders.joined or not trace.entities:
            return
        model = self.ctx.model_for(trace.entities[0])
        if model is None:
            return
        for path in sorted(loaders.joined):
            rel = self._collection_on_path(model, path, loaders.joined)
            if rel is not None:
                self.report(DB203, report_at, ".".join(path))
                return

    def _collection_on_path(self, model, path, joined):  # type: ignore[no-untyped-def]
        current = model
        for i, attr in enumerate(path):
            if path[:i + 1] not in joined:
                return None
            rel = current.relationships.get(attr)
            if rel is None:
                return None
            if rel.collection is True:
                return rel
            current = self.ctx.models.relationship_target(rel)
            if current is None:
                return None
        return None

    # -- DB206 ----------------------------------------------------------------
    def _offset_without_order(self, call: ast.Call) -> None:
        if not call.args or (isinstance(call.args[0], ast.Constant) and
                             call.args[0].value == 0):
            return
        trace = self.tracer.trace(call)
        if not trace.complete or trace.kind not in ("select", "query") or \
                trace.executor is not None:
            return
        if "order_by" in trace.stmt_methods():
            return
        top = self._chain_top(call)
        if _chain_has(top, "order_by"):
            return
        if self._ordered_later(top, 0):
            return
        self.report(DB206, call, _source_name(trace.source))

    def _ordered_later(self, expr: ast.AST, depth: int) -> bool:
        """The statement is assigned to a name that is ordered (or handed to unknown
        code) later: stay silent."""
        if depth > 4:
            return True
        parent = self.ctx.parent(expr)
        if isinstance(parent, ast.Await):
            parent = self.ctx.parent(parent)
        if not isinstance(parent, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
            return False
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        if len(targets) != 1 or not isinstance(targets[0], ast.Name):
            return True
        flow = self.tracer.flow_at(parent)
        if flow is None:
            return True
        name = targets[0].id
        end = (parent.end_lineno or 0, parent.end_col_offset or 0)
        for use in flow.uses_after(name, end):
            holder = self.ctx.parent(use)
            if isinstance(holder, ast.Attribute):
                if holder.attr == "order_by":
                    return True
                top = self._chain_top(self.ctx.parent(holder) or holder)
                if _chain_has(top, "order_by"):
                    return True
                if top is not holder and self._ordered_later(top, depth + 1):
                    return True
            elif isinstance(holder, ast.Call) and use in holder.args:
                if not self.tracer.is_executor(holder) and not (
                        isinstance(holder.func, ast.Name) and holder.func.id in ("print",
                                                                                 "str")):
                    return True
        return False

    # -- DB207 ----------------------------------------------------------------
    def _writes_in_loop(self, loop: ast.For | ast.AsyncFor) -> None:
        body_nodes = [n for s in loop.body for n in _own_walk(s)]
        if any(_method(n) == "commit" for n in body_nodes):
            return   # committing each iteration is DB306
        func = self.ctx.enclosing_function(loop)
        for node in body_nodes:
            method = _method(node)
            if not isinstance(node, ast.Call) or self._reported_write(node):
                continue
            if method in WRITE_METHODS and len(node.args) == 1 and not node.keywords:
                if isinstance(node.args[0], ast.Constant):
                    continue
                if method == "add" and not self._new_model_object(node.args[0], loop):
                    continue
                receiver = node.func.value  # type: ignore[attr-defined]
                if self._is_session(receiver, func):
                    self._mark_write(node)
                    self.report(DB207, node, f"{dotted(receiver) or 'session'}.{method}()")
            elif method == "execute" and self.tracer.is_executor(node):
                if len(node.args) > 1 and not isinstance(node.args[1], ast.Dict):
                    continue   # executemany with a list of parameter sets
                trace = self.tracer.trace(node)
                if trace.complete and trace.kind in DML and self._per_row(node, trace, loop):
                    self._mark_write(node)
                    self.report(DB207, node, f"execute({trace.kind}(...))")

    def _per_row(self, call: ast.Call, trace: Trace, loop: ast.AST) -> bool:
        """The DML statement changes with each element (not a retry loop, not one
        bulk statement per table, not a chunk via ``.in_()``)."""
        flow = self.tracer.flow_at(call)
        if flow is None or _fixed_iterable(loop, self.ctx.module.assigns, flow) or \
                _chunk_loop(loop):
            return False
        tainted = self._tainted(loop, flow)
        target = trace.source.args[0] if trace.source is not None and trace.source.args \
            else None
        if target is not None and names_in(target) & tainted:
            return False   # delete(model) for model in models: one statement per table
        return self._depends(call, tainted, flow, loop)

    def _new_model_object(self, arg: ast.expr, loop: ast.AST) -> bool:
        """``add(Model(...))`` or ``obj = Model(...); add(obj)`` in the loop: one new row
        per iteration. Re-adding a loaded object is a no-op and not reported."""
        if isinstance(arg, ast.Name):
            flow = self.tracer.flow_at(arg)
            definition = flow.reaching(arg) if flow is not None else None
            if definition is None or definition.kind != ASSIGN or \
                    not self._inside(definition.node, loop):
                return False
            arg = definition.value  # type: ignore[assignment]
        return isinstance(arg, ast.Call) and self.ctx.model_for(arg.func) is not None

    def _reported_write(self, node: ast.AST) -> bool:
        return id(node) in self.__dict__.setdefault("_writes", set())

    def _mark_write(self, node: ast.AST) -> None:
        self.__dict__.setdefault("_writes", set()).add(id(node))

    def _is_session(self, receiver: ast.expr, func: ast.AST | None) -> bool:
        name = dotted(receiver)
        if name is None:
            return False
        if name.rpartition(".")[2].lower() in SESSION_NAMES:
            return True
        if func is None:
            return False
        for node in walk(func):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in SESSION_EVIDENCE and dotted(node.func.value) == name:
                return True
        if isinstance(func, FUNCS):
            for arg in [*func.args.args, *func.args.kwonlyargs]:
                if arg.arg == name and arg.annotation is not None:
                    ann = dotted(arg.annotation) or ""
                    if ann.endswith("Session"):
                        return True
        return False

    # -- DB208 ----------------------------------------------------------------
    def _len_of_all(self, call: ast.Call) -> None:
        arg = call.args[0]
        if isinstance(arg, ast.Call):
            if _method(arg) in ("all", "fetchall") and self._is_select_rows(arg):
                self.report(DB208, call, _source_name(self.tracer.trace(arg).source))
            return
        if not isinstance(arg, ast.Name):
            return
        flow = self.tracer.flow_at(arg)
        definition = flow.reaching(arg) if flow is not None else None
        if definition is None or definition.kind != ASSIGN or \
                not isinstance(definition.value, (ast.Call, ast.Await)):
            return
        value = definition.value.value if isinstance(definition.value, ast.Await) else \
            definition.value
        if _method(value) not in ("all", "fetchall") or not self._is_select_rows(value):
            return
        for use in flow.loads.get(arg.id, ()):  # type: ignore[union-attr]
            holder = self.ctx.parent(use)
            if not (isinstance(holder, ast.Call) and isinstance(holder.func, ast.Name) and
                    holder.func.id == "len"):
                return   # the rows are used for something else
        counted: set[int] = self.__dict__.setdefault("_counted", set())
        if id(definition.node) in counted:
            return   # one finding per loaded list, however often it is measured
        counted.add(id(definition.node))
        self.report(DB208, call, _source_name(self.tracer.trace(value).source))

    def _is_select_rows(self, call: ast.AST) -> bool:
        trace = self.tracer.trace(call)
        return trace.complete and trace.kind in ("select", "query")

    # -- DB209 ----------------------------------------------------------------
    def _python_operators(self, call: ast.Call) -> None:
        method = _method(call)
        args: list[ast.expr] = list(call.args)
        if method in JOIN_METHODS:
            args = args[1:] if method in ("join", "outerjoin") else args[2:]
            args.extend(kw.value for kw in call.keywords if kw.arg == "onclause")
        done: set[int] = self.__dict__.setdefault("_py_ops", set())
        for arg in args:
            for node in _walk_expr(arg):
                if id(node) in done:
                    continue
                operator = self._python_operator(node)
                if operator is not None:
                    done.add(id(node))
                    self.report(DB209, node, operator)

    def _python_operator(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.BoolOp):
            if any(self._is_sql(v) for v in node.values):
                return "and" if isinstance(node.op, ast.And) else "or"
        elif isinstance(node, ast.Compare):
            for op in node.ops:
                if isinstance(op, PYTHON_ONLY) and any(
                        self._is_sql(o) for o in (node.left, *node.comparators)):
                    return {ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
                            ast.NotIn: "not in"}[type(op)]
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            if self._is_sql(node.operand):
                return "not"
        return None

    def _is_sql(self, node: ast.AST, depth: int = 0) -> bool:
        """A SQL column expression: ``Model.col``, ``table.c.col``, or built from one."""
        if depth > 8:
            return False
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Attribute) and node.value.attr == "c":
                return True
            model = self.ctx.model_for(node.value)
            return model is not None and (node.attr in model.columns or
                                          node.attr in model.relationships)
        if isinstance(node, ast.Compare):
            return all(isinstance(op, SQL_COMPARE) for op in node.ops) and any(
                self._is_sql(o, depth + 1) for o in (node.left, *node.comparators))
        if isinstance(node, ast.BinOp):
            return self._is_sql(node.left, depth + 1) or self._is_sql(node.right, depth + 1)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Invert):
            return self._is_sql(node.operand, depth + 1)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and self._is_sql(node.func.value,
                                                                     depth + 1):
                return True
            return family(self.ctx.qualname(node.func)) == "sqlalchemy"
        return False

    # -- DB210 ----------------------------------------------------------------
    def _index_of_all(self, sub: ast.Subscript) -> None:
        index = sub.slice
        if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
            index = index.operand
        if not (isinstance(index, ast.Constant) and type(index.value) is int):
            return
        value = sub.value
        if isinstance(value, ast.Call) and _method(value) in ("all", "fetchall"):
            trace = self.tracer.trace(value)
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
                value.func.id == "list" and len(value.args) == 1:
            trace = self.tracer.trace(value.args[0])
        else:
            return
        if trace.complete and trace.kind in ("select", "query") and (
                trace.executor is not None or trace.kind == "query"):
            self.report(DB210, sub, _source_name(trace.source))

    # -- DB211 ----------------------------------------------------------------
    def _leading_wildcard(self, call: ast.Call) -> None:
        pattern = call.args[0]
        if isinstance(pattern, ast.Name):
            flow = self.tracer.flow_at(pattern)
            definition = flow.reaching(pattern) if flow is not None else None
            if definition is None or definition.kind != ASSIGN or definition.value is None:
                return
            pattern = definition.value
        if _starts_with_percent(pattern):
            self.report(DB211, call, _method(call))


def _text_reads(call: ast.Call | None) -> bool:
    """``text("SELECT ...")`` / ``text(f"WITH ...")``: raw SQL that reads rows."""
    if call is None or not call.args:
        return False
    sql = call.args[0]
    head = literal_str(sql)
    if head is None and isinstance(sql, ast.JoinedStr) and sql.values:
        head = literal_str(sql.values[0])  # type: ignore[arg-type]
    return head is not None and head.lstrip().lower().startswith(("select", "with"))


def _fixed_iterable(loop: ast.AST, module_assigns: dict[str, ast.expr | None],
                    flow: LocalFlow) -> bool:
    """A loop over a literal display (``for model in (User, Post)``), directly or
    through a module constant: a fixed number of queries written out in the code,
    not one per row of data."""
    if isinstance(loop, LOOPS):
        iterables = [loop.iter]
    elif isinstance(loop, COMPREHENSIONS):
        iterables = [gen.iter for gen in loop.generators]
    else:
        return False
    displays = (ast.Tuple, ast.List, ast.Set, ast.Dict)
    for iterable in iterables:
        if isinstance(iterable, ast.Name):
            if iterable.id not in flow.defs:
                iterable = module_assigns.get(iterable.id)  # type: ignore[assignment]
            else:
                definition = flow.reaching(iterable)
                iterable = definition.value if definition is not None and \
                    definition.kind == ASSIGN else None  # type: ignore[assignment]
        if not isinstance(iterable, displays) and not _literal_range(iterable):
            return False
    return True


def _literal_range(node: ast.AST | None) -> bool:
    """``range(1, 12)``: a count written in the code, not a number of rows."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
        node.func.id == "range" and bool(node.args) and not node.keywords and all(
            isinstance(a, ast.Constant) and type(a.value) is int for a in node.args)


def _chunk_loop(loop: ast.AST) -> bool:
    """``for i in range(0, len(rows), batch_size)``: each iteration handles a chunk
    (``rows[i:i + batch_size]``) with one multi-row statement, not one row."""
    if not isinstance(loop, LOOPS):
        return False
    it = loop.iter
    return isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and \
        it.func.id == "range" and len(it.args) == 3 and not (
            isinstance(it.args[2], ast.Constant) and it.args[2].value in (1, -1))


def _batched_in(expr: ast.AST, targets: set[str]) -> bool:
    """The statement passes a loop target itself to ``.in_()`` (``for key, chunk in
    groups.items(): ... .in_(chunk)``): the loop walks chunks or groups of keys, each
    fetched with one query. ``.in_(user.tags)`` is not a chunk of the loop."""
    for node in walk(expr):
        if isinstance(node, ast.Call) and _method(node) in ("in_", "not_in", "notin_") and \
                any(isinstance(a, ast.Name) and a.id in targets for a in node.args):
            return True
    return False


def _starts_with_percent(node: ast.AST) -> bool:
    text = literal_str(node)  # type: ignore[arg-type]
    if text is not None:
        return text.startswith("%")
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        return isinstance(first, ast.Constant) and str(first.value).startswith("%")
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _starts_with_percent(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr == "format":
        return _starts_with_percent(node.func.value)
    return False


def _access(node: ast.Attribute) -> str:
    return f"{dotted(node) or node.attr}"


def _source_name(source: ast.Call | None) -> str:
    if source is None:
        return "query"
    return dotted(source.func) or "query"


def _chain_has(top: ast.AST, method: str) -> bool:
    node = top
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == method:
            return True
        node = node.func.value
    return False


def _walk(node: ast.AST, stop: tuple[type, ...]) -> Iterator[ast.AST]:
    """Nodes under ``node``, not entering nodes of the ``stop`` types."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, stop):
            continue
        stack.extend(child_nodes(current))


def _own_walk(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a statement, not entering nested functions or classes."""
    return _walk(node, (*FUNCS, ast.Lambda, ast.ClassDef))


def _walk_expr(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes of an expression, not entering lambdas and comprehensions."""
    return _walk(node, (ast.Lambda, *COMPREHENSIONS))


def _names_outside_batch(expr: ast.AST) -> Iterator[ast.Name]:
    """Names of ``expr``, skipping arguments of ``.in_()``, ``.offset()``, ``.limit()``."""
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name):
            yield node
            continue
        if isinstance(node, ast.Call) and _method(node) in BATCH_METHODS:
            stack.append(node.func)
            continue
        if isinstance(node, (ast.Lambda, *FUNCS)):
            continue
        stack.extend(child_nodes(node))
