/* The reader's map: events (a marker per event, events.js) or places (clustered when
 * dense) for a view, the timeline under it, a panel that shows the event or the passages
 * of the place clicked or, with nothing selected, the latest events or passages of the
 * window, filters in a drawer, exports, and a URL that holds the whole view. Every text that comes from an article is inserted as text (textContent or
 * text nodes), never as HTML, so nothing pasted into an article can run in this page. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("map-config").textContent);
  const { Timeline, toDay, toIso } = window.ConflictTimeline;
  const { el, plural, placeTrust, passageItem, feedItem } = window.ConflictPassages;
  const { drawLegendGlyphs, eventMarker, eventDetail, eventFeedItem } = window.ConflictEvents;
  const LAYERS = ["events", "mentions"];
  const $ = (id) => document.getElementById(id);
  const FEED_URL = config.feedUrl || config.placesUrl.replace(/places$/, "feed");
  const PHONE = window.matchMedia("(max-width: 899px)");
  const state = {
    map: null, layer: null, spider: null, selection: null, basemap: null, countryShapes: new Map(),
    placeId: null, page: 1, feedPage: 1, window: null, axis: null, basis: "event",
    timeline: null, timelineData: null, playTimer: null, basemapReady: null,
    placesRequest: null, timelineRequest: null, passagesRequest: null, feedRequest: null,
    renderSeq: 0, facetsLoaded: false, urlSources: [], urlCountries: [], openedFrom: null,
    // What the map shows: "events" or "mentions" (places named); the open event, if any.
    shown: "mentions", eventId: null, eventRequest: null,
  };

  /* ---------- the view as query parameters (API and URL share the names) ---------- */

  function checkedValues(name) {
    return [...$("filters").querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
  }

  function filterParams() {
    const params = new URLSearchParams();
    const q = $("filter-q").value.trim();
    if (q) params.set("q", q);
    // Until the filter lists arrive, the choices are the ones the URL brought.
    const sources = state.facetsLoaded ? [...$("filter-source").selectedOptions].map((o) => o.value) : state.urlSources;
    const countries = state.facetsLoaded ? [...$("filter-country").selectedOptions].map((o) => o.value) : state.urlCountries;
    sources.forEach((source) => params.append("source", source));
    if (countries.length) params.set("country", countries.join(","));
    ["kind", "review", "trust"].forEach((name) => {
      const values = checkedValues(name);
      if (values.length) params.set(name, values.join(","));
    });
    if ($("filter-areas").checked) params.set("areas", "show");
    if (state.basis !== "event") params.set("basis", state.basis);
    params.set("layer", state.shown);
    // The events layer's own filters mean nothing to mentions: only sent with events.
    if (state.shown === "events") {
      const least = checkedValues("min_sources")[0];
      if (least && least !== "1") params.set("min_sources", least);
      const types = checkedValues("type");
      if (types.length) params.set("type", types.join(","));
    }
    return params;
  }

  function windowParams(params) {
    if (state.window) {
      params.set("start", toIso(state.window[0]));
      params.set("end", toIso(state.window[1]));
    }
    return params;
  }

  function bboxParam() {
    const b = state.map.getBounds();
    const west = Math.max(b.getWest(), -540), east = Math.min(b.getEast(), 540);
    const span = east - west >= 360 ? [-180, 180] : [west, east];
    const r = (v) => v.toFixed(4);
    return [r(span[0]), r(Math.max(-90, b.getSouth())), r(span[1]), r(Math.min(90, b.getNorth()))].join(",");
  }

  function viewParams() {
    const params = windowParams(filterParams());
    params.set("bbox", bboxParam());
    return params;
  }

  function writeUrl() {
    const params = windowParams(filterParams());
    const c = state.map.getCenter();
    params.set("lat", c.lat.toFixed(4));
    params.set("lng", c.lng.toFixed(4));
    params.set("z", state.map.getZoom());
    if (state.axis) { params.set("from", toIso(state.axis[0])); params.set("to", toIso(state.axis[1])); }
    if (state.placeId !== null) params.set("place", state.placeId);
    if (state.placeId !== null && state.page > 1) params.set("page", state.page);
    if (state.eventId !== null) params.set("event", state.eventId);
    history.replaceState(null, "", location.pathname + "?" + params);
    updateExportLinks();
    showActiveFilters(params);
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const date = (name) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) || "") ? toDay(params.get(name)) : null);
    if (date("start") !== null && date("end") !== null) state.window = [date("start"), date("end")];
    if (date("from") !== null && date("to") !== null) state.axis = [date("from"), date("to")];
    state.basis = params.get("basis") === "published" ? "published" : "event";
    document.querySelectorAll("input[name=basis]").forEach((i) => { i.checked = i.value === state.basis; });
    $("filter-q").value = params.get("q") || "";
    state.urlSources = params.getAll("source");
    state.urlCountries = (params.get("country") || "").toUpperCase().split(",").filter((c) => /^[A-Z]{2}$/.test(c));
    ["kind", "review", "trust"].forEach((name) => {
      const wanted = (params.get(name) || "").split(",");
      document.querySelectorAll(`#filters input[name=${name}]`).forEach((i) => { i.checked = wanted.includes(i.value); });
    });
    $("filter-areas").checked = params.get("areas") === "show";
    state.shown = LAYERS.includes(params.get("layer")) ? params.get("layer") : (config.hasEvents ? "events" : "mentions");
    const least = params.get("min_sources") || "1";
    document.querySelectorAll("#filters input[name=min_sources]").forEach((i) => { i.checked = i.value === least; });
    const types = (params.get("type") || "").split(",");
    document.querySelectorAll("#filters input[name=type]").forEach((i) => { i.checked = types.includes(i.value); });
    if (state.shown === "events" && /^\d+$/.test(params.get("event") || "")) state.eventId = Number(params.get("event"));
    else if (params.has("place") && /^\d+$/.test(params.get("place"))) {
      state.placeId = Number(params.get("place"));
      state.page = Math.max(1, Number(params.get("page")) || 1);
    }
    const lat = Number(params.get("lat")), lng = Number(params.get("lng")), z = Number(params.get("z"));
    const hasCentre = params.has("lat") && params.has("lng") && params.has("z") && [lat, lng, z].every(Number.isFinite);
    return { params, centre: hasCentre ? { lat, lng, z } : null };
  }

  function updateExportLinks() {
    // Exports keep countries unless told otherwise: say what the map does.
    const params = viewParams();
    params.set("areas", $("filter-areas").checked ? "show" : "hide");
    const query = params.toString();
    document.querySelectorAll(".exports a").forEach((a) => {
      a.href = config.exportUrl.replace(/geojson$/, a.dataset.format) + "?" + query;
    });
  }

  /* The Filters button says how many filters are on, so a closed drawer hides nothing. */
  function showActiveFilters(params) {
    const active = ["source", "country", "kind", "review", "trust", "areas", "min_sources", "type"].filter((name) => params.has(name)).length;
    $("filters-active").textContent = active ? String(active) : "";
    $("filters-toggle").setAttribute("aria-label", active ? "Filters, " + active + " on" : "Filters");
  }

  async function getJSON(url, signal) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  /* ---------- places on the map ---------- */

  function radius(count) { return Math.min(40, 4 + 3 * Math.sqrt(count)); }

  /* What each layer fetches for the view, draws, and opens once drawn. */
  const MARKER_LAYERS = {
    mentions: { url: () => config.placesUrl, what: "places", zoom: true, draw: (data) => drawPlaces(data),
                selected: () => state.placeId, open: () => loadPassages() },
    events: { url: () => config.eventsUrl, what: "events", zoom: false, draw: (data) => drawEvents(data),
              selected: () => state.eventId, open: () => loadEvent() },
  };

  /* The markers of the layer shown (places or events) for the view, then its panel:
   * the open place or event, else the feed. A newer call aborts an older one. */
  async function loadPlaces() {
    const shown = state.shown;
    const layer = MARKER_LAYERS[shown];
    const started = performance.now();
    if (state.placesRequest) state.placesRequest.abort();
    const request = (state.placesRequest = new AbortController());
    const params = viewParams();
    if (layer.zoom) params.set("zoom", state.map.getZoom());
    let data;
    try {
      data = await getJSON(layer.url() + "?" + params, request.signal);
    } catch (error) {
      if (error.name !== "AbortError") $("window-summary").textContent = "Could not load " + layer.what + ": " + error.message;
      return;
    }
    await state.basemapReady;  // areas are drawn as country outlines
    if (request !== state.placesRequest || state.shown !== shown) return;
    layer.draw(data);
    state.renderSeq += 1;
    window.conflictMap.lastRedrawMs = performance.now() - started;
    document.body.dataset.renderSeq = String(state.renderSeq);
    if (layer.selected() !== null) layer.open();
    else loadFeed();
  }

  function drawPlaces(data) {
    state.layer.clearLayers();
    state.spider.clearLayers();
    data.features.forEach((feature) => {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      if (p.cluster) return drawCluster(p, lat, lon);
      const trust = placeTrust(p);
      const selected = p.id === state.placeId ? " selected" : "";
      const area = p.area || p.kind === "country";
      const className = "place-marker place-" + p.kind + (area ? " place-area" : "") + " trust-" + trust + " place-id-" + p.id + selected;
      let marker;
      const shape = area && state.countryShapes.get(p.country_code);
      if (shape) {
        marker = L.geoJSON(shape, { style: { className } });
      } else if (p.area) {
        return;  // a world area has no outline: never a point at sea
      } else {
        marker = L.circleMarker([lat, lon], { radius: radius(p.mentions), className });
        if (trust === "verified") drawVerifiedBadge(lat, lon, radius(p.mentions));
      }
      // Leaflet inserts a string tooltip as HTML; an element keeps the name text.
      marker.bindTooltip(el("span", { text: p.name + " (" + p.mentions + ")", dir: "auto" }));
      marker.on("click", () => openPlace(p.id, p.name));
      marker.addTo(state.layer);
    });
    drawPlaceList(data.places || [], data.totals);
    drawAreas(data.areas, data.totals);
    fitToDataOnce(data.features);
    const t = data.totals;
    $("window-summary").textContent = t.places + " places, " + t.mentions + " mentions";
    document.body.dataset.placesLoaded = String(t.places);
  }

  function drawVerifiedBadge(lat, lon, r) {
    const offset = Math.round(r * 0.7);
    const icon = L.divIcon({
      className: "verified-badge", html: el("span", { text: "✓", "aria-hidden": "true" }),
      iconSize: [14, 14], iconAnchor: [7 - offset, 7 + offset],
    });
    L.marker([lat, lon], { icon, interactive: false, keyboard: false }).addTo(state.layer);
  }

  /* A first visit without a view in its URL starts framed on the places. */
  function fitToDataOnce(features) {
    if (state.fitted) return;
    state.fitted = true;
    const points = features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    if (!points.length) return;
    state.map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 7, animate: false });
  }

  function drawCluster(p, lat, lon) {
    const size = Math.round(Math.min(64, 26 + 6 * Math.log10(1 + p.mentions)));
    const atOnePoint = Array.isArray(p.members) && p.members.length > 0;
    const label = p.places + " places, " + p.mentions + " mentions: " + (atOnePoint ? "list them" : "zoom in");
    const divIcon = L.divIcon({
      className: "cluster-marker cluster-" + p.kind,
      html: el("span", { text: String(p.places) }),
      iconSize: [size, size],
    });
    const marker = L.marker([lat, lon], { icon: divIcon, keyboard: true, title: label, alt: p.places + " places" });
    const open = () => (atOnePoint ? spreadMembers(p, lat, lon) : zoomIntoCluster(p));
    marker.on("click", open);
    marker.addTo(state.layer);
    const element = marker.getElement();
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", label);
    element.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
    });
  }

  function zoomIntoCluster(p) {
    const [w, s, e, n] = p.bounds;
    const bounds = L.latLngBounds([s, w], [n, e]);
    if (bounds.getNorth() === bounds.getSouth() && bounds.getEast() === bounds.getWest()) {
      state.map.setView(bounds.getCenter(), Math.min(state.map.getMaxZoom(), state.map.getZoom() + 2));
    } else {
      state.map.fitBounds(bounds.pad(0.1), { maxZoom: state.map.getZoom() + 3 });
    }
  }

  /* Places that share one point: drawn on a ring around it, each on a leg to the point,
   * and listed in the panel, so each can be reached by pointer and by keyboard. */
  function spreadMembers(p, lat, lon) {
    state.spider.clearLayers();
    const centre = state.map.latLngToLayerPoint([lat, lon]);
    const members = p.members;
    const ring = Math.min(90, 28 + 6 * members.length);
    members.forEach((member, i) => {
      const angle = (2 * Math.PI * i) / members.length - Math.PI / 2;
      const at = state.map.layerPointToLatLng(centre.add([ring * Math.cos(angle), ring * Math.sin(angle)]));
      L.polyline([[lat, lon], at], { className: "spider-leg", interactive: false }).addTo(state.spider);
      const marker = L.circleMarker(at, {
        radius: Math.min(14, radius(member.mentions)),
        className: "place-marker place-" + member.kind + " place-id-" + member.id,
      });
      marker.bindTooltip(el("span", { text: member.name + " (" + member.mentions + ")", dir: "auto" }));
      marker.on("click", () => openPlace(member.id, member.name));
      marker.addTo(state.spider);
    });
    showMembers(members);
  }

  function showMembers(members) {
    $("members-heading").textContent = plural(members.length, "place", "places") + " at this point";
    $("member-list").replaceChildren(...members.map((m) => {
      const button = el("button", { type: "button", class: "member-button place-chip", "data-place-id": m.id, dir: "auto" });
      button.append(el("span", { text: m.name, dir: "auto" }), " ", el("span", { class: "place-count", text: plural(m.mentions, "mention", "mentions") }));
      button.addEventListener("click", () => openPlace(m.id, m.name));
      bindMarkerHover(button, m.id);
      return el("li", {}, [button]);
    }));
    $("members").hidden = false;
    openSheet();
    $("panel-body").scrollTop = 0;
    const first = $("member-list").querySelector("button");
    if (first) first.focus({ preventScroll: true });
  }

  function closeMembers() {
    $("members").hidden = true;
    $("member-list").replaceChildren();
    state.spider.clearLayers();
  }

  /* Hovering or focusing an entry in the panel lights up its marker on the map. */
  function bindMarkerHover(node, placeId) {
    const on = () => markerHover(placeId, true);
    const off = () => markerHover(placeId, false);
    node.addEventListener("mouseenter", on);
    node.addEventListener("mouseleave", off);
    node.addEventListener("focusin", on);
    node.addEventListener("focusout", off);
  }

  function markerHover(placeId, on) {
    document.querySelectorAll(".place-marker.place-id-" + placeId).forEach((n) => n.classList.toggle("hovered", on));
  }

  function placeButton(p, className) {
    const button = el("button", { type: "button", class: className + " trust-" + placeTrust(p), "data-place-id": p.id, text: p.name, dir: "auto" });
    if (p.id === state.placeId) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => openPlace(p.id, p.name));
    bindMarkerHover(button, p.id);
    return button;
  }

  function drawPlaceList(places, totals) {
    const list = $("place-list");
    list.replaceChildren();
    places.forEach((p) => {
      const count = el("span", { class: "place-count", text: String(p.mentions) });
      count.setAttribute("aria-label", plural(p.mentions, "mention", "mentions"));
      const where = [p.admin1, p.country_code].filter(Boolean).join(", ");
      list.append(el("li", { title: where }, [placeButton(p, "place-button"), " ", count]));
    });
    if (totals && totals.places > places.length) {
      list.append(el("li", { class: "place-more", text: "and " + (totals.places - places.length) + " more: zoom in or filter" }));
    }
  }

  /* Countries and world regions: counted here rather than drawn over the map. */
  function drawAreas(areas, totals) {
    const box = $("areas");
    const mentions = totals && Number.isFinite(totals.area_mentions)
      ? totals.area_mentions : (areas || []).reduce((sum, a) => sum + a.mentions, 0);
    if (!areas || !mentions) { box.hidden = true; return; }
    box.hidden = false;
    $("areas-summary").textContent = plural(mentions, "mention", "mentions") + " of countries and regions";
    $("area-list").replaceChildren(...areas.map((a) => {
      const count = el("span", { class: "place-count", text: String(a.mentions) });
      count.setAttribute("aria-label", plural(a.mentions, "mention", "mentions"));
      return el("li", {}, [placeButton(a, "area-button"), " ", count]);
    }));
  }

  /* ---------- events on the map ---------- */

  /* Events at one point (several types or dates at one town) are set around it, so
   * each marker can be seen and clicked. */
  function spreadAtOnePoint(features) {
    const atPoint = new Map();
    features.forEach((f) => {
      const key = f.geometry.coordinates.join(",");
      atPoint.set(key, (atPoint.get(key) || []).concat([f]));
    });
    const offsets = new Map();
    atPoint.forEach((group) => group.forEach((f, i) => {
      if (group.length === 1) { offsets.set(f.id, [0, 0]); return; }
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      const ring = Math.min(40, 12 + 4 * group.length);
      offsets.set(f.id, [Math.round(ring * Math.cos(angle)), Math.round(ring * Math.sin(angle))]);
    }));
    return offsets;
  }

  function drawEvents(data) {
    state.layer.clearLayers();
    state.spider.clearLayers();
    const offsets = spreadAtOnePoint(data.features);
    data.features.forEach((feature) => {
      const [lon, lat] = feature.geometry.coordinates;
      const marker = eventMarker(feature.properties, [lat, lon], openEvent, offsets.get(feature.id));
      marker.addTo(state.layer);
    });
    highlightSelected();
    drawEventTypes(data);
    fitToDataOnce(data.features);
    const count = data.totals.events;
    const corroborated = data.features.filter((f) => f.properties.sources > 1).length;
    $("window-summary").textContent = plural(count, "event", "events") + ", " + corroborated + " reported by 2 sources or more";
    document.body.dataset.eventsLoaded = String(count);
  }

  /* The legend of the layer: each type's glyph, name and number of events in view. */
  function drawEventTypes(data) {
    const counts = new Map();
    data.features.forEach((f) => counts.set(f.properties.type, (counts.get(f.properties.type) || 0) + 1));
    $("event-type-list").replaceChildren(...data.types.map((t) => {
      const n = counts.get(t.value) || 0;
      const key = el("span", { class: "event-glyph event-" + t.value, "data-icon": t.icon, "aria-hidden": "true" });
      const count = el("span", { class: "place-count", text: String(n) });
      count.setAttribute("aria-label", plural(n, "event", "events"));
      return el("li", { class: n ? "" : "none-in-view", title: t.description }, [key, " ", el("span", { text: t.label }), " ", count]);
    }));
    drawLegendGlyphs($("event-type-list"));
  }

  function openEvent(e) {
    if (state.eventId === null) state.openedFrom = document.activeElement;
    state.eventId = e.id;
    $("event-heading").textContent = e.label + " in " + e.place.name;
    $("event-body").replaceChildren(el("p", { class: "count-line", text: "Loading the event…" }));
    showEventView();
    highlightSelected();
    $("event-heading").focus({ preventScroll: true });
    loadEvent();
    writeUrl();
  }

  function showEventView() {
    $("event").hidden = false;
    $("feed").hidden = true;
    $("passages").hidden = true;
    openSheet();
    $("panel-body").scrollTop = 0;
  }

  async function loadEvent() {
    const eventId = state.eventId;
    if (state.eventRequest) state.eventRequest.abort();
    const request = (state.eventRequest = new AbortController());
    showEventView();
    let detail;
    try {
      detail = await getJSON(config.eventUrl.replace(/0$/, String(eventId)), request.signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      $("event-body").replaceChildren(el("p", { class: "count-line", text: "Could not load the event: " + error.message }));
      return;
    }
    if (request !== state.eventRequest || eventId !== state.eventId) return;
    $("event-heading").textContent = detail.label + " in " + detail.place.name;
    $("event-body").replaceChildren(...eventDetail(detail));
    markSelection(detail.place);
    showPlaceAboveSheet(detail.place);
    $("panel-body").scrollTop = 0;
    document.body.dataset.eventLoaded = String(detail.id);
  }

  /* Back to the feed; the focus returns to where the reader was. */
  function closeEvent() {
    state.eventId = null;
    if (state.eventRequest) state.eventRequest.abort();
    state.selection.clearLayers();
    state.pannedFor = null;
    $("event").hidden = true;
    $("feed").hidden = false;
    highlightSelected();
    writeUrl();
    loadFeed();
    const back = state.openedFrom;
    state.openedFrom = null;
    if (back && back.isConnected && back.offsetParent !== null) back.focus({ preventScroll: true });
    else $("feed-heading").focus({ preventScroll: true });
  }

  /* Events or mentions: the map, the panel, the feed and the exports follow. */
  function showLayer(layer) {
    state.shown = layer;
    // With no event published there is nothing to switch to (unless an address asks).
    $("layer-switch").hidden = !config.hasEvents && layer !== "events";
    document.body.classList.toggle("layer-events", layer === "events");
    document.body.classList.toggle("layer-mentions", layer === "mentions");
    document.querySelectorAll("#layer-switch .layer-button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.layer === layer)));
    $("feed-heading").textContent = layer === "events" ? "Latest events in this window" : "Latest passages in this window";
  }

  function switchLayer(layer) {
    if (layer === state.shown) return;
    state.placeId = null;
    state.eventId = null;
    state.selection.clearLayers();
    closeMembers();
    $("passages").hidden = true;
    $("event").hidden = true;
    $("feed").hidden = false;
    showLayer(layer);
    state.feedPage = 1;
    writeUrl();
    loadPlaces();
  }

  /* Hovering or focusing an event in the feed lights up its marker. */
  function bindEventHover(node, eventId) {
    const light = (on) => () => document.querySelectorAll(".event-marker.event-id-" + eventId).forEach((n) => n.classList.toggle("hovered", on));
    node.addEventListener("mouseenter", light(true));
    node.addEventListener("mouseleave", light(false));
    node.addEventListener("focusin", light(true));
    node.addEventListener("focusout", light(false));
  }

  /* ---------- the panel: a place's passages, or the feed ---------- */

  function highlightSelected() {
    document.querySelectorAll(".place-marker.selected, .event-marker.selected").forEach((n) => n.classList.remove("selected"));
    if (state.eventId !== null) document.querySelectorAll(".event-marker.event-id-" + state.eventId).forEach((n) => n.classList.add("selected"));
    document.querySelectorAll("[data-place-id][aria-current]").forEach((n) => n.removeAttribute("aria-current"));
    if (state.placeId === null) return;
    document.querySelectorAll(".place-marker.place-id-" + state.placeId).forEach((n) => n.classList.add("selected"));
    document.querySelectorAll(`.place-button[data-place-id="${state.placeId}"], .area-button[data-place-id="${state.placeId}"]`)
      .forEach((n) => n.setAttribute("aria-current", "true"));
  }

  function openPlace(placeId, name) {
    if (state.placeId === null) state.openedFrom = document.activeElement;
    state.placeId = placeId;
    state.page = 1;
    $("passages-heading").textContent = name;
    $("passages-count").textContent = "Loading passages…";
    $("passage-list").replaceChildren();
    showPassagesView();
    highlightSelected();
    // The entry clicked may now be hidden (a feed entry): the focus goes to the passages.
    $("passages-heading").focus({ preventScroll: true });
    loadPassages();
    writeUrl();
  }

  function showPassagesView() {
    $("passages").hidden = false;
    $("feed").hidden = true;
    openSheet();
    $("panel-body").scrollTop = 0;
  }

  /* Back to the feed; the focus returns to where the reader was. */
  function closePassages() {
    state.placeId = null;
    state.selection.clearLayers();
    state.pannedFor = null;
    $("passages").hidden = true;
    $("feed").hidden = false;
    highlightSelected();
    writeUrl();
    loadFeed();
    const back = state.openedFrom;
    state.openedFrom = null;
    if (back && back.isConnected && back.offsetParent !== null) back.focus({ preventScroll: true });
    else $("feed-heading").focus({ preventScroll: true });
  }

  async function loadPassages() {
    const list = $("passage-list");
    const params = windowParams(filterParams());
    params.set("page", state.page);
    const placeId = state.placeId;
    const url = config.mentionsUrl.replace(/0\/mentions$/, placeId + "/mentions") + "?" + params;
    // Only the latest request may fill the panel: an older answer arriving late would
    // show passages of a previous filter or page.
    if (state.passagesRequest) state.passagesRequest.abort();
    const request = (state.passagesRequest = new AbortController());
    showPassagesView();
    let data;
    try {
      data = await getJSON(url, request.signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      list.replaceChildren(el("li", { text: "Could not load passages: " + error.message }));
      return;
    }
    if (request !== state.passagesRequest || placeId !== state.placeId) return;
    $("passages-heading").textContent = data.place.name;
    $("passages-count").textContent =
      plural(data.count, "passage", "passages") + " in this window" + (data.pages > 1 ? ", page " + data.page + " of " + data.pages : "");
    list.start = (data.page - 1) * 20 + 1;
    list.replaceChildren(...data.results.map(passageItem));
    markSelection(data.place);
    showPlaceAboveSheet(data.place);
    $("passages-prev").disabled = data.page <= 1;
    $("passages-next").disabled = data.page >= data.pages;
    $("panel-body").scrollTop = 0;
    document.body.dataset.passagesLoaded = String(data.count);
  }

  /* A ring where the open place is, seen even when its marker is inside a group. */
  function markSelection(place) {
    state.selection.clearLayers();
    if (place.latitude == null) return;
    L.circleMarker([place.latitude, place.longitude], { radius: 18, className: "selection-ring", interactive: false })
      .addTo(state.selection);
  }

  /* On a phone the sheet covers the lower map: once per opened place, the map moves so the
   * place sits in the middle of the strip of map still in view. */
  function showPlaceAboveSheet(place) {
    if (!PHONE.matches || state.pannedFor === place.id || place.latitude == null) return;
    state.pannedFor = place.id;
    const mapBox = $("map").getBoundingClientRect();
    const visible = Math.max(40, $("panel").getBoundingClientRect().top - mapBox.top);
    const at = state.map.latLngToContainerPoint([place.latitude, place.longitude]);
    state.map.panBy([at.x - mapBox.width / 2, at.y - visible / 2], { animate: false });
  }

  async function loadFeed() {
    if (state.placeId !== null || state.eventId !== null) return;
    if (state.feedRequest) state.feedRequest.abort();
    const request = (state.feedRequest = new AbortController());
    const params = viewParams();
    params.set("page", state.feedPage);
    let data;
    try {
      data = await getJSON(FEED_URL + "?" + params, request.signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      $("feed-count").textContent = "The latest passages could not be loaded: " + error.message;
      $("feed-list").replaceChildren();
      return;
    }
    if (request !== state.feedRequest) return;
    const events = params.get("layer") === "events";
    $("feed-count").textContent = plural(data.count, events ? "event" : "passage", events ? "events" : "passages") + ", newest first"
      + (data.pages > 1 ? ", page " + data.page + " of " + data.pages : "");
    $("feed-list").replaceChildren(...data.results.map((item) => (events
      ? eventFeedItem(item, { onOpen: openEvent, onHover: bindEventHover })
      : feedItem(item, { onOpen: openPlace, onHover: bindMarkerHover }))));
    $("feed-prev").disabled = data.page <= 1;
    $("feed-next").disabled = data.page >= data.pages;
    document.body.dataset.feedLoaded = String(data.count);
  }

  /* ---------- the phone's bottom sheet and the filter drawer ---------- */

  function setSheet(open) {
    $("panel").classList.toggle("sheet-open", open);
    $("sheet-toggle").setAttribute("aria-expanded", String(open));
    $("sheet-toggle").textContent = open ? "Hide passages" : "Show passages";
  }

  function openSheet() { if (PHONE.matches) setSheet(true); }

  function drawerOpen() { return $("filters-drawer").classList.contains("open"); }

  function setDrawer(open) {
    const drawer = $("filters-drawer");
    drawer.classList.toggle("open", open);
    drawer.inert = !open;
    $("filters-toggle").setAttribute("aria-expanded", String(open));
    if (open) $("country-search").focus();
    else if (drawer.contains(document.activeElement) || document.activeElement === document.body) $("filters-toggle").focus();
  }

  /* Escape closes what is on top: the drawer, then a list of places at one point, then an
   * event or a place's passages (back to the feed), then the phone's sheet. */
  function onEscape(event) {
    if (event.key !== "Escape") return;
    if (drawerOpen()) setDrawer(false);
    else if (!$("members").hidden) closeMembers();
    else if (state.eventId !== null) closeEvent();
    else if (state.placeId !== null) closePassages();
    else if ($("panel").classList.contains("sheet-open")) { setSheet(false); $("sheet-toggle").focus(); }
    else return;
    event.preventDefault();
  }

  /* ---------- timeline, window, play ---------- */

  function dayRange(range) {
    return range && range.start && range.end ? [toDay(range.start), toDay(range.end)] : null;
  }

  /* Where the news is: the server's default window for this view and basis. */
  function defaultWindow() {
    const data = state.timelineData;
    return dayRange(data && data.default_window) || dayRange({ start: config.defaultStart, end: config.defaultEnd });
  }

  async function loadTimeline() {
    if (state.timelineRequest) state.timelineRequest.abort();
    const request = (state.timelineRequest = new AbortController());
    const params = filterParams();
    params.set("bbox", bboxParam());
    params.set("bins", Math.max(20, Math.min(400, Math.floor($("timeline-chart").clientWidth / 4))));
    if (state.axis) { params.set("from", toIso(state.axis[0])); params.set("to", toIso(state.axis[1])); }
    try {
      const data = await getJSON(config.timelineUrl + "?" + params, request.signal);
      state.timelineData = data;
      state.timeline.render(data, state.window);
      drawFolds(data);
      document.body.dataset.timelineBins = String(data.counts.length);
      return data;
    } catch (error) {
      if (error.name !== "AbortError") $("window-summary").textContent = "Could not load the timeline: " + error.message;
      return null;
    }
  }

  /* Dates far from the bulk (a passage about 1805 in 2024 news) are folded into an
   * "earlier" or "later" button beside the axis instead of stretching it. */
  function drawFolds(data) {
    [["earlier", $("time-earlier")], ["later", $("time-later")]].forEach(([side, button]) => {
      const fold = data[side];
      // Zoomed into the fold itself, the fold is on the axis: no button.
      if (!fold || !fold.count || state.axis) { button.hidden = true; return; }
      const years = fold.first.slice(0, 4) === fold.last.slice(0, 4) ? fold.first.slice(0, 4) : fold.first.slice(0, 4) + "–" + fold.last.slice(0, 4);
      const words = plural(fold.count, "mention", "mentions") + " " + side + " (" + years + ")";
      const arrow = el("span", { "aria-hidden": "true", text: side === "earlier" ? "◀ " : " ▶" });
      if (side === "earlier") button.replaceChildren(arrow, words); else button.replaceChildren(words, arrow);
      button.title = "Show the " + words;
      button.hidden = false;
      button.onclick = () => {
        const [a, b] = [toDay(fold.first), toDay(fold.last)];
        const pad = Math.max(15, Math.round((b - a) / 10));
        state.axis = [a - pad, b + pad];
        setWindow(a, b);
        loadTimeline();
      };
    });
  }

  /* True when the timeline data counts anything inside the window. */
  function windowHoldsData(data, win) {
    if (!win || !data || !data.start) return Boolean(data && data.start);
    const start = toDay(data.start);
    const inBins = data.counts.some((count, i) => {
      const a = start + i * data.bin_days, b = a + data.bin_days - 1;
      return count > 0 && a <= win[1] && b >= win[0];
    });
    const inSpans = data.spans.some((s) => toDay(s.start) <= win[1] && toDay(s.end) >= win[0]);
    const inFolds = ["earlier", "later"].some((side) => data[side] && data[side].count
      && toDay(data[side].first) <= win[1] && toDay(data[side].last) >= win[0]);
    return inBins || inSpans || inFolds;
  }

  function setWindow(startDay, endDay) {
    state.window = startDay === null ? null : [startDay, endDay];
    $("window-start").value = state.window ? toIso(startDay) : (config.dataStart || "");
    $("window-end").value = state.window ? toIso(endDay) : (config.dataEnd || "");
    state.timeline.setWindow(state.window);
    state.feedPage = 1;
    writeUrl();
    return loadPlaces();
  }

  function stopPlay(finished) {
    clearInterval(state.playTimer);
    state.playTimer = null;
    $("play").textContent = "Play";
    $("play").setAttribute("aria-pressed", "false");
    if (finished) {
      state.paused = null;
      setWindow(state.playRange[0], state.playRange[1]);
    }
  }

  /* Play runs a short frame across the selected window, from its start to its end, then
   * stops and gives the whole window back. Paused, it resumes where it was unless the
   * reader chose another window meanwhile. */
  function play() {
    if (state.playTimer) {
      state.paused = { window: state.window && state.window.slice() };
      stopPlay(false);
      return;
    }
    const resuming = state.paused && state.window && state.paused.window
      && state.paused.window[0] === state.window[0] && state.paused.window[1] === state.window[1];
    state.paused = null;
    if (!resuming) {
      const range = state.window || state.timeline.axis;
      if (!range) return;
      state.playRange = range.slice();
    }
    const [a, b] = state.playRange;
    const length = b - a + 1;
    const frame = Math.max(1, Math.round(length / 8));
    const step = Math.max(1, Math.round(length / 48));
    let from = resuming ? state.window[0] : a;
    $("play").textContent = "Pause";
    $("play").setAttribute("aria-pressed", "true");
    if (!resuming) setWindow(from, Math.min(b, from + frame - 1));
    state.playTimer = setInterval(() => {
      from += step;
      if (from + frame - 1 > b) { stopPlay(true); return; }
      setWindow(from, from + frame - 1);
    }, Number($("play-speed").value));
  }

  async function basisChanged(basis) {
    state.basis = basis;
    state.axis = null;
    writeUrl();
    const data = await loadTimeline();
    // A window that holds nothing under the other dates gives way to where the news is.
    if (data && !windowHoldsData(data, state.window)) {
      const fallback = defaultWindow();
      if (fallback) { setWindow(fallback[0], fallback[1]); return; }
      setWindow(null);
      return;
    }
    loadPlaces();
  }

  /* ---------- filters ---------- */

  async function loadFacets(params) {
    const data = await getJSON(config.facetsUrl);
    const sources = params.getAll("source");
    const countries = (params.get("country") || "").toUpperCase().split(",");
    $("filter-source").replaceChildren(...data.sources.map((s) => {
      const o = el("option", { value: s, text: s, dir: "auto" }); o.selected = sources.includes(s); return o;
    }));
    // Countries by name (the API gives {code, name}; codes alone until it does).
    const named = data.countries.map((c) => (typeof c === "string" ? { code: c, name: c } : c));
    $("filter-country").replaceChildren(...named.map((c) => {
      const o = el("option", { value: c.code, text: c.name, dir: "auto" }); o.selected = countries.includes(c.code); return o;
    }));
    state.facetsLoaded = true;
  }

  function filterCountries() {
    const wanted = $("country-search").value.trim().toLowerCase();
    [...$("filter-country").options].forEach((o) => {
      o.hidden = Boolean(wanted) && !o.text.toLowerCase().includes(wanted) && o.value.toLowerCase() !== wanted && !o.selected;
    });
  }

  function filtersChanged() {
    state.feedPage = 1;
    writeUrl();
    loadPlaces();
    loadTimeline();
  }

  async function loadBasemap() {
    try {
      const data = await getJSON(config.basemapUrl);
      data.features.forEach((f) => state.countryShapes.set(f.properties.iso2, f));
      state.basemap = L.geoJSON(data, {
        pane: "basemap", interactive: false,
        style: { className: "basemap-country", color: "#8a9aa8", weight: 0.8, fillColor: "#eef0ea", fillOpacity: 1 },
      }).addTo(state.map);
      document.body.dataset.basemapCountries = String(data.features.length);
    } catch (error) {
      console.warn("basemap", error);
    }
  }

  function bindControls(map) {
    $("time-window").addEventListener("change", (event) => {
      if (event.target.name === "basis") { basisChanged(event.target.value); return; }
      if (event.target.id === "play-speed") return;
      const start = $("window-start").value, end = $("window-end").value;
      if (start && end && start <= end) setWindow(toDay(start), toDay(end));
    });
    $("time-window").addEventListener("submit", (event) => event.preventDefault());
    $("window-reset").addEventListener("click", async () => {
      state.axis = null;
      await loadTimeline();
      const home = defaultWindow();
      if (home) setWindow(home[0], home[1]); else setWindow(null);
    });
    $("play").addEventListener("click", play);
    $("time-zoom-in").addEventListener("click", () => {
      if (state.window) { state.axis = [state.window[0], state.window[1]]; writeUrl(); loadTimeline(); }
      else if (state.timeline.axis) state.timeline.zoom(0.5);
    });
    $("time-zoom-out").addEventListener("click", () => { if (state.timeline.axis) state.timeline.zoom(2); });

    let typing = null;
    $("filters").addEventListener("input", (event) => {
      if (event.target.id === "country-search") { filterCountries(); return; }
      if (event.target.id !== "filter-q") return;
      clearTimeout(typing);
      typing = setTimeout(filtersChanged, 300);
    });
    $("filters").addEventListener("change", (event) => {
      if (event.target.id !== "filter-q" && event.target.id !== "country-search") filtersChanged();
    });
    $("filters").addEventListener("submit", (event) => { event.preventDefault(); filtersChanged(); });
    const clearFilters = () => {
      // Showing countries as areas is a way of drawing, not a filter: it stays.
      const areas = $("filter-areas").checked;
      $("filters").reset();
      $("filter-areas").checked = areas;
      [...document.querySelectorAll("#filters option")].forEach((o) => { o.selected = false; o.hidden = false; });
      filtersChanged();
    };
    $("filters-clear").addEventListener("click", clearFilters);
    $("filters-clear-drawer").addEventListener("click", clearFilters);
    $("filters-toggle").addEventListener("click", () => setDrawer(!drawerOpen()));
    $("filters-done").addEventListener("click", () => setDrawer(false));
    $("sheet-toggle").addEventListener("click", () => setSheet(!$("panel").classList.contains("sheet-open")));
    $("passages-prev").addEventListener("click", () => { state.page -= 1; loadPassages(); writeUrl(); });
    $("passages-next").addEventListener("click", () => { state.page += 1; loadPassages(); writeUrl(); });
    $("passages-close").addEventListener("click", closePassages);
    $("members-close").addEventListener("click", closeMembers);
    $("event-close").addEventListener("click", closeEvent);
    document.querySelectorAll("#layer-switch .layer-button").forEach((button) => {
      button.addEventListener("click", () => switchLayer(button.dataset.layer));
    });
    $("feed-prev").addEventListener("click", () => { state.feedPage -= 1; loadFeed(); });
    $("feed-next").addEventListener("click", () => { state.feedPage += 1; loadFeed(); });
    $("feed-heading").setAttribute("tabindex", "-1");
    $("passages-heading").setAttribute("tabindex", "-1");
    $("event-heading").setAttribute("tabindex", "-1");
    document.addEventListener("keydown", onEscape);
    map.on("zoomstart", () => state.spider.clearLayers());
    map.on("moveend", () => { state.feedPage = 1; writeUrl(); loadPlaces(); loadTimeline(); });
  }

  async function init(map) {
    state.map = map;
    const { params, centre } = readUrl();
    map.createPane("basemap").style.zIndex = 150;  // under the tiles: seen when they fail
    state.layer = L.featureGroup().addTo(map);
    state.spider = L.featureGroup().addTo(map);
    state.selection = L.featureGroup().addTo(map);
    state.timeline = new Timeline($("timeline-chart"), {
      onSelect: (a, b) => setWindow(a, b),
      onAxis: (from, to) => { state.axis = [from, to]; writeUrl(); loadTimeline(); },
    });
    if (centre) map.setView([centre.lat, centre.lng], centre.z, { animate: false });
    state.fitted = Boolean(centre);
    // A first visit opens on where the news is, not on every date ever named.
    if (!state.window && !params.has("start")) state.window = defaultWindow();
    if (state.window) {
      $("window-start").value = toIso(state.window[0]);
      $("window-end").value = toIso(state.window[1]);
    }
    setSheet(false);
    showLayer(state.shown);
    drawLegendGlyphs(document);
    if (state.eventId !== null) showEventView();
    else if (state.placeId !== null) showPassagesView();
    state.basemapReady = loadBasemap();
    loadFacets(params).catch(() => {});
    bindControls(map);
    writeUrl();
    await Promise.all([loadPlaces(), loadTimeline()]);
  }

  window.conflictMap = {
    init: init,
    /* For tests and the benchmark: set the window and resolve once it is redrawn. */
    setWindow: (start, end) => setWindow(toDay(start), toDay(end)),
    lastRedrawMs: null,
  };
})();
