"""The scores, each with its explanation.

Collaboration scores, the published instruments and their scoring, and trends
across evaluation rounds.
"""
