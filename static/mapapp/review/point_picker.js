// The review queue's point picker, built on django-leaflet's {% leaflet_map %} tag (its
// form widgets need GDAL). A click on the map writes the point into the choice form's
// latitude/longitude inputs; typed coordinates move the marker. Each map is created the
// first time its <details> opens, so a long queue does not start dozens of maps.
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
  };

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
