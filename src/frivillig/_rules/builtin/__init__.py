"""The built-in rules, ``FR101`` to ``FR117``, one module per theme.

Each theme module holds its rules' functions, sources, examples and reason codes,
and exposes ``RULES``, its rules in code order; ``_shared`` holds what several
themes use. ``frivillig._rules.rulebook`` assembles ``BUILTIN_RULES`` from them.
"""
