"""The domain model, as frozen attrs classes.

Actors, parties, collaborations, goals, tasks, volunteers, evaluation,
formalisation, policies and portfolios, and the functions that turn them into new
objects. The model knows nothing of JSON, rules or scores.
"""
