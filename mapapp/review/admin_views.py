"""The review queue's admin pages: thin views that check permissions on the server,
validate the form, and call the decision service. Registered by mapapp/admin.py."""
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from mapapp.geoparsing.geocoder import GazetteerGeocoder, OnlineGeocoderError
from mapapp.models import Article
from mapapp.processing.online_places import configured_online_geocoder, query_key
from mapapp.review import roles
from mapapp.review.audit import recent_changes
from mapapp.review.decisions import DecisionError, decision_record, mentions_named
from mapapp.review.forms import EVERY_STORY, NOT_A_PLACE, POINT, ReviewChoiceForm
from mapapp.review.places import place_from_candidate, place_from_point
from mapapp.review.propagation import name_reapply
from mapapp.review.queue import OLDEST_FIRST, article_review_items, place_is_area, review_queue_page

AUDIT_ROWS = 200
SEARCH_MAX_CHARS = 200
OFFLINE_RESULTS = 8
ONLINE_RESULTS = 5


def article_or_404(object_id: str) -> Article:
    """The article an admin URL names; 404 (not a server error) for a malformed id."""
    if not unquote(object_id).isdigit():
        raise Http404("No such article.")
    return get_object_or_404(Article, pk=int(unquote(object_id)))


def can_review(user) -> bool:
    return user.is_active and user.is_staff and user.has_perms(roles.DECIDE_PERMISSIONS)


def queue_page(admin_site, request: HttpRequest) -> HttpResponse:
    """Every name that needs a human, across articles, with its one-click choices, a
    page of articles at a time (?page=N, ?order=oldest)."""
    if not can_review(request.user):
        raise PermissionDenied
    queue = review_queue_page(page=request.GET.get("page", 1),
                              order=request.GET.get("order", ""))
    return _render(admin_site, request, "admin/mapapp/review/queue.html", {
        "title": "Review queue",
        "queue": queue,
        "oldest_first": queue.order == OLDEST_FIRST,
        "next_url": request.get_full_path(),
    })


def audit_page(admin_site, request: HttpRequest) -> HttpResponse:
    """The latest changes across articles, mentions, places, decisions and rules."""
    if not can_review(request.user):
        raise PermissionDenied
    return _render(admin_site, request, "admin/mapapp/review/audit.html", {
        "title": "Audit trail: latest changes",
        "entries": recent_changes(limit=AUDIT_ROWS),
    })


def article_review_page(admin_site, request: HttpRequest, object_id: str) -> HttpResponse:
    """GET: one article's names, the doubtful first. POST: record one choice."""
    if not can_review(request.user):
        raise PermissionDenied
    article = article_or_404(object_id)
    here = reverse("admin:mapapp_article_review", args=[article.pk])
    errors = {}
    if request.method == "POST":
        outcome = _decide(request, article)
        if outcome is None:
            return HttpResponseRedirect(next_url(request, here))
        errors = outcome
    items = article_review_items(article)
    return _render(admin_site, request, "admin/mapapp/review/article.html", {
        "title": f"Review: {article.title}",
        "article": article,
        "items": items,
        "waiting": sum(1 for item in items if item.needs_review),
        "areas": sum(1 for item in items if item.is_area and not item.needs_review),
        "settled": sum(1 for item in items if not item.needs_review and not item.is_area),
        "errors": errors,
        "next_url": here,
        "can_publish": request.user.has_perm(roles.PUBLISH_PERMISSION),
    }, status=400 if errors else 200)


