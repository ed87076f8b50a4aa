"""Package data: the built-in starter set (`starter.ndjson`) and the app icon (`icon.svg`, `icon.png`).

This folder is installed as the package `gui.assets` (pyproject.toml › package-dir), so every kind of
install finds it; read through `gui.resources`.
"""
