"""The reader's map: what a reader sees, and nothing an editor has not published.

- `views.py`: the map page and its JSON API (thin: parse, ask, shape); `urls.py` routes them.
- `params.py`: the view a URL describes (window, filters, page), validated; bad input is a 400.
- `index.py`: an in-memory, column-wise copy of the published mentions, rebuilt when the
  map revision changes (mapapp/processing/revision.py).
- `queries.py`: the map's questions (places in view by trust, areas, clusters) answered on the
  index; `timeline.py`: mentions over time and the frame that fits the axis to the news.
- `trust.py`: verified, sure or unsure, and whether readers see unsure mentions.
- `selectors.py`: reads straight from the database (a place's passages).
- `event_reports.py`: events (mapapp/events) for the feed and the exports (`layer=events`),
  each with its published passages and their provenance, read in bulk.
- `basemap.py`: country outlines for the offline basemap; `openapi.py`: the API's description.
- `exports/`: the current view as GeoJSON, CSV, KML or an offline HTML map, mentions or
  events, one registry of formats (`exports/formats.py`) read by the views, the schema and
  the page.
"""
