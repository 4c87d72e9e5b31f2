"""ast-based project index: modules, models, migrations of the linted project."""
