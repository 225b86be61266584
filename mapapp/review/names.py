"""How a name is matched across mentions, articles and rules."""

from mapapp.geoparsing.normalize import folded_name


def name_key(surface: str) -> str:
    """The form a decision or rule is stored under: the name's folded form (the app's one
    place-name normaliser, mapapp/geoparsing/normalize.py), so "TRIPOLI", "Tripoli" and
    "Tripoli\\n" are one name."""
    return folded_name(surface)
