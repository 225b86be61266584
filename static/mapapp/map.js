/* The reader's map: places for a time window, and the passages behind each place.
 * Every text that comes from an article is inserted as text (textContent or text
 * nodes), never as HTML, so nothing pasted into an article can run in this page. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("map-config").textContent);
  const state = { map: null, layer: null, markers: new Map(), placeId: null, page: 1 };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  function windowParams() {
    const params = new URLSearchParams();
    const start = document.getElementById("window-start").value;
    const end = document.getElementById("window-end").value;
    if (start) params.set("start", start);
    if (end) params.set("end", end);
    return params;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function radius(count) {
    return 5 + 4 * Math.sqrt(count);
  }

  async function loadPlaces() {
    const summary = document.getElementById("window-summary");
    let data;
    try {
      data = await getJSON(config.placesUrl + "?" + windowParams());
    } catch (error) {
      summary.textContent = "Could not load places: " + error.message;
      return;
    }
    state.layer.clearLayers();
    state.markers.clear();
    const list = document.getElementById("place-list");
    list.replaceChildren();
    let total = 0;
    data.features.forEach((feature) => {
      const p = feature.properties;
      total += p.mentions;
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], {
        radius: radius(p.mentions),
        className: "place-marker place-" + p.kind + " place-id-" + p.id,
      });
      marker.bindTooltip(p.name + " (" + p.mentions + ")");
      marker.on("click", () => openPlace(p.id, p.name));
      marker.addTo(state.layer);
      state.markers.set(p.id, marker);

      const button = el("button", { type: "button", class: "place-button", "data-place-id": p.id, text: p.name });
      button.addEventListener("click", () => openPlace(p.id, p.name));
      const count = el("span", { class: "place-count", text: String(p.mentions) });
      count.setAttribute("aria-label", p.mentions + (p.mentions === 1 ? " mention" : " mentions"));
      list.append(el("li", {}, [button, " ", count]));
    });
    summary.textContent = data.features.length + " places, " + total + " mentions";
    document.body.dataset.placesLoaded = String(data.features.length);
    if (state.placeId !== null) {
      if (state.markers.has(state.placeId)) loadPassages();
      else closePanel();
    }
  }

  function closePanel() {
    state.placeId = null;
    document.getElementById("passages").hidden = true;
  }

  function openPlace(placeId, name) {
    state.placeId = placeId;
    state.page = 1;
    document.getElementById("passages-heading").textContent = name;
    const marker = state.markers.get(placeId);
    if (marker) state.map.panTo(marker.getLatLng());
    loadPassages();
  }

  function highlighted(passage, start, end) {
    const quote = el("blockquote", { class: "passage-text" });
    quote.append(passage.slice(0, start), el("mark", { text: passage.slice(start, end) }), passage.slice(end));
    return quote;
  }

  function passageItem(m) {
    const a = m.article;
    const title = a.url
      ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", text: a.title })
      : el("span", { text: a.title });
    const when = m.event_date === m.event_date_end || !m.event_date_end
      ? m.event_date
      : m.event_date + " to " + m.event_date_end;
    const meta = el("p", { class: "passage-meta" }, [
      title,
      el("span", { class: "passage-source", text: " · " + (a.source || "unknown source") }),
      el("span", { class: "passage-published", text: a.published_at ? " · published " + a.published_at.slice(0, 10) : "" }),
      el("span", { class: "passage-date", text: when ? " · about " + when : "" }),
    ]);
    return el("li", { class: "passage" }, [highlighted(m.passage, m.highlight[0], m.highlight[1]), meta]);
  }

  async function loadPassages() {
    const panel = document.getElementById("passages");
    const list = document.getElementById("passage-list");
    const params = windowParams();
    params.set("page", state.page);
    const url = config.mentionsUrl.replace(/0$/, String(state.placeId)) + "?" + params;
    let data;
    try {
      data = await getJSON(url);
    } catch (error) {
      list.replaceChildren(el("li", { text: "Could not load passages: " + error.message }));
      panel.hidden = false;
      return;
    }
    document.getElementById("passages-heading").textContent = data.place.name;
    document.getElementById("passages-count").textContent =
      data.count + (data.count === 1 ? " passage" : " passages") + (data.pages > 1 ? ", page " + data.page + " of " + data.pages : "");
    list.replaceChildren(...data.results.map(passageItem));
    document.getElementById("passages-prev").disabled = data.page <= 1;
    document.getElementById("passages-next").disabled = data.page >= data.pages;
    panel.hidden = false;
  }

  function init(map) {
    state.map = map;
    state.layer = L.featureGroup().addTo(map);
    const form = document.getElementById("time-window");
    form.addEventListener("change", loadPlaces);
    form.addEventListener("submit", (event) => { event.preventDefault(); loadPlaces(); });
    document.getElementById("window-reset").addEventListener("click", () => {
      ["window-start", "window-end"].forEach((id) => {
        const input = document.getElementById(id);
        input.value = id === "window-start" ? input.min : input.max;
      });
      loadPlaces();
    });
    document.getElementById("passages-prev").addEventListener("click", () => { state.page -= 1; loadPassages(); });
    document.getElementById("passages-next").addEventListener("click", () => { state.page += 1; loadPassages(); });
    loadPlaces();
  }

  window.conflictMap = { init: init };
})();
