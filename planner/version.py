"""The product's version, in one place: pyproject.toml reads it (``[tool.setuptools.dynamic]``),
``leadplanner --version``, ``leadplanner-cli --version``, Help → About and the bundles print it."""

__version__ = "0.1.0"
