from django.urls import path

from mapapp.events import api as events_api
from mapapp.readermap import views

app_name = "mapapp"
urlpatterns = [
    path("", views.map_page, name="map"),
    path("api/places", views.api_places, name="api-places"),
    path("api/places/<int:place_id>/mentions", views.api_place_mentions, name="api-place-mentions"),
    path("api/feed", views.api_feed, name="api-feed"),
    path("api/timeline", views.api_timeline, name="api-timeline"),
    path("api/facets", views.api_facets, name="api-facets"),
    path("api/basemap.geojson", views.api_basemap, name="api-basemap"),
    path("api/export.<str:fmt>", views.api_export, name="api-export"),
    path("api/openapi.json", views.api_openapi, name="api-openapi"),
    path("api/events", events_api.api_events, name="api-events"),
    path("api/events/<int:event_id>", events_api.api_event, name="api-event"),
]
