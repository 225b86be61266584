"""The editor's desk (issue 6): what an editor decided about a name, the rules that
carry a decision to future articles, the review queue, and publishing.

Where is a correction applied? ``apply.mentions_apply_editorial`` (called by
processing). Where is it recorded? ``decisions.decision_record``. What needs a human
first? ``queue.name_reasons``, one rule for the queue, an article's page and the publish
message; ``queue.review_queue_page`` pages through every waiting name, and world areas
(``queue.place_is_area``) are listed as areas, never as a point to confirm. How does a
new or changed rule reach the articles processed before it?
``propagation.name_reapply``: they are re-processed in the background."""
