"""Package data: the built-in starter set (`starter.ndjson`) and the app icon (`icon.svg`, `icon.png`).

Shipped inside the `gui` package so every kind of install finds them (`pip install --user`, a wheel, an
editable install, a clone); read through `gui.resources` (importlib.resources).
"""
