"""A small online shop: the flake8-fastapi-db demo application."""
