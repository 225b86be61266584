/* Starts the maps that django-leaflet's {% leaflet_map %} tag declares. Our override of
 * its template (templates/leaflet/_leaflet_map.html) puts each map's options in data
 * attributes instead of an inline script, so the Content-Security-Policy can keep
 * script-src to 'self'. A callback is named by its path from window
 * ("window.conflictMap.init") and looked up, never evaluated. */
(function () {
  "use strict";
  // The tag includes this file once per map; the first copy starts them all.
  if (window.djangoLeafletMaps) return;

  function lookUp(path) {
    let target = window;
    for (const part of (path || "").replace(/^window\./, "").split(".")) {
      if (!part || target === null || typeof target !== "object" && typeof target !== "function") return null;
      target = Object.prototype.hasOwnProperty.call(target, part) ? target[part] : undefined;
    }
    return typeof target === "function" ? target : null;
  }

  function declare(carrier) {
    if (carrier.dataset.declared) return;
    carrier.dataset.declared = "true";
    const id = carrier.dataset.mapId;
    const djoptions = JSON.parse(carrier.dataset.options);
    const loadEvents = JSON.parse(carrier.dataset.loadevents);
    const globals = carrier.dataset.globals === "true";
    function loadmap() {
      // The callback is looked up when the map starts: its script may come later in the page.
      const options = { djoptions, initfunc: loadmap, globals, callback: lookUp(carrier.dataset.callback) };
      const map = L.Map.djangoMap(id, options);
      if (globals && map) window["leafletmap" + id] = map;
    }
    if (globals) window["loadmap" + id] = loadmap;
    if (loadEvents.length === 0) loadmap();
    else loadEvents.forEach((name) => window.addEventListener(name, loadmap, false));
  }

  function declareAll() {
    document.querySelectorAll(".django-leaflet-map").forEach(declare);
  }

  window.djangoLeafletMaps = { declareAll };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", declareAll);
  else declareAll();
})();
