// A site visit's route on a map, as progressive enhancement: the list under the map says the
// same. [data-map="route"] reads its stops ({number, address, lat, lon}, in route order) from
// the JSON script named by data-points, draws each as a numbered marker and joins them with a
// line. The markers take no focus: the list is where keyboards and screen readers go.
"use strict";

(function () {
  function routeMap(element) {
    const source = document.getElementById(element.dataset.points);
    if (!source) return;
    const points = JSON.parse(source.textContent);
    if (!points.length) return;
    const map = L.map(element, { scrollWheelZoom: false, fadeAnimation: false })
      .setView([points[0].lat, points[0].lon], 16);
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution || "" }).addTo(map);
    }
    const line = points.map((point) => [point.lat, point.lon]);
    if (line.length > 1) {
      L.polyline(line, { color: "#1f5f3f", weight: 4, opacity: 0.8, interactive: false }).addTo(map);
    }
    for (const point of points) {
      const icon = L.divIcon({
        className: "route-marker",
        html: `<span aria-hidden="true">${Number(point.number)}</span>`,
        iconSize: [28, 28],
        iconAnchor: [14, 14],
      });
      L.marker([point.lat, point.lon], { icon, interactive: false, keyboard: false }).addTo(map);
    }
    if (line.length > 1) map.fitBounds(L.latLngBounds(line), { maxZoom: 17, padding: [24, 24] });
  }

  if (typeof L === "undefined") return;
  document.querySelectorAll('[data-map="route"]').forEach(routeMap);
})();
