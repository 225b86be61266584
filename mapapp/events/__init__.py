"""Events: what happened where and when, and how many sources say so (issue 15).

A map for newcomers:
- taxonomy.py: the event types (ACLED-like), with labels, descriptions and map icons.
- lexicon.py: the trigger words of each type and the cues that a place is only named.
- classify.py: one passage and one place mention in it -> is an event reported at that
  place? with a score, a type and the words that decided it. Plain Python.
- grouping.py: judged passages -> events (same type, same or contained place,
  overlapping dates). Plain Python.
- models.py, services.py: the Django side: judgements stored per mention, events
  regrouped after processing, editors' changes kept across re-processing.
- admin.py, api.py, exports.py: the editors' admin, the JSON API and exports.
"""
