"""Checker modules; each registers itself on import."""
