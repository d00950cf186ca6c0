// The register's map, beside its list: every unit the filters select, as a small circle in its
// status's colour (the colours of the list's badges, from site.css). All circles are drawn on one
// canvas, so 20,000 of them pan and zoom smoothly; the data holds only each unit's id, position
// and status, and a circle's popup asks for the unit's address when it is opened.
"use strict";

function escaped(value) {
  const span = document.createElement("span");
  span.textContent = value;
  return span.innerHTML;
}

function statusColours(statuses) {
  const style = getComputedStyle(document.documentElement);
  const colour = (status) => style.getPropertyValue(`--status-${status}`).trim() || "#ffffff";
  return { byNumber: statuses.map(colour), none: colour("none") };
}

async function popupText(element, unitId) {
  const url = element.dataset.unitUrl.replace(/0\/$/, `${unitId}/`);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) return null;
  const unit = await response.json();
  const since = unit.since ? ` (${escaped(unit.since)})` : "";
  return `<strong>${escaped(unit.address)}</strong><br>${escaped(unit.status)}${since}` +
    `<br><a href="${escaped(unit.url)}">${escaped(element.dataset.openLabel)}</a>`;
}

// Small dots when a whole town is in view, larger circles as one comes closer to a street.
function sizeAt(zoom) {
  if (zoom >= 17) return { radius: 7, weight: 1 };
  if (zoom >= 15) return { radius: 5, weight: 1 };
  return { radius: 3, weight: 0.5 };
}

function resizeOnZoom(map, layer) {
  let size = sizeAt(map.getZoom());
  map.on("zoomend", () => {
    const next = sizeAt(map.getZoom());
    if (next.radius === size.radius) return;
    size = next;
    layer.eachLayer((marker) => marker.setStyle(size));
  });
}

function showCut(element, data) {
  const language = document.documentElement.lang;
  const note = document.createElement("p");
  note.className = "map-hint";
  note.textContent = element.dataset.cutLabel
    .replace("%(shown)s", data.units.length.toLocaleString(language))
    .replace("%(total)s", data.total.toLocaleString(language));
  element.after(note);
}

async function registerMap(element) {
  const centre = [Number(element.dataset.lat), Number(element.dataset.lon)];
  const map = L.map(element, { preferCanvas: true, scrollWheelZoom: false, fadeAnimation: false })
    .setView(centre, 15);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution || "" }).addTo(map);
  }
  const response = await fetch(element.dataset.points, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const data = await response.json();
  const degrees = (value) => value / data.per_degree;
  if (data.units.length) {
    const positions = data.units.map(([, lat, lon]) => [degrees(lat), degrees(lon)]);
    map.fitBounds(L.latLngBounds(positions), { maxZoom: 17, padding: [20, 20], animate: false });
  }
  // Drawn at the size the view asks for, on one canvas (no element per unit).
  const colours = statusColours(data.statuses);
  const renderer = L.canvas({ padding: 0.3 });
  const size = sizeAt(map.getZoom());
  const layer = L.featureGroup();
  for (const [id, latitude, longitude, status] of data.units) {
    L.circleMarker([degrees(latitude), degrees(longitude)], {
      renderer,
      ...size,
      color: "#1b1f23",
      fillColor: status >= 0 ? colours.byNumber[status] : colours.none,
      fillOpacity: 0.9,
      unitId: id,
    }).addTo(layer);
  }
  layer.on("click", async (event) => {
    const marker = event.layer;
    const text = await popupText(element, marker.options.unitId);
    if (text) marker.bindPopup(text).openPopup();
  });
  layer.addTo(map);
  resizeOnZoom(map, layer);
  element.dataset.unitsShown = String(data.units.length);
  if (data.total > data.units.length) showCut(element, data);
}

document.querySelectorAll('[data-map="register"]').forEach((element) => {
  if (typeof L === "undefined") return;
  registerMap(element);
});
