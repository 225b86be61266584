"""A standalone HTML map made with folium that opens offline (a marker per place, or
for the events layer a marker per event): folium's CDN scripts
and styles are replaced by inline copies of Leaflet (from django-leaflet's static
files) and jQuery (from the XStatic-jQuery package; folium's popups call `$`), and
the basemap is the packaged country outlines instead of remote tiles.

folium writes tooltip and popup text into JavaScript template literals as raw HTML,
so every text from the data goes through `inert_html` first."""
import json
import re
from html import escape
from pathlib import Path
from typing import ClassVar

import folium
import leaflet
import xstatic.pkg.jquery
from folium.elements import Element

from mapapp.readermap.basemap import countries_geojson
from mapapp.readermap.event_reports import EventReport
from mapapp.readermap.exports.event_rows import (
    event_dates,
    event_sources_line,
    event_title,
    event_told,
)
from mapapp.readermap.exports.text import printable

LEAFLET_STATIC = Path(leaflet.__file__).resolve().parent / "static" / "leaflet"
JQUERY = Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js"


class OfflineMap(folium.Map):
    """A folium map that names no remote script or style sheet."""

    default_js: ClassVar[list] = []
    default_css: ClassVar[list] = []


def inert_html(text: str) -> str:
    """The text as HTML that shows exactly that text and does nothing inside a
    JavaScript template literal either: HTML's special characters become entities,
    and so do the backtick (it would end the literal), `$` (it would open `${...}`)
    and the backslash (it would start an escape)."""
    html = escape(printable(text), quote=True)
    return html.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _inline_script(source: str) -> str:
    # A script element ends at the first "</script", wherever it stands.
    return "<script>" + re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE) + "</script>"


def folium_html(places: list[dict], *, title: str, description: str) -> str:
    """An HTML page with one circle per place, sized by its mentions, with a tooltip
    and a popup; it needs nothing from the network."""
    fmap = _offline_map(_centre([(p["latitude"], p["longitude"], p["mentions"]) for p in places]),
                        title=title)
    for place in places:
        name, mentions = place["name"], place["mentions"]
        folium.CircleMarker(
            location=[place["latitude"], place["longitude"]],
            radius=4 + 3 * mentions**0.5,
            color="#1b4f72" if place["kind"] in ("country", "region") else "#7b241c",
            fill=True,
            fill_opacity=0.5,
            weight=1,
            tooltip=folium.Tooltip(inert_html(f"{name} ({mentions})")),
            popup=folium.Popup(inert_html(f"{name}: {mentions} mentions"), max_width=300),
        ).add_to(fmap)
    return _page(fmap, description)


# A colour per event type (mapapp.events.taxonomy), so types tell apart offline too.
EVENT_COLOURS = {
    "battles": "#922b21", "explosions_remote_violence": "#d35400",
    "violence_against_civilians": "#6c3483", "protests": "#1f618d", "riots": "#b7950b",
    "strategic_developments": "#117a65", "other": "#566573",
}


def events_html(reports: list[EventReport], *, title: str, description: str) -> str:
    """An HTML page with one circle per event, coloured by type and sized by its sources;
    its popup gives type, place, dates, sources and the passages grouped by source, all
    as text. It needs nothing from the network."""
    fmap = _offline_map(_centre([(r.event.place.latitude, r.event.place.longitude, r.event.sources)
                                 for r in reports]), title=title)
    for report in reports:
        event, place = report.event, report.event.place
        folium.CircleMarker(
            location=[place.latitude, place.longitude],
            radius=5 + 3 * event.sources**0.5,
            color=EVENT_COLOURS.get(event.event_type, EVENT_COLOURS["other"]),
            fill=True,
            fill_opacity=0.6,
            weight=1,
            tooltip=folium.Tooltip(inert_html(f"{event_title(report)} ({event_sources_line(report)})")),
            popup=folium.Popup(_event_popup(report), max_width=360, max_height=320),
        ).add_to(fmap)
    return _page(fmap, description)


def _event_popup(report: EventReport) -> str:
    # Markup of our own around texts made inert one by one.
    parts = [f"<b>{inert_html(event_title(report))}</b>",
             f"<div>{inert_html(event_dates(report))}</div>",
             f"<div>{inert_html(event_sources_line(report))}</div>"]
    shown = 0
    for source, passages in event_told(report):
        items = "".join(f"<li>{inert_html(p)}</li>" for p in passages)
        parts.append(f"<div><i>{inert_html(source)}</i><ul>{items}</ul></div>")
        shown += len(passages)
    if report.event.passages_shown > shown:
        parts.append(f"<div>{inert_html(f'and {report.event.passages_shown - shown} more passages')}</div>")
    return "".join(parts)


def _offline_map(centre: list[float], *, title: str) -> OfflineMap:
    """A map with Leaflet and jQuery inline and the packaged country outlines."""
    fmap = OfflineMap(location=centre, zoom_start=3, tiles=None, prefer_canvas=True)
    header = fmap.get_root().header
    header.add_child(Element("<style>" + (LEAFLET_STATIC / "leaflet.css").read_text() + "</style>"),
                     name="leaflet_css_inline", index=0)
    header.add_child(Element(_inline_script((LEAFLET_STATIC / "leaflet.js").read_text())),
                     name="leaflet_js_inline", index=1)
    header.add_child(Element(_inline_script(JQUERY.read_text())), name="jquery_js_inline", index=2)
    header.add_child(Element(f"<title>{escape(printable(title))}</title>"), name="title")
    folium.GeoJson(
        json.loads(countries_geojson()),
        name="Countries",
        style_function=lambda _: {"color": "#8a9aa8", "weight": 1, "fillColor": "#e9ede6",
                                  "fillOpacity": 1},
    ).add_to(fmap)
    return fmap


def _page(fmap: OfflineMap, description: str) -> str:
    fmap.get_root().html.add_child(Element(
        f'<div style="position:fixed;bottom:8px;left:8px;z-index:1000;background:#fff;'
        f'padding:4px 8px;font:13px sans-serif">{escape(printable(description))}</div>'
    ))
    return fmap.get_root().render()


def _centre(points: list[tuple[float, float, int]]) -> list[float]:
    """The mean of (latitude, longitude, weight) points, weighted."""
    total = sum(weight for _, _, weight in points)
    if not total:
        return [30.0, 30.0]
    return [
        sum(lat * weight for lat, _, weight in points) / total,
        sum(lon * weight for _, lon, weight in points) / total,
    ]
