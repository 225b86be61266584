// The review queue's point picker, built on django-leaflet's {% leaflet_map %} tag (its
// form widgets need GDAL). A click on the map writes the point into the choice form's
// latitude/longitude inputs; typed coordinates move the marker. Each map is created the
// first time its <details> opens, so a long queue does not start dozens of maps. A search
// box above the map finds places by name (see admin_views.place_search).
(function () {
  "use strict";

  function inRange(lat, lon) {
    return isFinite(lat) && isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  }

  var basemapRequest = null;
  function basemap(url) {
    if (!url) return Promise.resolve(null);
    basemapRequest = basemapRequest || fetch(url, {headers: {Accept: "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
    return basemapRequest;
  }

  window.reviewPointPicker = function (map) {
    var picker = map.getContainer().closest(".point-picker");
    var latInput = picker.querySelector("input[name=latitude]");
    var lonInput = picker.querySelector("input[name=longitude]");
    var marker = null;

    function show(latlng) {
      if (marker) marker.setLatLng(latlng);
      else marker = L.circleMarker(latlng, {radius: 8, className: "picked-point"}).addTo(map);
    }

    // Country outlines from the app itself, so the picker is usable without tiles.
    basemap(picker.dataset.basemapUrl).then(function (data) {
      if (data) L.geoJSON(data, {interactive: false, style: {color: "#7a8a99", weight: 0.8, fillOpacity: 0.05}}).addTo(map);
    });

    var startLat = parseFloat(picker.dataset.lat), startLon = parseFloat(picker.dataset.lon);
    if (inRange(startLat, startLon)) map.setView([startLat, startLon], 6);

    map.on("click", function (event) {
      var point = event.latlng.wrap();
      latInput.value = point.lat.toFixed(5);
      lonInput.value = point.lng.toFixed(5);
      show(point);
    });
    function typed() {
      var lat = parseFloat(latInput.value), lon = parseFloat(lonInput.value);
      if (inRange(lat, lon)) show([lat, lon]);
    }
    latInput.addEventListener("change", typed);
    lonInput.addEventListener("change", typed);
    picker.reviewMap = map;
    picker.reviewShow = show;
  };

  // The search box: places by name from our gazetteer (and the online geocoder where the
  // deployment has one), listed as buttons; a click fills in the point and its name.
  // Results are built with textContent only: a name from an outside service is data.
  function choose(picker, result) {
    picker.querySelector("input[name=latitude]").value = result.latitude.toFixed(5);
    picker.querySelector("input[name=longitude]").value = result.longitude.toFixed(5);
    picker.querySelector("input[name=place_name]").value = result.name;
    if (picker.reviewMap) {
      picker.reviewShow([result.latitude, result.longitude]);
      picker.reviewMap.setView([result.latitude, result.longitude], 8);
    }
  }

  function sourceLabel(source) {
    if (source === "gazetteer") return "GeoNames";
    return source.indexOf("online:") === 0 ? "online: " + source.slice(7) : source;
  }

  function search(picker) {
    var box = picker.querySelector(".place-search");
    var query = box.querySelector(".place-search-query").value.trim();
    var status = box.querySelector(".place-search-status");
    var list = box.querySelector(".place-search-results");
    if (!query) return;
    status.textContent = "Searching…";
    list.replaceChildren();
    var url = picker.dataset.searchUrl + "?q=" + encodeURIComponent(query);
    fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        data.results.forEach(function (result) {
          var item = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "place-search-result";
          button.textContent = result.label;
          var source = document.createElement("small");
          source.textContent = " (" + sourceLabel(result.source) + ", " +
            result.latitude.toFixed(3) + ", " + result.longitude.toFixed(3) + ")";
          button.appendChild(source);
          button.addEventListener("click", function () { choose(picker, result); });
          item.appendChild(button);
          list.appendChild(item);
        });
        var note = data.results.length ? data.results.length + " found." : "Nothing found.";
        status.textContent = data.error ? note + " " + data.error : note;
      })
      .catch(function (error) { status.textContent = "The search failed: " + error.message; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".place-search-button");
    if (button) search(button.closest(".point-picker"));
  });
  // Enter in the search box searches; it must never submit the choice form.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.classList || !event.target.classList.contains("place-search-query")) return;
    event.preventDefault();
    search(event.target.closest(".point-picker"));
  });

  // "toggle" does not bubble: listen in the capture phase.
  document.addEventListener("toggle", function (event) {
    var picker = event.target;
    if (!picker.classList || !picker.classList.contains("point-picker") || !picker.open) return;
    if (!picker.dataset.started) {
      picker.dataset.started = "1";
      window.dispatchEvent(new Event(picker.dataset.mapEvent));
    } else if (picker.reviewMap) {
      picker.reviewMap.invalidateSize();
    }
  }, true);
})();
