"""Scenario: models in a package, routes in api/routes, session dependency in deps."""
