"""What a name holds: a session, a session factory, an engine or a connection.

The shared session layer. It answers, for an expression of the checked file,
whether it is an ``AsyncSession`` or a sync ``Session`` (or factory, engine,
connection), following:

- library constructors identified by import-qualified name (``sessionmaker``,
  ``async_sessionmaker``, ``sessionmaker(class_=AsyncSession)``,
  ``scoped_session``, ``Session(engine)``, ``AsyncSession(engine)``, SQLModel's
  ``Session`` and ``sqlmodel.ext.asyncio.session.AsyncSession``, engines);
- project definitions across modules (``SessionLocal = sessionmaker(...)`` in
  ``db.py`` used as ``SessionLocal()`` elsewhere) through the project index;
- annotations, ``Annotated[...]`` and type aliases defined in other modules;
- ``Depends(get_db)`` / ``Security(get_db)`` defaults, from ``get_db``'s return
  or yield annotation, or else from what its body yields or returns;
- local bindings (``s = SessionLocal()``, ``with SessionLocal() as s``,
  ``async with factory() as s``, ``with engine.connect() as conn``).

Everything is derived from ``ast`` trees; library code is never read. Any
doubt (two bindings that disagree, an unknown annotation) gives ``None`` and
the rules built on it stay silent.
"""
from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..names import family, is_fastapi, keyword, last
from ..project.index import CLASSES_OR_VALUES, FUNCTIONS, VALUES, ProjectIndex, Symbol
from ..project.modules import ModuleSummary
from .flow import function_nodes
from ..astwalk import walk

if TYPE_CHECKING:
    from ..context import FileContext

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef

ASYNC = "async"
SYNC = "sync"
# Roles of a handle. A scoped_session registry is both a factory (calling it
# gives the thread's session) and a session (it proxies Session's methods).
SESSION = "session"
REGISTRY = "registry"
FACTORY = "factory"
ENGINE = "engine"
CONNECTION = "connection"

_MAX_DEPTH = 24


@dataclass(frozen=True)
class Handle:
    """A database object: its flavour (async/sync) and its role."""

    flavour: str
    role: str

    @property
    def is_session(self) -> bool:
        return self.role in (SESSION, REGISTRY)

    @property
    def is_async(self) -> bool:
        return self.flavour == ASYNC


# Library classes as annotations -> the handle an instance of them is.
_SA_TYPES: dict[str, Handle] = {
    "Session": Handle(SYNC, SESSION),
    "AsyncSession": Handle(ASYNC, SESSION),
    "scoped_session": Handle(SYNC, REGISTRY),
    "async_scoped_session": Handle(ASYNC, REGISTRY),
    "sessionmaker": Handle(SYNC, FACTORY),
    "async_sessionmaker": Handle(ASYNC, FACTORY),
    "Engine": Handle(SYNC, ENGINE),
    "AsyncEngine": Handle(ASYNC, ENGINE),
    "Connection": Handle(SYNC, CONNECTION),
    "AsyncConnection": Handle(ASYNC, CONNECTION),
}
_ENGINE_FACTORIES = {"create_engine": SYNC, "engine_from_config": SYNC,
                     "create_async_engine": ASYNC, "async_engine_from_config": ASYNC}
# Return annotations whose first argument is what a dependency provides.
_GENERATOR_TYPES = frozenset({"Generator", "Iterator", "Iterable", "AsyncGenerator",
                              "AsyncIterator", "AsyncIterable", "Awaitable", "Coroutine"})
_TYPING = ("typing", "typing_extensions", "collections")
_CONTEXT_MANAGERS = frozenset({"contextmanager", "asynccontextmanager"})


def is_depends_call(module: ModuleSummary, node: ast.AST | None) -> bool:
    """``Depends(...)`` or ``Security(...)`` from FastAPI."""
    return isinstance(node, ast.Call) and is_fastapi(module.qualname(node.func),
                                                     "Depends", "Security")


def depends_target(call: ast.Call) -> ast.expr | None:
    """The dependency callable of a ``Depends(...)`` call, if given."""
    if call.args:
        return call.args[0]
    return keyword(call, "dependency")


