"""How far a reader can trust a mention: "verified" (an editor confirmed or corrected it),
"sure" (the machine's confidence reaches settings.MAP_SURE_CONFIDENCE) or "unsure" (below it:
waiting for review). The sure/unsure rule is mapapp.geoparsing.certainty's, the one the review
queue and `geoparse` use; MAP_SHOW_UNSURE=false hides unsure mentions from readers."""
from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from mapapp.geoparsing.certainty import SURE, UNSURE, toponym_status
from mapapp.models import Mention

VERIFIED = "verified"
TRUSTS = [VERIFIED, SURE, UNSURE]  # the index stores a mention's trust as its position here
TRUST_LABELS = {
    VERIFIED: "Verified by an editor",
    SURE: "Machine, sure",
    UNSURE: "Machine, unsure (not yet reviewed)",
}
REVIEWED = (Mention.Review.CONFIRMED, Mention.Review.CORRECTED)


def sure_threshold() -> float:
    return float(settings.MAP_SURE_CONFIDENCE)


def unsure_shown() -> bool:
    """Whether readers see unsure mentions at all (false: "hidden until reviewed")."""
    return bool(settings.MAP_SHOW_UNSURE)


def mention_trust(*, review: str, confidence: float) -> str:
    """The trust of one mention, by the rule of this module's docstring."""
    if review in REVIEWED:
        return VERIFIED
    return toponym_status(confidence, threshold=sure_threshold())


def trusts_shown() -> list[str]:
    """The trust levels a reader may see under the settings."""
    return TRUSTS if unsure_shown() else [VERIFIED, SURE]


def unsure_condition() -> Q:
    """The database's form of "unsure" (for querysets that must leave them out)."""
    return ~Q(review__in=REVIEWED) & Q(confidence__lt=sure_threshold())


def trust_sql(*, review_column: str, confidence_column: str) -> tuple[str, list]:
    """SQL for a mention's position in TRUSTS, with its parameters (same rule as
    mention_trust: reviewed, then confidence >= threshold)."""
    reviewed = ", ".join("%s" for _ in REVIEWED)
    sql = (f"CASE WHEN {review_column} IN ({reviewed}) THEN {TRUSTS.index(VERIFIED)} "
           f"WHEN {confidence_column} >= %s THEN {TRUSTS.index(SURE)} "
           f"ELSE {TRUSTS.index(UNSURE)} END")
    return sql, [*(str(r) for r in REVIEWED), sure_threshold()]
