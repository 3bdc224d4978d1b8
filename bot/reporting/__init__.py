"""Council reporting (issue 8): what plans and conversations show, with no personal data and
small numbers suppressed. `build_report` makes the figures; `output` writes JSON or CSV."""
