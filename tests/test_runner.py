"""Runner guarantees: DB000 isolation, the cheap path, never running linted code."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_fastapi_db.checker import Checker
from flake8_fastapi_db.context import FileContext
from flake8_fastapi_db.project import index as project_index
from flake8_fastapi_db.project.modules import StoredBody
from flake8_fastapi_db.registry import load_checkers
from flake8_fastapi_db.rules import Rule
from flake8_fastapi_db.runner import Runner
from flake8_fastapi_db.settings import Settings
from lintutil import lint_source

SOURCE = '''\
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
'''


class Boom(Rule):
    """## What it does
    Always fails (test only)."""

    code = "DB999"
    name = "boom"
    message = "boom"


class ExplodingChecker(Checker):
    name = "exploding"
    rules = (Boom,)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        raise KeyError("kaboom")


class RecursingChecker(Checker):
    name = "recursing"
    rules = (Boom,)

    def visit_Name(self, node: ast.Name) -> None:
        def down(n: int) -> int:
            return down(n + 1)
        down(0)


def _run(checkers: list[type[Checker]], source: str = SOURCE, filename: str = "x.py"):
    ctx = FileContext(ast.parse(source), filename, source.splitlines(True), Settings())
    return Runner(ctx, checkers).run()


def test_a_crashing_rule_becomes_one_db000_and_other_rules_still_report() -> None:
    violations = _run([ExplodingChecker, *load_checkers()])
    texts = [v.text for v in violations]
    internal = [t for t in texts if t.startswith("DB000")]
    assert internal == ["DB000 internal error in exploding: KeyError: 'kaboom'; please report"]
    assert any(t.startswith("DB101") for t in texts)
    assert violations[0].line == 1


def test_recursion_error_is_isolated_too() -> None:
    texts = [v.text for v in _run([RecursingChecker, *load_checkers()])]
    assert sum(t.startswith("DB000") for t in texts) == 1
    assert any(t.startswith("DB101") for t in texts)


def test_a_failing_relevance_gate_becomes_one_db000(monkeypatch) -> None:
    def broken(self: FileContext) -> bool:
        raise OSError("disk gone")
    monkeypatch.setattr(FileContext, "relevant", property(broken))
    texts = [v.text for v in _run(load_checkers())]
    assert texts == ["DB000 internal error in relevance-gate: OSError: disk gone; please report"]


def test_a_process_that_sees_only_files_without_db_code_never_imports_the_checks_or_models(
        tmp_path: Path) -> None:
    """The gate runs before the check modules, the model layer and the migration
    layer are loaded (an editor linting one such file pays for the gate only); the
    first relevant file loads them."""
    (tmp_path / "pyproject.toml").write_text("")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n\n\ndef g(x):\n    return json.dumps(x)\n")
    models = tmp_path / "models.py"
    models.write_text(SOURCE)
    script = (
        "import ast, sys\n"
        "from flake8_fastapi_db.plugin import Plugin\n"
        "def lint(path):\n"
        "    lines = open(path).readlines()\n"
        "    return list(Plugin(ast.parse(''.join(lines)), path, lines).run())\n"
        "def loaded():\n"
        "    return sorted(m for m in sys.modules if m.startswith(\n"
        "        ('flake8_fastapi_db.checks', 'flake8_fastapi_db.project.models',\n"
        "         'flake8_fastapi_db.project.migrations')))\n"
        f"assert lint({str(plain)!r}) == []\n"
        "print(len(loaded()))\n"
        f"assert lint({str(models)!r})\n"
        "print(len(loaded()))\n")
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               check=True)
    before, after = (int(n) for n in completed.stdout.split())
    assert before == 0
    assert after > 5


def test_file_without_db_imports_never_touches_the_project_index(
        tmp_path: Path, monkeypatch) -> None:
    parsed: list[Path] = []
    original = project_index._parse
    monkeypatch.setattr(project_index, "_parse",
                        lambda path, *a: parsed.append(path) or original(path, *a))
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "helpers.py").write_text("def f():\n    return 1\n")
    source = "import json\nimport os\n\n\ndef g():\n    return json.dumps(os.environ)\n"
    assert lint_source(source, str(tmp_path / "plain.py")) == []
    assert parsed == []


def test_file_naming_no_db_library_is_checked_when_it_imports_a_reexported_model(
        tmp_path: Path) -> None:
    """The gate follows ``from app.models import User`` through the package's
    ``__init__`` (which names no DB library) to the module that defines ``User``."""
    (tmp_path / "pyproject.toml").write_text("")
    models = tmp_path / "app" / "models"
    models.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (models / "__init__.py").write_text("from .user import Post, User\n")
    (models / "user.py").write_text(
        "from sqlalchemy import ForeignKey\n"
        "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship\n\n\n"
        "class Base(DeclarativeBase):\n    pass\n\n\n"
        "class User(Base):\n    __tablename__ = 'users'\n"
        "    id: Mapped[int] = mapped_column(primary_key=True)\n"
        "    posts: Mapped[list['Post']] = relationship()\n\n\n"
        "class Post(Base):\n    __tablename__ = 'posts'\n"
        "    id: Mapped[int] = mapped_column(primary_key=True)\n"
        "    user_id: Mapped[int] = mapped_column(ForeignKey('users.id'), index=True)\n")
    source = ("from app.models import User\n\n\n"
              "def post_counts(db):\n"
              "    return [len(user.posts) for user in db.query(User).all()]\n")
    found = lint_source(source, str(tmp_path / "app" / "service.py"))
    assert "DB201" in {text.split()[0] for _, _, text in found}


def test_gate_reads_only_package_inits_when_following_reexports(tmp_path: Path,
                                                                monkeypatch) -> None:
    """A plain module a package re-exports from is judged by its text, never parsed:
    parsing every large module behind a package ``__init__`` was most of the gate's
    cost on files naming no DB library."""
    parsed: list[str] = []
    original = project_index.parse_module
    monkeypatch.setattr(project_index, "parse_module",
                        lambda path, *a: parsed.append(Path(path).name) or original(path, *a))
    (tmp_path / "pyproject.toml").write_text("")
    pkg = tmp_path / "tools"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .text import slugify\n")
    (pkg / "text.py").write_text("def slugify(s):\n    return s.lower()\n" * 200)
    source = "from tools import slugify\n\n\ndef title(s):\n    return slugify(s)\n"
    ctx = FileContext(ast.parse(source), str(tmp_path / "app.py"),
                      source.splitlines(True), Settings())
    assert ctx.relevant is False
    assert parsed == ["__init__.py"]


def _gate(tmp_path: Path, source: str, name: str = "task.py") -> bool:
    return FileContext(ast.parse(source), str(tmp_path / name), source.splitlines(True),
                       Settings()).relevant


def test_gate_judges_import_a_b_c_by_module_a_b_c_not_by_package_a(tmp_path: Path) -> None:
    """``import app.sdk.mixins`` binds ``app`` but uses ``app.sdk.mixins``: the
    models ``app/__init__`` re-exports do not make the file relevant (airflow's
    ``import airflow.sdk...`` did); the imported module itself still counts."""
    (tmp_path / "pyproject.toml").write_text("")
    app = tmp_path / "app"
    (app / "sdk").mkdir(parents=True)
    (app / "__init__.py").write_text("from .models import User\n")
    (app / "models.py").write_text("from sqlalchemy.orm import DeclarativeBase\n"
                                   "class User(DeclarativeBase):\n    pass\n")
    (app / "sdk" / "__init__.py").write_text("")
    (app / "sdk" / "mixins.py").write_text("class Mixin:\n    pass\n")
    assert _gate(tmp_path, "import app.sdk.mixins\n\nX = app.sdk.mixins.Mixin\n") is False
    assert _gate(tmp_path, "import app\n\nX = app.User\n") is True
    assert _gate(tmp_path, "import app.models\n\nX = app.models.User\n") is True


def test_gate_finds_dotted_modules_of_namespace_packages(tmp_path: Path) -> None:
    """The shortcut for names of installed libraries (no directory for the top
    package under any root) must not hide a namespace package: a directory without
    ``__init__.py`` still holds modules."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "svc" / "models").mkdir(parents=True)
    (tmp_path / "svc" / "models" / "user.py").write_text(
        "from sqlalchemy.orm import DeclarativeBase\nclass User(DeclarativeBase):\n    pass\n")
    assert _gate(tmp_path, "from svc.models.user import User\n") is True
    assert _gate(tmp_path, "from requests.models import Response\n") is False


