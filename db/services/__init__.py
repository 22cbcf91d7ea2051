"""Use cases. Each owns its transaction and returns plain dataclasses, not model rows."""
