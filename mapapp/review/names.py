"""How a name is matched across mentions, articles and rules."""
import unicodedata


def name_key(surface: str) -> str:
    """The form a decision or rule is stored under: Unicode-normalised, case-folded, with
    single spaces, so "TRIPOLI", "Tripoli" and "Tripoli\\n" are one name."""
    return " ".join(unicodedata.normalize("NFKC", surface).casefold().split())
