from django.urls import path

from mapapp import views

app_name = "mapapp"
urlpatterns = [
    path("", views.map_page, name="map"),
    path("api/places", views.api_places, name="api-places"),
    path("api/places/<int:place_id>/mentions", views.api_place_mentions, name="api-place-mentions"),
]
