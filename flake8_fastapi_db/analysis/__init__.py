"""Analyses shared by several checkers (sessions, dependencies, ...)."""
