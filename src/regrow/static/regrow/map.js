// Maps, as progressive enhancement: every page works without them.
// [data-map="units"]  shows the units of a GeoJSON URL as circles with a popup;
// [data-map="picker"] lets a coordinator click the map to fill latitude and longitude, with the
//                     town's units (data-existing: the register map's points) as grey dots.
"use strict";

function baseMap(element) {
  const centre = [Number(element.dataset.lat), Number(element.dataset.lon)];
  // No fading: popups appear at once, readable from the first moment (and calmer for everyone).
  const map = L.map(element, { scrollWheelZoom: false, fadeAnimation: false })
    .setView(centre, Number(element.dataset.zoom || 16));
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution || "" }).addTo(map);
  }
  return map;
}

function text(value) {
  const span = document.createElement("span");
  span.textContent = value;
  return span.innerHTML;
}

async function unitsMap(element) {
  const map = baseMap(element);
  const response = await fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } });
  if (!response.ok) return;
  const data = await response.json();
  const layer = L.geoJSON(data, {
    pointToLayer: (feature, latlng) =>
      L.circleMarker(latlng, { radius: 9, color: "#1f5f3f", weight: 2, fillColor: "#ffbf47", fillOpacity: 0.9 }),
    onEachFeature: (feature, marker) => {
      const p = feature.properties;
      const rent = p.asking_rent_eur === null ? "" : `<br>${text(p.asking_rent_eur.toFixed(2))} €`;
      // Public units say how long they have been available: "Vacant, since 1 March 2026".
      const since = p.available_since_text ? `, ${text(p.available_since_text)}` : "";
      const status = p.status_label ? `<br>${text(p.status_label)}${since}` : "";
      marker.bindPopup(`<strong>${text(p.address)}</strong>${status}<br>${text(String(p.floor_area_m2))} m²${rent}`);
    },
  }).addTo(map);
  if (data.features.length) map.fitBounds(layer.getBounds(), { maxZoom: 17, padding: [20, 20] });
}

// The units already in the register, to orient by: small grey dots on one canvas, below the
// picked point, taking no clicks, so that a click anywhere (on a dot too) still picks a point.
async function existingUnits(map, url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const data = await response.json();
  map.createPane("existing").style.zIndex = 350;
  const renderer = L.canvas({ pane: "existing", padding: 0.3 });
  // Positions come in whole numbers of 1 / data.per_degree of a degree.
  for (const [, latitude, longitude] of data.units) {
    L.circleMarker([latitude / data.per_degree, longitude / data.per_degree], {
      renderer, interactive: false, radius: 4, weight: 1, color: "#4a5560", fillColor: "#9aa5ae", fillOpacity: 0.8,
    }).addTo(map);
  }
}

function pickerMap(element) {
  const map = baseMap(element);
  if (element.dataset.existing) existingUnits(map, element.dataset.existing);
  const latitude = document.getElementById(element.dataset.latitudeInput);
  const longitude = document.getElementById(element.dataset.longitudeInput);
  let marker = null;
  function place(latlng) {
    if (marker) marker.setLatLng(latlng);
    else marker = L.circleMarker(latlng, { radius: 10, color: "#a4161a", weight: 3 }).addTo(map);
  }
  if (latitude.value && longitude.value) {
    const latlng = [Number(latitude.value), Number(longitude.value)];
    place(latlng);
    map.setView(latlng);
  }
  map.on("click", (event) => {
    latitude.value = event.latlng.lat.toFixed(6);
    longitude.value = event.latlng.lng.toFixed(6);
    place(event.latlng);
    element.dispatchEvent(new CustomEvent("regrow:picked", { bubbles: true }));
  });
}

document.querySelectorAll("[data-map]").forEach((element) => {
  if (typeof L === "undefined") return;
  if (element.dataset.map === "units") unitsMap(element);
  if (element.dataset.map === "picker") pickerMap(element);
});