def place_search(request: HttpRequest) -> JsonResponse:
    """JSON for the point picker's search box: places named ``q``, the offline gazetteer's
    first, then the online geocoder's when the deployment has one (same geopy interface).
    Editors only: the search may cost a request to an outside service."""
    if not (can_review(request.user) and request.user.has_perms(roles.POINT_PERMISSIONS)):
        raise PermissionDenied
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_CHARS]
    answer = {"query": query, "results": [], "online": False, "error": ""}
    if not query:
        return JsonResponse(answer)
    offline = GazetteerGeocoder().geocode(query, exactly_one=False, limit=OFFLINE_RESULTS) or []
    answer["results"] = [_search_result(location, "gazetteer") for location in offline]
    online = configured_online_geocoder()
    if online is not None:
        answer["online"] = True
        # Nominatim's policy asks that repeated queries be answered from a cache.
        hit, found = online.answers.get(query_key(query))
        if not hit:
            try:
                found = online.geocode(query, exactly_one=False, limit=ONLINE_RESULTS) or []
                online.answers.put(query_key(query), found)
            except OnlineGeocoderError as error:
                found = []
                answer["error"] = f"The online geocoder did not answer ({error}). Try again later."
        answer["results"] += [_search_result(location, online.origin) for location in found]
    return JsonResponse(answer)


def _search_result(location, source: str) -> dict:
    raw = location.raw if isinstance(location.raw, dict) else {}
    name = raw.get("name") or location.address.split(",")[0]
    return {"name": str(name)[:200], "label": location.address, "source": source,
            "latitude": round(location.latitude, 6), "longitude": round(location.longitude, 6)}


def _decide(request: HttpRequest, article: Article) -> dict | None:
    """Apply the posted choice; None when done, else {name: form} with its errors."""
    name = request.POST.get("name", "")
    mentions = mentions_named(article, name)
    if not mentions:
        raise Http404("The article does not mention that name.")
    form = ReviewChoiceForm(request.POST, candidates_count=len(mentions[0].candidates))
    if not form.is_valid():
        messages.error(request, f"{mentions[0].surface}: " + "; ".join(
            error for errors in form.errors.values() for error in errors))
        return {name: form}
    data = form.cleaned_data
    rule_context = data["rule_scope"]
    needed = list(roles.DECIDE_PERMISSIONS)
    if rule_context is not None:
        needed += roles.RULE_PERMISSIONS
    if data["choice"] == POINT:
        needed += roles.POINT_PERMISSIONS
    if not request.user.has_perms(needed):
        raise PermissionDenied

    if data["choice"] == NOT_A_PLACE:
        place = None
    elif data["choice"] == POINT:
        place = place_from_point(
            name=data["place_name"] or mentions[0].surface,
            latitude=round(data["latitude"], 6), longitude=round(data["longitude"], 6),
        )
    else:
        place = place_from_candidate(mentions[0].candidates[data["candidate_index"]])
    try:
        # One transaction: a rule is never saved without the earlier articles it
        # concerns being marked for re-processing (sent to the workers on commit).
        with transaction.atomic():
            decision = decision_record(article=article, name=name, place=place,
                                       user=request.user, rule_context=rule_context)
            ruled = decision.rule is not None and rule_context is not None
            others = name_reapply(names=[name], besides=[article.pk]) if ruled else 0
    except DecisionError as error:
        messages.error(request, str(error))
        return {}
    what = str(place) if place is not None else "not a place"
    if place_is_area(place):
        what += " (an area: not drawn on the map)"
    note = f"“{mentions[0].surface}” is now {what} in all {len(mentions)} mention(s)."
    if ruled:
        scope = (f"stories about {rule_context}" if rule_context else "every story")
        note += f" Saved as a rule for {scope}"
        if others:
            note += (f"; re-processing the {others} other article{'s' if others > 1 else ''} "
                     f"already processed that name{'s' if others == 1 else ''} it, in the background.")
        else:
            note += "."
    if article.publication == Article.Publication.PUBLISHED and not place_is_area(place):
        note += " The public map shows it now."
    messages.success(request, note)
    return None


def next_url(request: HttpRequest, default: str) -> str:
    """The posted `next` if it stays on this site, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _render(admin_site, request, template: str, context: dict, status: int = 200):
    return TemplateResponse(
        request, template,
        {**admin_site.each_context(request), "every_story": EVERY_STORY, **context},
        status=status,
    )
