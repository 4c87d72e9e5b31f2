"""HTTP API of the shop."""
