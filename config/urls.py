from django.contrib import admin
from django.urls import include, path

from mapapp.importing.admin_views import article_import_view

admin.site.site_header = "Conflict map: editors"
admin.site.site_title = "Conflict map"

urlpatterns = [
    # Before the admin's own URLs, which would otherwise read "import" as an article id.
    path("admin/mapapp/article/import/", admin.site.admin_view(article_import_view),
         name="mapapp_article_import"),
    path("admin/", admin.site.urls),
    path("", include("mapapp.readermap.urls")),
]
