"""The rules: where is the limit of volunteering?

The engine (rules, rulebooks, findings, reports, settings), the built-in rules,
``check`` and the rule catalogue.
"""
