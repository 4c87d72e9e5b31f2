"""Analysis helpers shared by rules; each module is one concept."""