def is_generator(func: FunctionNode) -> bool:
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in function_nodes(func))


def _is_none(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _agree(handles: list[Handle | None]) -> Handle | None:
    """The one handle every binding agrees on, else None."""
    if not handles or any(h is None for h in handles):
        return None
    first = handles[0]
    return first if all(h == first for h in handles) else None


# Nodes ``_Scope._record`` looks at.
_BINDING_TYPES = frozenset((
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign,
    ast.AugAssign, ast.NamedExpr, ast.With, ast.AsyncWith, ast.For, ast.AsyncFor,
    ast.ExceptHandler, ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal))


class _Scope:
    """Name bindings of one function body (parameters included)."""

    def __init__(self, func: FunctionNode) -> None:
        self.func = func
        # name -> bindings: ("param", arg), ("value", expr), ("annot", annotation)
        # or ("unknown", None)
        self.bindings: dict[str, list[tuple[str, ast.AST | None]]] = {}
        args = func.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            self._add(arg.arg, "param", arg)
        for arg in (args.vararg, args.kwarg):
            if arg is not None:
                self._add(arg.arg, "unknown", None)
        for node in function_nodes(func):
            if type(node) in _BINDING_TYPES:   # most nodes bind nothing
                self._record(node)

    def _add(self, name: str, kind: str, node: ast.AST | None) -> None:
        self.bindings.setdefault(name, []).append((kind, node))

    def _target(self, target: ast.AST, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            if value is None:
                self._add(target.id, "unknown", None)
            elif not _is_none(value):
                self._add(target.id, "value", value)
            else:
                self.bindings.setdefault(target.id, [])
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self._target(elt, None)
        elif isinstance(target, ast.Starred):
            self._target(target.value, None)

    def _record(self, node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node is not self.func:
                self._add(node.name, "unknown", None)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                self._target(target, node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            self._add(node.target.id, "annot", node.annotation)
        elif isinstance(node, ast.AugAssign):
            self._target(node.target, None)
        elif isinstance(node, ast.NamedExpr):
            self._target(node.target, node.value)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    self._target(item.optional_vars, item.context_expr)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            if isinstance(node, (ast.For, ast.AsyncFor)):
                self._target(node.target, None)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self._add(node.name, "unknown", None)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                self._add((alias.asname or alias.name).partition(".")[0], "unknown", None)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                self._add(name, "unknown", None)


class SessionResolver:
    """Handles of expressions, in the checked module and in other project modules."""

    def __init__(self, project: ProjectIndex, current: ModuleSummary,
                 parent_function: Callable[[ast.AST], FunctionNode | None],
                 parent: Callable[[ast.AST], ast.AST | None] = lambda node: None) -> None:
        self.project = project
        self.current = current
        self._parent_function = parent_function
        self._parent = parent
        self._members: dict[tuple[int, str], Handle | None] = {}
        self._scopes: dict[int, _Scope] = {}
        self._names: dict[tuple[int, str], Handle | None] = {}
        self._provides: dict[int, Handle | None] = {}
        self._globals: dict[str, Handle | None] = {}
        self._active: set[tuple[int, int]] = set()

    # -- scopes --------------------------------------------------------
    def scope(self, func: FunctionNode) -> _Scope:
        found = self._scopes.get(id(func))
        if found is None:
            found = self._scopes[id(func)] = _Scope(func)
        return found

    def _enclosing(self, module: ModuleSummary, func: FunctionNode) -> FunctionNode | None:
        # Nested functions are only known in the checked file (it has a parent map).
        return self._parent_function(func) if module is self.current else None

    # -- expressions -----------------------------------------------------
    def expr(self, module: ModuleSummary, node: ast.AST | None, func: FunctionNode | None,
             depth: int = 0) -> Handle | None:
        """The handle ``node`` evaluates to, inside ``func`` (None: module level)."""
        if node is None or depth > _MAX_DEPTH:
            return None
        key = (id(node), id(func))
        if key in self._active:
            return None
        self._active.add(key)
        try:
            return self._expr(module, node, func, depth + 1)
        finally:
            self._active.discard(key)

    def _expr(self, module: ModuleSummary, node: ast.AST, func: FunctionNode | None,
              depth: int) -> Handle | None:
        if isinstance(node, ast.NamedExpr):
            return self.expr(module, node.value, func, depth)
        if isinstance(node, ast.Await):
            inner = node.value
            if isinstance(inner, ast.Call):
                symbol = self._function_symbol(module, inner.func)
                if symbol is not None and isinstance(symbol.node, ast.AsyncFunctionDef) \
                        and not is_generator(symbol.node):
                    return self.provides(symbol.module, symbol.node, depth)
            return None
        if isinstance(node, ast.Name):
            current = func
            while current is not None:
                scope = self.scope(current)
                if node.id in scope.bindings:
                    return self._name(module, current, node.id, depth)
                current = self._enclosing(module, current)
            return self._global(module, node, depth)
        if isinstance(node, ast.Attribute):
            member = self._self_attribute(module, node, func, depth)
            if member is not None:
                return member
            return self._global(module, node, depth)
        if isinstance(node, ast.Call):
            return self._call(module, node, func, depth)
        return None

    def _name(self, module: ModuleSummary, func: FunctionNode, name: str,
              depth: int) -> Handle | None:
        key = (id(func), name)
        if key in self._names:
            return self._names[key]
        self._names[key] = None  # recursion guard for self-referencing bindings
        handles: list[Handle | None] = []
        for kind, node in self.scope(func).bindings[name]:
            if kind == "param" and isinstance(node, ast.arg):
                handles.append(self.param(module, func, node, depth))
            elif kind == "value":
                handles.append(self.expr(module, node, func, depth))
            elif kind == "annot":
                handles.append(self.annotation(module, node, depth))
            else:
                handles.append(None)
        result = _agree(handles)
        self._names[key] = result
        return result

    def _global(self, module: ModuleSummary, node: ast.AST, depth: int) -> Handle | None:
        """A module-level name or dotted module attribute (``db.SessionLocal``)."""
        qualname = module.qualname(node)
        if qualname is None or family(qualname) is not None:
            return None
        if qualname in self._globals:
            return self._globals[qualname]
        self._globals[qualname] = None  # recursion guard
        symbol = self.project.resolve(qualname, want=VALUES)
        found = None
        if symbol is not None and isinstance(symbol.node, ast.expr):
            found = self.expr(symbol.module, symbol.node, None, depth)
        self._globals[qualname] = found
        return found

    def _self_attribute(self, module: ModuleSummary, node: ast.Attribute,
                        func: FunctionNode | None, depth: int) -> Handle | None:
        """``self.session`` in a method: what every assignment in the class agrees on
        (``self.session = session`` with ``session: AsyncSession``), or the class-level
        annotation (``session: AsyncSession``). Checked file only."""
        if module is not self.current or func is None or not isinstance(node.value, ast.Name):
            return None
        params = [*func.args.posonlyargs, *func.args.args]
        cls = self._parent(func)
        if not params or params[0].arg != node.value.id or not isinstance(cls, ast.ClassDef):
            return None
        if any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod")
               for d in func.decorator_list):
            return None
        key = (id(cls), node.attr)
        if key in self._members:
            return self._members[key]
        self._members[key] = None  # recursion guard
        handles: list[Handle | None] = []
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and \
                    stmt.target.id == node.attr:
                handles.append(self.annotation(module, stmt.annotation, depth))
            elif isinstance(stmt, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == node.attr for t in stmt.targets):
                handles.append(None)  # a class attribute value: not followed
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                handles.extend(self._member_bindings(module, stmt, node.attr, depth))
        found = _agree(handles)
        self._members[key] = found
        return found

    def _member_bindings(self, module: ModuleSummary, method: FunctionNode, attr: str,
                         depth: int) -> list[Handle | None]:
        params = [*method.args.posonlyargs, *method.args.args]
        if not params:
            return []
        me = params[0].arg
        out: list[Handle | None] = []
        for node in function_nodes(method):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                if _is_none(node.value):
                    continue  # ``self.session = None`` until it is set
                targets = node.targets
                for target in targets:
                    if isinstance(target, (ast.Tuple, ast.List)) and any(
                            isinstance(e, ast.Attribute) and e.attr == attr
                            for e in walk(target)):
                        out.append(None)  # unpacked: not followed
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                targets = [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == attr and \
                        isinstance(target.value, ast.Name) and target.value.id == me:
                    if isinstance(node, ast.Assign):
                        out.append(self.expr(module, node.value, method, depth))
                    elif isinstance(node, ast.AnnAssign):
                        out.append(self.annotation(module, node.annotation, depth))
                    else:
                        out.append(None)
        return out

    def _function_symbol(self, module: ModuleSummary, node: ast.AST) -> Symbol | None:
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return None
        qualname = module.qualname(node)
        if qualname is None or family(qualname) is not None:
            return None
        symbol = self.project.resolve(qualname, want=FUNCTIONS)
        if symbol is None or not symbol.is_function:
            return None
        return symbol

    def _call(self, module: ModuleSummary, call: ast.Call, func: FunctionNode | None,
              depth: int) -> Handle | None:
        qualname = module.qualname(call.func)
        if family(qualname) == "sqlalchemy":
            return self._library_call(module, call, last(qualname or ""), func, depth)
        if isinstance(call.func, ast.Attribute):
            receiver = self.expr(module, call.func.value, func, depth)
            if receiver is not None:
                method = call.func.attr
                if receiver.role == FACTORY and method == "begin":
                    return Handle(receiver.flavour, SESSION)
                if receiver.role == ENGINE and method in ("connect", "begin"):
                    return Handle(receiver.flavour, CONNECTION)
                return None
        callee = self.expr(module, call.func, func, depth) if not call.args else None
        if callee is not None:
            if callee.role in (FACTORY, REGISTRY):
                return Handle(callee.flavour, SESSION)
            return None
        symbol = self._function_symbol(module, call.func)
        if symbol is None or isinstance(symbol.node, ast.ClassDef):
            return None
        target = symbol.node
        assert isinstance(target, (ast.FunctionDef, ast.AsyncFunctionDef))
        if is_generator(target):
            # Only a context-manager generator gives its yielded value (``with f() as s``).
            if not any(self._decorator_name(symbol.module, d) in _CONTEXT_MANAGERS
                       for d in target.decorator_list):
                return None
        elif isinstance(target, ast.AsyncFunctionDef):
            return None  # a coroutine until awaited (see Await above)
        return self.provides(symbol.module, target, depth)

    @staticmethod
    def _decorator_name(module: ModuleSummary, node: ast.expr) -> str:
        qualname = module.qualname(node)
        return last(qualname) if qualname else ""

    def _library_call(self, module: ModuleSummary, call: ast.Call, name: str,
                      func: FunctionNode | None, depth: int) -> Handle | None:
        if name == "Session":
            return Handle(SYNC, SESSION)
        if name == "AsyncSession":
            return Handle(ASYNC, SESSION)
        if name == "async_sessionmaker":
            return Handle(ASYNC, FACTORY)
        if name == "sessionmaker":
            class_ = keyword(call, "class_")
            if class_ is None:
                return Handle(SYNC, FACTORY)
            made = self.annotation(module, class_, depth)
            if made is None or made.role != SESSION:
                return None
            return Handle(made.flavour, FACTORY)
        if name == "scoped_session":
            factory = call.args[0] if call.args else keyword(call, "session_factory")
            made = self.expr(module, factory, func, depth)
            flavour = made.flavour if made is not None and made.role == FACTORY else SYNC
            return Handle(flavour, REGISTRY)
        if name == "async_scoped_session":
            return Handle(ASYNC, REGISTRY)
        flavour = _ENGINE_FACTORIES.get(name)
        if flavour is not None:
            return Handle(flavour, ENGINE)
        return None

    # -- annotations -------------------------------------------------------
    def annotation(self, module: ModuleSummary, node: ast.AST | None, depth: int = 0,
                   unwrap_generators: bool = False) -> Handle | None:
        """The handle an object annotated with ``node`` is."""
        if node is None or depth > _MAX_DEPTH:
            return None
        depth += 1
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            parts = [p for p in (node.left, node.right) if not _is_none(p)]
            return _agree([self.annotation(module, p, depth, unwrap_generators)
                           for p in parts])
        if isinstance(node, ast.Subscript):
            return self._subscript(module, node, depth, unwrap_generators)
        qualname = module.qualname(node)
        if qualname is None:
            return None
        if family(qualname) == "sqlalchemy":
            return _SA_TYPES.get(last(qualname))
        if family(qualname) is not None or qualname.partition(".")[0] in _TYPING:
            return None
        symbol = self.project.resolve(qualname, want=CLASSES_OR_VALUES)
        if symbol is None:
            return None
        if isinstance(symbol.node, ast.ClassDef):
            # A project subclass of Session/AsyncSession.
            made = [self.annotation(symbol.module, base, depth) for base in symbol.node.bases]
            found = [h for h in made if h is not None and h.role == SESSION]
            return found[0] if len(found) == 1 else None
        if isinstance(symbol.node, ast.expr):
            # A type alias: ``SessionDep = Annotated[Session, Depends(get_db)]``.
            return self.annotation(symbol.module, symbol.node, depth, unwrap_generators)
        return None

    def _subscript(self, module: ModuleSummary, node: ast.Subscript, depth: int,
                   unwrap_generators: bool) -> Handle | None:
        qualname = module.qualname(node.value)
        name = last(qualname) if qualname else ""
        elts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if name == "Annotated" and elts:
            found = self.annotation(module, elts[0], depth, unwrap_generators)
            if found is not None:
                return found
            for meta in elts[1:]:
                if is_depends_call(module, meta):
                    return self.depends(module, meta, depth)  # type: ignore[arg-type]
            return None
        if name == "Optional" and elts:
            return self.annotation(module, elts[0], depth, unwrap_generators)
        if name == "Union":
            return _agree([self.annotation(module, e, depth, unwrap_generators)
                           for e in elts if not _is_none(e)])
        if unwrap_generators and name in _GENERATOR_TYPES and elts:
            return self.annotation(module, elts[-1] if name == "Coroutine" else elts[0], depth)
        if family(qualname) == "sqlalchemy":
            return _SA_TYPES.get(name)  # ``async_sessionmaker[AsyncSession]``
        return None

    # -- dependencies ------------------------------------------------------
    def depends(self, module: ModuleSummary, call: ast.Call, depth: int = 0) -> Handle | None:
        """What ``Depends(dep)`` injects, when ``dep`` is resolved."""
        target = depends_target(call)
        if target is None:
            return None
        made = self.expr(module, target, None, depth)
        if made is not None:
            # ``Depends(SessionLocal)``: FastAPI calls the factory.
            return Handle(made.flavour, SESSION) if made.role in (FACTORY, REGISTRY) \
                else None
        symbol = self._function_symbol(module, target)
        if symbol is None:
            return None
        return self.provides(symbol.module, symbol.node, depth)  # type: ignore[arg-type]

    def provides(self, module: ModuleSummary, func: FunctionNode, depth: int = 0) -> Handle | None:
        """What a function returns or yields (its annotation first, then its body)."""
        key = id(func)
        if key in self._provides:
            return self._provides[key]
        self._provides[key] = None
        found = self.annotation(module, func.returns, depth, unwrap_generators=True)
        if found is None:
            values = [n.value for n in function_nodes(func)
                      if isinstance(n, (ast.Yield, ast.Return)) and n.value is not None
                      and not _is_none(n.value)]
            found = _agree([self.expr(module, v, func, depth) for v in values])
        self._provides[key] = found
        return found

    def param(self, module: ModuleSummary, func: FunctionNode, arg: ast.arg,
              depth: int = 0) -> Handle | None:
        annotated = self.annotation(module, arg.annotation, depth)
        default = param_default(func, arg)
        injected = self.depends(module, default, depth) \
            if is_depends_call(module, default) else None  # type: ignore[arg-type]
        if annotated is not None and injected is not None and annotated != injected:
            return None
        return annotated or injected

    def annotation_depends(self, module: ModuleSummary, node: ast.AST | None,
                           depth: int = 0) -> bool:
        """Does an annotation carry ``Depends(...)`` (``Annotated`` or an alias of it)?"""
        if node is None or depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Subscript):
            qualname = module.qualname(node.value)
            if qualname and last(qualname) == "Annotated" and isinstance(node.slice, ast.Tuple):
                return any(is_depends_call(module, m) for m in node.slice.elts[1:])
            return False
        qualname = module.qualname(node)
        if qualname is None or family(qualname) is not None:
            return False
        symbol = self.project.resolve(qualname, want=VALUES)
        if symbol is None or not isinstance(symbol.node, ast.expr):
            return False
        return self.annotation_depends(symbol.module, symbol.node, depth + 1)


def param_default(func: FunctionNode, arg: ast.arg) -> ast.expr | None:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    if arg in positional:
        index = positional.index(arg) - (len(positional) - len(args.defaults))
        return args.defaults[index] if index >= 0 else None
    if arg in args.kwonlyargs:
        return args.kw_defaults[args.kwonlyargs.index(arg)]
    return None


def find_param(func: FunctionNode, name: str) -> ast.arg | None:
    args = func.args
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
        if arg.arg == name:
            return arg
    return None


class SessionFacts:
    """The session layer as seen from the checked file (``session_facts(ctx)``)."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        # Bound methods of the context, not of self: the context owns this object and
        # drops it after the file (FileContext.release), which ends the cycle.
        self.resolver = SessionResolver(ctx.project, ctx.module, ctx.enclosing_function,
                                        ctx.parent)

    def handle(self, node: ast.AST) -> Handle | None:
        """The handle an expression of the checked file evaluates to."""
        return self.resolver.expr(self.ctx.module, node, self.ctx.enclosing_function(node))

    def session_kind(self, node: ast.AST) -> str | None:
        """'async' / 'sync' when ``node`` is known to be a session, else None."""
        found = self.handle(node)
        return found.flavour if found is not None and found.is_session else None

    def creates_session(self, call: ast.Call) -> Handle | None:
        """A call that makes a new session: ``Session(engine)``, ``SessionLocal()``,
        ``async_session()``, ``registry()``, ``SessionLocal.begin()``."""
        module = self.ctx.module
        qualname = module.qualname(call.func)
        if family(qualname) == "sqlalchemy":
            name = last(qualname or "")
            if name == "Session":
                return Handle(SYNC, SESSION)
            if name == "AsyncSession":
                return Handle(ASYNC, SESSION)
            return None
        if call.args:
            # A factory or registry is called with keywords only (``**local_kw``).
            return None
        func = self.ctx.enclosing_function(call)
        if isinstance(call.func, ast.Attribute) and call.func.attr == "begin":
            receiver = self.resolver.expr(module, call.func.value, func)
            if receiver is not None and receiver.role == FACTORY:
                return Handle(receiver.flavour, SESSION)
        callee = self.resolver.expr(module, call.func, func)
        if callee is not None and callee.role in (FACTORY, REGISTRY):
            return Handle(callee.flavour, SESSION)
        return None

    def param(self, func: FunctionNode, name: str) -> Handle | None:
        arg = find_param(func, name)
        return None if arg is None else self.resolver.param(self.ctx.module, func, arg)

    def is_injected(self, func: FunctionNode, name: str) -> bool:
        """Is parameter ``name`` provided by ``Depends(...)`` (default or annotation)?"""
        arg = find_param(func, name)
        if arg is None:
            return False
        module = self.ctx.module
        return is_depends_call(module, param_default(func, arg)) or \
            self.resolver.annotation_depends(module, arg.annotation)


def session_facts(ctx: FileContext) -> SessionFacts:
    """The per-file session layer, built once per file and shared by checkers.

    Kept on the context itself: a global weak mapping would leak, because the
    facts refer back to the context (and through it to the file's whole tree).
    """
    found = ctx.__dict__.get("_session_facts")
    if found is None:
        found = ctx.__dict__["_session_facts"] = SessionFacts(ctx)
    return found