def test_linted_project_modules_are_never_imported_or_executed(tmp_path: Path) -> None:
    marker = tmp_path / "EXECUTED"
    (tmp_path / "pyproject.toml").write_text("")
    app = tmp_path / "app"
    app.mkdir()
    bomb = f"open({str(marker)!r}, 'w').write('x')\nraise SystemExit('imported!')\n"
    (app / "__init__.py").write_text(bomb)
    (app / "base.py").write_text(bomb + "from sqlalchemy.orm import DeclarativeBase\n"
                                 "class Base(DeclarativeBase):\n    pass\n")
    source = SOURCE.replace("class Base(DeclarativeBase):\n    pass\n",
                            "from app.base import Base\n")
    (app / "models.py").write_text(bomb + source)
    found = lint_source(source, str(app / "models.py"))
    assert any(text.startswith("DB101") for _, _, text in found)
    assert not marker.exists()


def test_output_does_not_depend_on_which_files_were_linted_before(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "a.py").write_text(SOURCE)
    (tmp_path / "b.py").write_text(SOURCE.replace("posts", "comments"))
    first = lint_source(SOURCE, str(tmp_path / "a.py"))
    lint_source((tmp_path / "b.py").read_text(), str(tmp_path / "b.py"))
    assert lint_source(SOURCE, str(tmp_path / "a.py")) == first


