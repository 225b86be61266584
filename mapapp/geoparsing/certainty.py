"""Sure or unsure: the one rule deciding whether a mapped toponym is drawn as certain.

A toponym whose confidence reaches the threshold (settings.MAP_SURE_CONFIDENCE in the app) is
"sure"; below it, "unsure": an editor should see it before a reader trusts it.
"""

from __future__ import annotations

SURE = "sure"
UNSURE = "unsure"


def toponym_status(confidence: float, *, threshold: float) -> str:
    """"sure" when ``confidence >= threshold``, else "unsure"."""
    return SURE if confidence >= threshold else UNSURE
