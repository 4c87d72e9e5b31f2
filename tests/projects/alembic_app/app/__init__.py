"""The application package: what migrations must not import."""