def _index_for(tmp_path: Path, source: str):  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text("")
    pkg = tmp_path / "lib"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .defs import Model, make, VALUE\n")
    (pkg / "defs.py").write_text("class Model:\n    pass\n\n\ndef make():\n    pass\n\n\n"
                                 "VALUE = 1\nTWICE = 1\nTWICE = 2\n")
    ctx = FileContext(ast.parse(source), str(tmp_path / "app.py"),
                      source.splitlines(True), Settings())
    return ctx.project


NAMES = ("lib.Model", "lib.make", "lib.VALUE", "lib.defs.TWICE", "lib.missing",
         "lib.defs.missing", "elsewhere.x", "app.local", "app.lib", "sqlalchemy.Column")


def test_outline_kind_agrees_with_resolve_once_modules_are_outlined(tmp_path: Path) -> None:
    index = _index_for(tmp_path, "import lib\n\n\ndef local():\n    pass\n")
    expected = {}
    for name in NAMES:
        symbol = index.resolve(name)
        expected[name] = (project_index.MISSING if symbol is None else
                          project_index.CLASS if symbol.is_class else
                          project_index.FUNCTION if symbol.is_function else
                          project_index.VALUE)
    assert {name: index.kind(name) for name in NAMES} == expected
    assert expected["lib.defs.TWICE"] == project_index.MISSING   # ambiguous: no value


def test_resolve_skips_parsing_a_module_whose_outline_shows_the_wrong_kind(
        tmp_path: Path, monkeypatch) -> None:
    """A name the caller cannot use (a function where a value is wanted) costs no parse
    once its module was outlined, even after its tree is no longer kept."""
    index = _index_for(tmp_path, "import lib\n")
    assert index.kind("lib.make") is None          # nothing outlined yet: unknown
    assert index.resolve("lib.make", want=project_index.VALUES) is None
    assert index.resolve("lib.VALUE", want=project_index.VALUES) is not None
    project_index._STORED.clear()
    index._loaded.clear()
    parsed: list[str] = []
    original = project_index.parse_module
    monkeypatch.setattr(project_index, "parse_module",
                        lambda path, *a: parsed.append(Path(path).name) or original(path, *a))
    assert index.resolve("lib.make", want=project_index.VALUES) is None
    assert index.resolve("lib.Model", want=project_index.FUNCTIONS) is None
    assert parsed == []
    found = index.resolve("lib.VALUE", want=project_index.VALUES)
    assert found is not None and isinstance(found.node, ast.Constant)
    assert parsed == ["defs.py"]


def test_stored_modules_keep_class_bodies_declared_attr_and_init_parameters_only(
        tmp_path: Path) -> None:
    module = tmp_path / "models.py"
    module.write_text("from sqlalchemy.orm import declared_attr as attr\n\n\n"
                      "class User:\n    name = 1\n\n"
                      "    def __init__(self, db: int = 1):\n        self.db = db\n\n"
                      "    def greet(self, who: str) -> str:\n        x = 1\n        return x\n\n"
                      "    @property\n    def title(self):\n        return self.name\n\n"
                      "    @attr\n    def __table_args__(cls):\n        return ()\n")
    summary = project_index._parse(str(module), "models_for_prune_test", False)
    assert summary is not None
    name, init, greet, title, table_args = summary.classes["User"].body
    assert isinstance(name, ast.Assign)
    assert [a.arg for a in init.args.args] == ["self", "db"] and init.args.defaults
    assert [type(s).__name__ for s in init.body] == ["Pass"]
    assert [type(s).__name__ for s in greet.body] == ["Pass"]
    assert greet.name == "greet" and not greet.args.args and greet.returns is None
    assert [ast.unparse(d) for d in title.decorator_list] == ["property"]
    assert [type(s).__name__ for s in title.body] == ["Pass"]
    assert [type(s).__name__ for s in table_args.body] == ["Return"]


