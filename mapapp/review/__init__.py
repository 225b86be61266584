"""The editor's desk (issue 6): what an editor decided about a name, the rules that
carry a decision to future articles, the review queue, and publishing.

Where is a correction applied? ``apply.mentions_apply_editorial`` (called by
processing). Where is it recorded? ``decisions.decision_record``. What needs a human
first? ``queue.review_items``."""
