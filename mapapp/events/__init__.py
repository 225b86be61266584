"""Events: what happened where and when, and how many sources say so (issue 15).

A map for newcomers:
- taxonomy.py: the seven event types (modelled on ACLED's), with labels, descriptions
  and map icon names.
- lexicon.py: the trigger words of each type and the cues that a place is only named.
- classify.py: one passage and the places it names -> is an event reported at each
  place? with a score, a type and the words that decided it. Plain Python.
- grouping.py: judged passages -> events (same type, same or contained place,
  overlapping dates). Plain Python.
- evaluation.py: scoring both on the labelled set (manage.py evaluate_events).
- models.py: EventPassage (a mention's judgement, kept by its span) and Event.
- services.py: the processing pipeline's call: judge a batch's mentions, regroup the
  events around them. editing.py: an editor's retype, move, merge, split.
- receivers.py: an article deleted leaves its events recounted, or deleted when empty.
- selectors.py, api.py: what readers get (/api/events, /api/events/<id>); admin.py.
"""
