/* The reader's map: places (clustered when dense) for a view, the timeline under it,
 * the passages behind a place, filters, exports, and a URL that holds the whole view.
 * Every text that comes from an article is inserted as text (textContent or text
 * nodes), never as HTML, so nothing pasted into an article can run in this page. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("map-config").textContent);
  const { Timeline, toDay, toIso } = window.ConflictTimeline;
  const $ = (id) => document.getElementById(id);
  const state = {
    map: null, layer: null, basemap: null, countryShapes: new Map(), markers: new Map(),
    placeId: null, page: 1, window: null, axis: null, basis: "event", timeline: null,
    placesRequest: null, timelineRequest: null, passagesRequest: null, renderSeq: 0, playTimer: null, basemapReady: null,
    facetsLoaded: false, urlSources: [], urlCountries: [],
  };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  /* ---------- the view as query parameters (API and URL share the names) ---------- */

  function filterParams() {
    const params = new URLSearchParams();
    const form = $("filters");
    const q = $("filter-q").value.trim();
    if (q) params.set("q", q);
    // Until the filter lists arrive, the choices are the ones the URL brought.
    const sources = state.facetsLoaded ? [...$("filter-source").selectedOptions].map((o) => o.value) : state.urlSources;
    const countries = state.facetsLoaded ? [...$("filter-country").selectedOptions].map((o) => o.value) : state.urlCountries;
    sources.forEach((source) => params.append("source", source));
    if (countries.length) params.set("country", countries.join(","));
    ["kind", "review"].forEach((name) => {
      const values = [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
      if (values.length) params.set(name, values.join(","));
    });
    if (state.basis !== "event") params.set("basis", state.basis);
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
    history.replaceState(null, "", location.pathname + "?" + params);
    updateExportLinks();
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
    ["kind", "review"].forEach((name) => {
      const wanted = (params.get(name) || "").split(",");
      document.querySelectorAll(`#filters input[name=${name}]`).forEach((i) => { i.checked = wanted.includes(i.value); });
    });
    if (params.has("place") && /^\d+$/.test(params.get("place"))) {
      state.placeId = Number(params.get("place"));
      state.page = Math.max(1, Number(params.get("page")) || 1);
    }
    const lat = Number(params.get("lat")), lng = Number(params.get("lng")), z = Number(params.get("z"));
    const hasCentre = params.has("lat") && params.has("lng") && params.has("z") && [lat, lng, z].every(Number.isFinite);
    return { params, centre: hasCentre ? { lat, lng, z } : null };
  }

  function updateExportLinks() {
    const query = viewParams().toString();
    document.querySelectorAll(".exports a").forEach((a) => {
      a.href = config.exportUrl.replace(/geojson$/, a.dataset.format) + "?" + query;
    });
  }

  async function getJSON(url, signal) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  /* ---------- places on the map ---------- */

  function radius(count) { return Math.min(40, 4 + 3 * Math.sqrt(count)); }

  async function loadPlaces() {
    const started = performance.now();
    if (state.placesRequest) state.placesRequest.abort();
    const request = (state.placesRequest = new AbortController());
    const params = viewParams();
    params.set("zoom", state.map.getZoom());
    let data;
    try {
      data = await getJSON(config.placesUrl + "?" + params, request.signal);
    } catch (error) {
      if (error.name !== "AbortError") $("window-summary").textContent = "Could not load places: " + error.message;
      return;
    }
    await state.basemapReady;  // country places are drawn as their outlines
    if (request !== state.placesRequest) return;
    drawPlaces(data);
    state.renderSeq += 1;
    window.conflictMap.lastRedrawMs = performance.now() - started;
    document.body.dataset.renderSeq = String(state.renderSeq);
  }

  function drawPlaces(data) {
    state.layer.clearLayers();
    state.markers.clear();
    const peakCountry = Math.max(1, ...data.features.filter((f) => f.properties.kind === "country").map((f) => f.properties.mentions));
    data.features.forEach((feature) => {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      if (p.cluster) return drawCluster(p, lat, lon);
      const selected = p.id === state.placeId ? " selected" : "";
      const className = "place-marker place-" + p.kind + " place-id-" + p.id + selected;
      let marker;
      const shape = p.kind === "country" && state.countryShapes.get(p.country_code);
      if (shape) {
        // A country is its outline, shaded by how often it is mentioned.
        marker = L.geoJSON(shape, { style: { className, fillOpacity: 0.15 + 0.5 * (p.mentions / peakCountry) } });
        marker.getLatLng = () => L.latLng(lat, lon);
      } else {
        marker = L.circleMarker([lat, lon], { radius: radius(p.mentions), className });
      }
      // Leaflet inserts a string tooltip as HTML; an element keeps the name text.
      marker.bindTooltip(el("span", { text: p.name + " (" + p.mentions + ")", dir: "auto" }));
      marker.on("click", () => openPlace(p.id, p.name));
      marker.addTo(state.layer);
      state.markers.set(p.id, marker);
    });
    drawPlaceList(data.places || [], data.totals);
    fitToDataOnce(data.features);
    const t = data.totals;
    $("window-summary").textContent = t.places + " places, " + t.mentions + " mentions";
    document.body.dataset.placesLoaded = String(t.places);
    if (state.placeId !== null) loadPassages();
  }

  /* A first visit without a view in its URL starts framed on the places. */
  function fitToDataOnce(features) {
    if (state.fitted) return;
    state.fitted = true;
    if (!features.length) return;
    const bounds = L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    state.map.fitBounds(bounds.pad(0.2), { maxZoom: 7, animate: false });
  }

  function drawCluster(p, lat, lon) {
    const size = Math.round(Math.min(64, 26 + 6 * Math.log10(1 + p.mentions)));
    const divIcon = L.divIcon({
      className: "cluster-marker cluster-" + p.kind,
      html: el("span", { text: String(p.places) }),
      iconSize: [size, size],
    });
    const marker = L.marker([lat, lon], {
      icon: divIcon, keyboard: true, title: p.places + " places, " + p.mentions + " mentions: zoom in",
      alt: p.places + " places",
    });
    marker.on("click", () => zoomIntoCluster(p));
    marker.addTo(state.layer);
    const element = marker.getElement();
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", p.places + " places, " + p.mentions + " mentions: zoom in");
    element.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); zoomIntoCluster(p); }
    });
  }

  function zoomIntoCluster(p) {
    const [w, s, e, n] = p.bounds;
    const bounds = L.latLngBounds([s, w], [n, e]);
    if (bounds.getNorth() === bounds.getSouth() && bounds.getEast() === bounds.getWest()) {
      state.map.setView(bounds.getCenter(), state.map.getZoom() + 2);
    } else {
      state.map.fitBounds(bounds.pad(0.1), { maxZoom: state.map.getZoom() + 3 });
    }
  }

  function drawPlaceList(places, totals) {
    const list = $("place-list");
    list.replaceChildren();
    places.forEach((p) => {
      const button = el("button", { type: "button", class: "place-button", "data-place-id": p.id, text: p.name, dir: "auto" });
      if (p.id === state.placeId) button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => openPlace(p.id, p.name));
      const count = el("span", { class: "place-count", text: String(p.mentions) });
      count.setAttribute("aria-label", p.mentions + (p.mentions === 1 ? " mention" : " mentions"));
      const where = [p.admin1, p.country_code].filter(Boolean).join(", ");
      list.append(el("li", { title: where }, [button, " ", count]));
    });
    if (totals && totals.places > places.length) {
      list.append(el("li", { class: "place-more", text: "and " + (totals.places - places.length) + " more: zoom in or filter" }));
    }
  }

  /* ---------- passages ---------- */

  function closePanel() {
    state.placeId = null;
    $("passages").hidden = true;
    highlightSelected();
    writeUrl();
  }

  function highlightSelected() {
    document.querySelectorAll(".place-marker.selected").forEach((n) => n.classList.remove("selected"));
    document.querySelectorAll(".place-button[aria-current]").forEach((n) => n.removeAttribute("aria-current"));
    if (state.placeId === null) return;
    document.querySelectorAll(".place-id-" + state.placeId).forEach((n) => n.classList.add("selected"));
    const button = document.querySelector(`.place-button[data-place-id="${state.placeId}"]`);
    if (button) button.setAttribute("aria-current", "true");
  }

  function openPlace(placeId, name) {
    state.placeId = placeId;
    state.page = 1;
    $("passages-heading").textContent = name;
    highlightSelected();
    loadPassages();
    writeUrl();
  }

  function highlighted(passage, start, end) {
    const quote = el("blockquote", { class: "passage-text", dir: "auto" });
    quote.append(passage.slice(0, start), el("mark", { text: passage.slice(start, end) }), passage.slice(end));
    return quote;
  }

  const PRECISION_WORDS = { day: "day", month: "month", year: "year", range: "range" };

  function eventDateText(m) {
    if (!m.event_date) return "unknown";
    const when = !m.event_date_end || m.event_date === m.event_date_end ? m.event_date : m.event_date + " to " + m.event_date_end;
    return when + " (" + (PRECISION_WORDS[m.date_precision] || m.date_precision) + ")";
  }

  /* An article's address if it is an absolute http(s) URL, else null: a javascript: or
   * data: address from an article must never become a link a reader can click. */
  function webAddress(url) {
    if (!url) return null;
    try {
      const protocol = new URL(url).protocol;
      return protocol === "http:" || protocol === "https:" ? url : null;
    } catch (error) {
      return null;
    }
  }

  function passageItem(m) {
    const a = m.article;
    const href = webAddress(a.url);
    const title = href
      ? el("a", { href, rel: "noopener noreferrer", target: "_blank", text: a.title, dir: "auto" })
      : el("span", { text: a.title, dir: "auto" });
    const meta = el("dl", { class: "passage-meta" }, [
      el("dt", { text: "Article" }), el("dd", {}, [title]),
      el("dt", { text: "Source" }), el("dd", { class: "passage-source", text: a.source || "unknown source", dir: "auto" }),
      el("dt", { text: "Event date" }), el("dd", { class: "passage-date", text: eventDateText(m) }),
      el("dt", { text: "Published" }), el("dd", { class: "passage-published", text: a.published_at ? a.published_at.slice(0, 10) : "unknown" }),
    ]);
    return el("li", { class: "passage" }, [highlighted(m.passage, m.highlight[0], m.highlight[1]), meta]);
  }

  async function loadPassages() {
    const panel = $("passages");
    const list = $("passage-list");
    const params = windowParams(filterParams());
    params.set("page", state.page);
    const placeId = state.placeId;
    const url = config.mentionsUrl.replace(/0\/mentions$/, placeId + "/mentions") + "?" + params;
    // Only the latest request may fill the panel: an older answer arriving late would
    // show passages of a previous filter or page.
    if (state.passagesRequest) state.passagesRequest.abort();
    const request = (state.passagesRequest = new AbortController());
    let data;
    try {
      data = await getJSON(url, request.signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      list.replaceChildren(el("li", { text: "Could not load passages: " + error.message }));
      panel.hidden = false;
      return;
    }
    if (request !== state.passagesRequest || placeId !== state.placeId) return;
    $("passages-heading").textContent = data.place.name;
    $("passages-count").textContent =
      data.count + (data.count === 1 ? " passage" : " passages") + " in this window" + (data.pages > 1 ? ", page " + data.page + " of " + data.pages : "");
    list.start = (data.page - 1) * 20 + 1;
    list.replaceChildren(...data.results.map(passageItem));
    $("passages-prev").disabled = data.page <= 1;
    $("passages-next").disabled = data.page >= data.pages;
    panel.hidden = false;
    document.body.dataset.passagesLoaded = String(data.count);
  }

  /* ---------- timeline, window, play ---------- */

  async function loadTimeline() {
    if (state.timelineRequest) state.timelineRequest.abort();
    const request = (state.timelineRequest = new AbortController());
    const params = filterParams();
    params.set("bbox", bboxParam());
    params.set("bins", Math.max(20, Math.min(400, Math.floor($("timeline-chart").clientWidth / 4))));
    if (state.axis) { params.set("from", toIso(state.axis[0])); params.set("to", toIso(state.axis[1])); }
    try {
      const data = await getJSON(config.timelineUrl + "?" + params, request.signal);
      state.timeline.render(data, state.window);
      document.body.dataset.timelineBins = String(data.counts.length);
    } catch (error) {
      if (error.name !== "AbortError") $("window-summary").textContent = "Could not load the timeline: " + error.message;
    }
  }

  function setWindow(startDay, endDay) {
    state.window = startDay === null ? null : [startDay, endDay];
    $("window-start").value = state.window ? toIso(startDay) : (config.dataStart || "");
    $("window-end").value = state.window ? toIso(endDay) : (config.dataEnd || "");
    state.timeline.setWindow(state.window);
    writeUrl();
    return loadPlaces();
  }

  function play() {
    const button = $("play");
    if (state.playTimer) {
      clearInterval(state.playTimer);
      state.playTimer = null;
      button.textContent = "Play";
      button.setAttribute("aria-pressed", "false");
      return;
    }
    const axis = state.timeline.axis;
    if (!axis) return;
    let [a, b] = state.window || [axis[0], axis[0] + Math.max(6, Math.round((axis[1] - axis[0]) / 10))];
    if (a >= axis[1]) [a, b] = [axis[0], axis[0] + (b - a)];
    const step = Math.max(1, (state.timeline.data && state.timeline.data.bin_days) || 1);
    button.textContent = "Pause";
    button.setAttribute("aria-pressed", "true");
    setWindow(a, b);
    state.playTimer = setInterval(() => {
      [a, b] = [a + step, b + step];
      if (a > axis[1]) { play(); return; }
      setWindow(a, b);
    }, Number($("play-speed").value));
  }

  /* ---------- filters ---------- */

  async function loadFacets(params) {
    const data = await getJSON(config.facetsUrl);
    const sources = params.getAll("source");
    const countries = (params.get("country") || "").toUpperCase().split(",");
    $("filter-source").replaceChildren(...data.sources.map((s) => {
      const o = el("option", { value: s, text: s, dir: "auto" }); o.selected = sources.includes(s); return o;
    }));
    $("filter-country").replaceChildren(...data.countries.map((c) => {
      const o = el("option", { value: c, text: c }); o.selected = countries.includes(c); return o;
    }));
    state.facetsLoaded = true;
  }

  function filtersChanged() {
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

  async function init(map) {
    state.map = map;
    const { params, centre } = readUrl();
    if (window.matchMedia("(max-width: 800px)").matches) $("filters-box").open = false;
    map.createPane("basemap").style.zIndex = 150;  // under the tiles: seen when they fail
    state.layer = L.featureGroup().addTo(map);
    state.timeline = new Timeline($("timeline-chart"), {
      onSelect: (a, b) => setWindow(a, b),
      onAxis: (from, to) => { state.axis = [from, to]; writeUrl(); loadTimeline(); },
    });
    if (centre) map.setView([centre.lat, centre.lng], centre.z, { animate: false });
    state.fitted = Boolean(centre);
    if (state.window) {
      $("window-start").value = toIso(state.window[0]);
      $("window-end").value = toIso(state.window[1]);
    }
    state.basemapReady = loadBasemap();
    loadFacets(params).catch(() => {});

    $("time-window").addEventListener("change", (event) => {
      if (event.target.name === "basis") {
        state.basis = event.target.value;
        state.axis = null;
        filtersChanged();
        return;
      }
      const start = $("window-start").value, end = $("window-end").value;
      if (start && end && start <= end) setWindow(toDay(start), toDay(end));
    });
    $("time-window").addEventListener("submit", (event) => event.preventDefault());
    $("window-reset").addEventListener("click", () => { state.axis = null; setWindow(null); loadTimeline(); });
    $("play").addEventListener("click", play);
    $("time-zoom-in").addEventListener("click", () => {
      if (state.window) { state.axis = [state.window[0], state.window[1]]; writeUrl(); loadTimeline(); }
      else if (state.timeline.axis) state.timeline.zoom(0.5);
    });
    $("time-zoom-out").addEventListener("click", () => { if (state.timeline.axis) state.timeline.zoom(2); });

    let typing = null;
    $("filters").addEventListener("input", (event) => {
      if (event.target.id !== "filter-q") return;
      clearTimeout(typing);
      typing = setTimeout(filtersChanged, 300);
    });
    $("filters").addEventListener("change", (event) => { if (event.target.id !== "filter-q") filtersChanged(); });
    $("filters").addEventListener("submit", (event) => { event.preventDefault(); filtersChanged(); });
    $("filters-clear").addEventListener("click", () => {
      $("filters").reset();
      [...document.querySelectorAll("#filters option")].forEach((o) => { o.selected = false; });
      filtersChanged();
    });
    $("passages-prev").addEventListener("click", () => { state.page -= 1; loadPassages(); writeUrl(); });
    $("passages-next").addEventListener("click", () => { state.page += 1; loadPassages(); writeUrl(); });
    $("passages-close").addEventListener("click", closePanel);
    map.on("moveend", () => { writeUrl(); loadPlaces(); loadTimeline(); });

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
