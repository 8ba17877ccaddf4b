"""The foundation every layer stands on.

Labels and languages, the frozen map, field validators, argument checks, bounded
caches, safe file writing, calendar arithmetic and the wording of problems. Nothing
here imports anything of frivillig above it; ``frivillig.errors`` belongs to this layer.
"""
