"""Reply templates (YAML per language) and the small library that renders them and counts SMS segments."""
