"""Town-health indicators: definitions, observations, their imports, and derived indicators."""
