# select: DB4
"""Helpers of a namespace package (no __init__.py): application code all the same."""


def slugify(title: str) -> str:
    return title.lower().replace(" ", "-")
