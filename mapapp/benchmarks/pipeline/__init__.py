"""The pipeline benchmark behind `manage.py bench_pipeline`: a corpus of news-length
articles built from our own demo texts, a driver that runs one configuration (database,
broker, number of workers) with real worker processes, and the figures it reports."""
