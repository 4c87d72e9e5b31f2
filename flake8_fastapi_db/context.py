"""Per-file facts shared by every checker: names, kind of file, project access."""
from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .names import DB_LIBRARY_MARKERS, LIBRARY_ROOTS, is_fastapi, literal_str
from .project.index import ProjectIndex, Symbol, file_mentions_db_library
from .project.modules import ModuleSummary
from .project.roots import module_name_for, project_dir, roots_for
from .settings import Settings
from .astwalk import walk_statements

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analysis.bindings import Scopes
    from .analysis.statements import Tracer
    from .project.migrations import ProjectMigrations
    from .project.models import ModelInfo, ModelResolver

HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "api_route",
                "trace")
_MAX_CLASS_DEPTH = 16

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_SCOPE_TYPES = frozenset((ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
_UNKNOWN = object()


@dataclass(frozen=True)
class Route:
    """A path operation: the decorated function and its decorator call."""

    func: FunctionNode
    decorator: ast.Call
    method: str              # get/post/... ; "api_route" when methods= decides


class FileContext:
    """Everything a checker may ask about the file being checked."""

    def __init__(self, tree: ast.Module, filename: str, lines: list[str],
                 settings: Settings) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines
        self.settings = settings
        self.parents: dict[ast.AST, ast.AST] = {}
        self.source = "".join(lines)
        self._mentioned: dict[str, bool] = {}
        self._scope_memo: dict[ast.AST, ast.AST | None] = {}
        self._qualname_memo: dict[ast.AST, str | None] = {}

    def mentions(self, text: str) -> bool:
        """Does the source contain ``text``? Remembered per file: rules ask it for
        every call, and a source is up to megabytes long."""
        found = self._mentioned.get(text)
        if found is None:
            found = self._mentioned[text] = text in self.source
        return found

    def release(self) -> None:
        """Forget the file (see ``Runner.release``): cached analyses refer back here."""
        module = self.__dict__.get("module")
        if module is not None:
            module.__dict__.clear()
        project = self.__dict__.get("project")
        if project is not None:
            project.release()
        self.__dict__.clear()

    # -- identity of the file -----------------------------------------
    @cached_property
    def path(self) -> Path | None:
        if self.filename in ("stdin", "-", ""):
            return None
        return Path(os.path.abspath(self.filename))

    @cached_property
    def roots(self) -> tuple[Path, ...]:
        override = tuple(Path(r) for r in self.settings.source_roots)
        if self.path is None:
            return override or (Path(os.getcwd()),)
        return roots_for(self.path, override)

    @cached_property
    def module(self) -> ModuleSummary:
        if self.path is None:
            name, is_package = "", False
        else:
            name, is_package = module_name_for(self.path, self.roots)
        return ModuleSummary(name, self.tree, self.path, is_package, self.source)

    @cached_property
    def is_test(self) -> bool:
        """Test-path globs match the path from the project directory on (its own
        name included), never the directories above it: a checkout under
        ``/home/u/tests/app`` must not make every file a test."""
        name = self.filename
        if self.path is not None:
            proj = project_dir(self.path.parent)
            if proj is not None:
                try:
                    name = str(self.path.relative_to(proj.parent))
                except ValueError:
                    pass
        return self.settings.is_test_path(name)

    @cached_property
    def is_migration(self) -> bool:
        # The model and migration layers are imported on first use, not with the
        # context: the relevance gate needs neither, and a process that only sees
        # files without DB code (an editor on a plain module) never loads them.
        from .project.migrations import is_migration

        return is_migration(self.module)

    # -- relevance gate --------------------------------------------------
    @cached_property
    def relevant(self) -> bool:
        """Can the data-layer rules have anything to say about this file?

        Cheap first: the source text mentions a DB library. Otherwise only if it
        imports a project module that does (models, session factories).
        """
        if any(marker in self.source for marker in DB_LIBRARY_MARKERS):
            return True
        if "import" not in self.source:
            return False
        for qualname in self._imported_project_names():
            if self._imports_db_code(qualname):
                return True
        return False

    def _imported_project_names(self) -> list[str]:
        """What the file imports, as qualified names: ``from m import x`` is ``m.x``,
        ``import a.b.c`` is ``a.b.c`` rather than the package ``a`` it binds (whose
        re-exports the file does not use: airflow's ``import airflow.sdk...``
        otherwise made files relevant through ``airflow/__init__``)."""
        imports = self.module.imports
        heads = {name.partition(".")[0] for name in imports.plain_imports}
        found = [qualname for local, qualname in imports.names.items()
                 if not (local == qualname and local in heads)]
        found.extend(sorted(imports.plain_imports))
        return [qualname for qualname in dict.fromkeys(found)
                if qualname.partition(".")[0] not in LIBRARY_ROOTS]

    def _imports_db_code(self, qualname: str) -> bool:
        """The imported module, or the module that defines the imported name (through a
        package's re-exports), uses a DB library. Text tests first; a package
        ``__init__`` is parsed only to follow a name it re-exports."""
        for candidate in (qualname, qualname.rpartition(".")[0]):
            found = self.project.module_path(candidate)
            if found is None or found[0] == self.project.current_file:
                continue
            if file_mentions_db_library(found[0]):
                return True
            if not found[1]:
                return False
            if candidate != qualname:
                path = self.project.defining_path(qualname)
                return path is not None and path != self.project.current_file and \
                    file_mentions_db_library(path)
            return self._package_reexports_db(candidate)
        return False

    def _package_reexports_db(self, package: str) -> bool:
        """``import app.models as m``: a package whose ``__init__`` re-exports DB code."""
        outline = self.project.outline(package)
        if outline is None:
            return False
        for name in outline.imports():
            for candidate in (name, name.rpartition(".")[0]):
                found = self.project.module_path(candidate)
                if found is not None and found[0] != self.project.current_file and \
                        file_mentions_db_library(found[0]):
                    return True
        return False

    # -- project access --------------------------------------------------
    @cached_property
    def project(self) -> ProjectIndex:
        return ProjectIndex(self.roots, self.module)

    @cached_property
    def models(self) -> ModelResolver:
        from .project.models import ModelResolver

        return ModelResolver(self.project)

    @cached_property
    def migrations(self) -> ProjectMigrations:
        from .project.migrations import project_migrations

        directory = self.path.parent if self.path is not None else Path(os.getcwd())
        return project_migrations(directory)

    # -- per-file analyses every checker shares ---------------------------
    @cached_property
    def tracer(self) -> Tracer:
        """Statement tracing with one local flow per scope, for every checker."""
        from .analysis.statements import Tracer

        return Tracer(self)

    @cached_property
    def scopes(self) -> Scopes:
        """Bindings of each scope, built once for every checker."""
        from .analysis.bindings import Scopes

        return Scopes()

    def qualname(self, node: ast.AST) -> str | None:
        # Remembered per node (held by the key, so never confused with a later
        # object at the same address): most checkers ask it for every call.
        memo = self._qualname_memo
        found = memo.get(node, _UNKNOWN)
        if found is _UNKNOWN:
            found = memo[node] = self.module.qualname(node)
        return found  # type: ignore[return-value]

    def resolve(self, node: ast.AST) -> Symbol | None:
        return self.project.resolve(self.qualname(node))

    def model_for(self, node: ast.AST) -> ModelInfo | None:
        """The mapped model a Name/Attribute (``User``, ``models.User``) refers to."""
        return self.models.model_for_node(self.module, node)

    def model_for_class(self, node: ast.ClassDef) -> ModelInfo:
        return self.models.model_for_class(self.module, node)

    def column_indexed(self, model: ModelInfo, attr: str) -> bool | None:
        """Is ``model.attr`` indexed (model declarations, then migrations)?

        None when it cannot be decided: the model's index declarations are not
        all visible, or the attribute is not a known column.
        """
        col = model.column(attr)
        if col is None:
            return None
        if model.has_index_leading(col):
            return True
        if not model.indexes_complete or col.opaque:
            return None
        if self.migrations.leads(model.tablename, col.name):
            return True
        return False

    # -- tree navigation -------------------------------------------------
    def parent(self, node: ast.AST) -> ast.AST | None:
        return self.parents.get(node)

    def ancestors(self, node: ast.AST):  # type: ignore[no-untyped-def]
        current = self.parents.get(node)
        while current is not None:
            yield current
            current = self.parents.get(current)

    def enclosing_scope(self, node: ast.AST) -> ast.AST | None:
        """The nearest enclosing function, class or lambda; None at module level.

        Remembered for every node on the way up: rules ask it for most calls and
        attributes of a file, and the answers share their ancestors."""
        memo = self._scope_memo
        pending: list[ast.AST] = []
        current = self.parents.get(node)
        result: ast.AST | None = None
        while current is not None:
            if type(current) in _SCOPE_TYPES:
                result = current
                break
            found = memo.get(current, _UNKNOWN)
            if found is not _UNKNOWN:
                result = found   # type: ignore[assignment]
                break
            pending.append(current)
            current = self.parents.get(current)
        for anc in pending:
            memo[anc] = result
        return result

    def enclosing_function(self, node: ast.AST) -> FunctionNode | None:
        scope = self.enclosing_scope(node)
        return scope if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) else None

    def at_module_scope(self, node: ast.AST) -> bool:
        """Runs at import: not inside a function, class body or ``__main__`` guard."""
        for anc in self.ancestors(node):
            if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                ast.ClassDef)):
                return False
            if isinstance(anc, ast.If) and anc in self._main_guards:
                return False
        return True

    @cached_property
    def _main_guards(self) -> set[ast.If]:
        from .project.modules import is_main_guard

        return {stmt for stmt in self.tree.body if is_main_guard(stmt)}  # type: ignore[misc]

    # -- FastAPI ---------------------------------------------------------
    def route(self, func: FunctionNode) -> Route | None:
        """The path-operation decorator of ``func``, when its owner is resolved."""
        for deco in func.decorator_list:
            if not isinstance(deco, ast.Call) or not isinstance(deco.func, ast.Attribute):
                continue
            method = deco.func.attr
            if method not in HTTP_METHODS:
                continue
            if self.is_app_or_router(deco.func.value):
                return Route(func, deco, method)
        return None

    def is_app_or_router(self, node: ast.AST) -> bool:
        """``node`` names an instance of FastAPI/APIRouter (or a project subclass)."""
        return self._app_symbol_kind(node) is True

    def _app_symbol_kind(self, node: ast.AST) -> bool | None:
        symbol = self.resolve(node)
        if symbol is None or not isinstance(symbol.node, ast.Call):
            return None
        return self.is_app_class(symbol.module, symbol.node.func)

    def is_app_class(self, module: ModuleSummary, node: ast.AST, depth: int = 0) -> bool:
        qualname = module.qualname(node)
        if is_fastapi(qualname, "FastAPI", "APIRouter"):
            return True
        if depth > _MAX_CLASS_DEPTH or qualname is None:
            return False
        symbol = self.project.resolve(qualname)
        if symbol is None or not isinstance(symbol.node, ast.ClassDef):
            return False
        return any(self.is_app_class(symbol.module, base, depth + 1) for base in symbol.node.bases)

    @cached_property
    def routes(self) -> dict[FunctionNode, Route]:
        """Every route in the file (module-level and nested functions)."""
        if "fastapi" not in self.source and "APIRouter" not in self.source and \
                "FastAPI" not in self.source and not self._has_decorated_calls():
            return {}
        out: dict[FunctionNode, Route] = {}
        for node in walk_statements(self.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.decorator_list:
                found = self.route(node)
                if found is not None:
                    out[node] = found
        return out

    def _has_decorated_calls(self) -> bool:
        return any(".get(" in line or ".post(" in line or "_route(" in line
                   for line in self.lines if line.lstrip().startswith("@"))


def literal_strings(node: ast.expr | None) -> list[str] | None:
    """Literal list/tuple of strings, else None."""
    if isinstance(node, (ast.List, ast.Tuple)):
        values = [literal_str(e) for e in node.elts]
        if all(v is not None for v in values):
            return [v for v in values if v is not None]
    return None
