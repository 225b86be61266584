"""A standalone HTML map made with folium that opens offline: folium's CDN scripts
and styles are replaced by Leaflet inlined from django-leaflet's static files, and
the basemap is the packaged country outlines instead of remote tiles."""
import json
from html import escape
from pathlib import Path
from typing import ClassVar

import folium
import leaflet
from folium.elements import Element

from mapapp.basemap import countries_geojson

LEAFLET_STATIC = Path(leaflet.__file__).resolve().parent / "static" / "leaflet"


class OfflineMap(folium.Map):
    """A folium map that names no remote script or style sheet."""

    default_js: ClassVar[list] = []
    default_css: ClassVar[list] = []


def folium_html(places: list[dict], *, title: str, description: str) -> str:
    """An HTML page with one circle per place, sized by its mentions, and a popup."""
    fmap = OfflineMap(location=_centre(places), zoom_start=3, tiles=None, prefer_canvas=True)
    header = fmap.get_root().header
    header.add_child(Element("<style>" + (LEAFLET_STATIC / "leaflet.css").read_text() + "</style>"),
                     name="leaflet_css_inline", index=0)
    header.add_child(Element("<script>" + (LEAFLET_STATIC / "leaflet.js").read_text() + "</script>"),
                     name="leaflet_js_inline", index=1)
    header.add_child(Element(f"<title>{escape(title)}</title>"), name="title")
    folium.GeoJson(
        json.loads(countries_geojson()),
        name="Countries",
        style_function=lambda _: {"color": "#8a9aa8", "weight": 1, "fillColor": "#e9ede6",
                                  "fillOpacity": 1},
    ).add_to(fmap)
    for place in places:
        folium.CircleMarker(
            location=[place["latitude"], place["longitude"]],
            radius=4 + 3 * place["mentions"] ** 0.5,
            color="#1b4f72" if place["kind"] in ("country", "region") else "#7b241c",
            fill=True,
            fill_opacity=0.5,
            weight=1,
            tooltip=f'{place["name"]} ({place["mentions"]})',
            popup=folium.Popup(escape(f'{place["name"]}: {place["mentions"]} mentions'),
                               max_width=300),
        ).add_to(fmap)
    fmap.get_root().html.add_child(Element(
        f'<div style="position:fixed;bottom:8px;left:8px;z-index:1000;background:#fff;'
        f'padding:4px 8px;font:13px sans-serif">{escape(description)}</div>'
    ))
    return fmap.get_root().render()


def _centre(places: list[dict]) -> list[float]:
    if not places:
        return [30.0, 30.0]
    total = sum(p["mentions"] for p in places)
    return [
        sum(p["latitude"] * p["mentions"] for p in places) / total,
        sum(p["longitude"] * p["mentions"] for p in places) / total,
    ]
