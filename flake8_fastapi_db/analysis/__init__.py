"""Shared analyses that several rules build on (one concept per module)."""
