"""Benchmark tooling, kept apart from the product code. Each benchmark is a command that
prints figures, never a timed test:

- `manage.py bench_geoparse` (geoparser.py): geoparser docs/s on one core, cold load, peak RSS;
- `python -m mapapp.benchmarks.dating` (dating.py), also behind `manage.py evaluate_dates`:
  milliseconds to date an article's passages;
- `manage.py bench_pipeline` (pipeline/): articles/s from save to mentions stored, with
  real workers, on the embedded default and on PostgreSQL with Redis;
- `manage.py generate_synthetic` and `manage.py bench_map` (synthetic.py): the reader's map
  and its API at up to a million mentions.
"""
