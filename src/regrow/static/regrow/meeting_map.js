// A meeting's place on the map (data-map="point"), drawn with map.js's base map and tiles.
"use strict";

document.querySelectorAll('[data-map="point"]').forEach((element) => {
  if (typeof L === "undefined" || typeof baseMap === "undefined") return;
  const map = baseMap(element);
  const point = [Number(element.dataset.lat), Number(element.dataset.lon)];
  const marker = L.circleMarker(point, { radius: 10, color: "#a4161a", weight: 3, fillColor: "#ffbf47", fillOpacity: 0.9 }).addTo(map);
  if (element.dataset.label) marker.bindPopup(text(element.dataset.label));
  map.setView(point, Number(element.dataset.zoom || 16));
});
