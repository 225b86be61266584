from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Conflict map: editors"
admin.site.site_title = "Conflict map"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("mapapp.urls")),
]
