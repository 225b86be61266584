"""Who may open the public map. By default anyone, without an account; with
MAP_REQUIRE_LOGIN=true (a private deployment) the map page, its API and its exports
ask for a login first. The admin has its own, stricter rule: staff only."""
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse

# URL namespaces that make up "the map" (mapapp/urls.py: page, API, exports).
MAP_NAMESPACES = frozenset({"mapapp"})


def map_requires_login(request: HttpRequest) -> bool:
    """True when this request is for the map and must log in first."""
    if not settings.MAP_REQUIRE_LOGIN or request.user.is_authenticated:
        return False
    match = request.resolver_match
    return match is not None and bool(MAP_NAMESPACES & set(match.namespaces))


class MapLoginRequiredMiddleware:
    """With MAP_REQUIRE_LOGIN, anonymous requests for the map get the login page (a
    browser asking for HTML) or a 401 JSON error (the API, scripts)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not map_requires_login(request):
            return None
        if "text/html" in request.headers.get("Accept", ""):
            return redirect_to_login(request.get_full_path())
        return JsonResponse({"error": "This map requires a login."}, status=401)
