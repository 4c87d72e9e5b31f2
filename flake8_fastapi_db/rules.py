"""Rule declarations: one small class per DB code, its docstring is its docs page."""
from __future__ import annotations

import inspect
from typing import ClassVar

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options",
                "Limitations", "References")
REQUIRED_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


class Rule:
    """Base of every rule. Subclasses set the class attributes below."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""          # kebab-case slug
    message: ClassVar[str] = ""       # str.format template; names the offending object
    default_enabled: ClassVar[bool] = True
    # Seed review-checklist item numbers (1-based) this rule answers; empty = beyond it.
    checklist: ClassVar[tuple[int, ...]] = ()

    @classmethod
    def format(cls, *args: object) -> str:
        return f"{cls.code} {cls.message.format(*args)}"

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """First sentence of "What it does"."""
        text = doc_sections(cls.doc()).get("What it does", "").strip()
        paragraph = " ".join(text.split("\n\n")[0].split())
        sentence, dot, _ = paragraph.partition(". ")
        return sentence + "." if dot else paragraph


def doc_sections(doc: str) -> dict[str, str]:
    """``## Heading`` sections of a rule docstring."""
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in doc.splitlines():
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    return sections


class InternalError(Rule):
    """## What it does
    Reports that a check of this plugin hit an unexpected exception on this file.

    ## Why is this bad?
    It is a bug in the plugin, not in your code. The failing check is skipped for the
    file and every other check still runs, so flake8 never aborts because of this plugin.
    Please report it with the file (or a reduced version of it) that triggers it.

    ## Example
    ```text
    app/models.py:1:1: DB000 internal error in model-design: KeyError: 'x'; please report
    ```

    ## Use instead
    ```text
    Nothing to change in your code; `# noqa: DB000` on line 1 silences it until fixed.
    ```
    """

    code = "DB000"
    name = "internal-error"
    message = "internal error in {}: {}; please report"
