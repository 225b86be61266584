"""Background processing: from an editor's save to places on the map.

The flow, module by module:

1. **save -> submit** (`submit.py`). The admin, the importer and `load_demo` save an
   article with `article_save`; the re-process actions call `articles_submit`. An
   article whose text or publication date changed is marked pending by the model
   (`Article.processing_inputs_changed`) and queued once the saving transaction
   commits: one Celery task per PROCESSING_BATCH_SIZE articles of that transaction.
   A broker that is down fails nothing: the article stays pending for the sweep.
2. **claim** (`service.py`, `articles_claim`). A worker (mapapp/tasks.py, thin shells
   over the service) takes a batch with one conditional update; of two workers given
   the same article, one wins.
3. **parse** (`service.findings_from_text`). Plain text work, no database: the places
   named (mapapp/geoparsing/), the passage of each (mapapp/passages.py) and the date
   that passage is about (mapapp/dating/).
4. **store** (`service.py`). The batch's mentions are written in one transaction, only
   under the claim still held, editors' decisions applied (mapapp/review/apply.py),
   through COPY on PostgreSQL (`copying.py`). Each article ends done, failed (with its
   error), or pending again for a retry: `service.Outcome`.
5. **map revision** (`revision.py`). The same transaction raises the map's revision,
   so every process serving the map rebuilds its index (mapapp/readermap/index.py).

**The sweep** (`sweep.py`, run by Celery beat every SWEEP_INTERVAL_SECONDS) queues again
what nobody is going to process: articles saved while the broker was down or written
without `article_save` (a raw ORM save leaves them pending, nothing more), messages lost
with a restarted broker, claims of a killed worker. It asks the broker how much is queued
(`submit.queue_depth`) and the live workers what they hold (`liveness.py`).

`worker_session.py` sets up each worker process (gazetteer loaded before the pool
forks, database sessions tuned for workers).

This package's `__init__` imports nothing: config/celery.py imports `liveness` and
`worker_session` before Django is set up.
"""