def test_stored_modules_come_back_without_a_parse_as_equal_trees(
        tmp_path: Path, monkeypatch) -> None:
    """Between files a module is kept as bytes the cyclic collector never walks (and
    the last few as built trees); every file gets a summary of its own around the
    same pruned tree, rebuilt without parsing the source once no longer built."""
    module = tmp_path / "stored.py"
    module.write_text("import sqlalchemy as sa\n\n\nclass Row:\n    id = sa.Column(sa.Integer)\n\n"
                      "    def f(self):\n        return 1\n")
    key = (str(module), "stored_for_test")
    first = project_index._parse(*key, False)
    assert first is not None
    monkeypatch.setattr(project_index, "parse_module", lambda *a: pytest.fail("parsed again"))
    second = project_index._parse(*key, False)
    assert second is not None and second is not first and second.tree is first.tree
    project_index._HOT.pop(key)
    third = project_index._parse(*key, False)
    assert third is not None and third.tree is not first.tree
    assert third.mentions_db_library and list(third.classes) == ["Row"]
    assert third.classes["Row"] is third.tree.body[1]   # its body loaded on the way out
    assert ast.dump(third.tree, include_attributes=True) == \
        ast.dump(first.tree, include_attributes=True)
    assert isinstance(project_index._STORED[key][2], bytes)


def test_a_stored_module_loads_a_definition_body_only_when_it_is_asked_for(
        tmp_path: Path) -> None:
    """The bodies of top-level classes and functions come back pickled; every way a
    summary hands a definition out loads its body first. Imports inside the bodies
    still count (read when the module was parsed)."""
    module = tmp_path / "lazy.py"
    module.write_text("import sqlalchemy as sa\n\n\nclass A:\n    x = sa.Column(sa.Integer)\n\n\n"
                      "class B:\n    y = 1\n\n\n"
                      "def make():\n    from sqlalchemy.orm import Session as Late\n"
                      "    return Late()\n")
    key = (str(module), "lazy_for_test")
    whole = project_index._parse(*key, False)
    assert whole is not None
    project_index._HOT.pop(key)
    summary = project_index._parse(*key, False)
    assert summary is not None
    a, b, make = summary.tree.body[1:]
    assert all(isinstance(d.body, StoredBody) and d.body == [] for d in (a, b, make))
    assert summary.imports.names["Late"] == "sqlalchemy.orm.Session"
    assert summary.classes["A"] is a and ast.unparse(a) == ast.unparse(whole.classes["A"])
    assert isinstance(b.body, StoredBody)                  # not asked for: still stored
    assert summary.functions.get("make") is make and isinstance(make.body[0], ast.ImportFrom)
    assert [n.body is not None for n in summary.classes.values()] == [True, True]
    assert not isinstance(b.body, StoredBody)


def test_a_module_too_deep_to_store_is_parsed_again_not_lost(tmp_path: Path) -> None:
    module = tmp_path / "deep.py"
    module.write_text("X = " + "1" + "+1" * 900 + "\n")
    key = (str(module), "deep_for_test")
    first = project_index._parse(*key, False)
    assert first is not None and "X" in first.assigns
    assert key not in project_index._STORED
    assert project_index._parse(*key, False) is not None


def test_an_index_returns_the_same_module_object_for_the_whole_file(tmp_path: Path) -> None:
    index = _index_for(tmp_path, "import lib\n")
    assert index.module("lib.defs") is not None
    assert index.module("lib.defs") is index.module("lib.defs")


class LayoutProbe(Checker):
    """Records, at its first visit, what the layout tells about the whole file."""
    name = "layout-probe"
    rules = (Boom,)

    def begin(self) -> None:
        self.seen: list[tuple[bool, bool]] = []

    def visit_Module(self, node: ast.Module) -> None:
        from flake8_fastapi_db.astwalk import RECORDED, child_nodes

        singletons = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
        for inner in ast.walk(node):
            if isinstance(inner, singletons):
                continue
            fresh = [c for c in ast.iter_child_nodes(inner) if not isinstance(c, singletons)]
            has_parent = inner is node or self.ctx.parent(inner) is not None
            self.seen.append((has_parent, inner in RECORDED and list(child_nodes(inner)) == fresh))


def test_every_parent_and_child_is_known_before_the_first_visit() -> None:
    ctx = FileContext(ast.parse(SOURCE), "x.py", SOURCE.splitlines(True), Settings())
    runner = Runner(ctx, [LayoutProbe])
    runner.run()
    seen = runner.checkers[0].seen
    runner.release()
    assert len(seen) > 30 and all(parent and children for parent, children in seen)


def test_the_recorded_children_are_forgotten_when_the_file_is_done() -> None:
    from flake8_fastapi_db.astwalk import RECORDED
    from flake8_fastapi_db.plugin import Plugin

    tree = ast.parse(SOURCE)
    assert list(Plugin(tree, "x.py", SOURCE.splitlines(True)).run())
    assert not RECORDED
