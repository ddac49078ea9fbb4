// The conflictgeo map page: events coloured by the side that gained control, a date window, popups with the
// evidence, and a control snapshot (who held each place on the window's end date). Talks only to this service.
// Events the text does not date (their date is only "on or before" the publication or receipt day) are drawn
// apart, as hollow rings, and only when the "undated" box is ticked: they may fall in any window up to that day.
"use strict";

const SIDE_COLORS = {
  government: "#c0392b", opposition: "#27ae60", isis: "#111111", kurdish: "#f1c40f",
  turkey: "#8e44ad", other: "#2980b9", unknown: "#95a5a6",
};
const DAY_MS = 86400000;
const MAX_EVENTS = 5000;
// Date bases (API.md) whose dates the text gives; the others are only "on or before" a day.
const FROM_TEXT = new Set(["text", "text_relative"]);
const BASIS_NOTE = {
  text: "date given by the text",
  text_relative: "date worked out from the text",
  published: "the text gives no date: on or before the day the article was published",
  received: "the article gives no date: on or before the day it was received",
};
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];

const state = { map: null, ready: false, mode: "events", showUndated: false, eventsShown: 0, controlShown: 0,
  undatedFound: 0, undatedShown: 0, summary: "", byId: new Map(), first: null, loading: 0, popup: null };
window.conflictgeo = state;

const $ = (id) => document.getElementById(id);
const escapeHtml = (text) => String(text ?? "").replace(/[&<>"']/g,
  (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const isoDay = (offset) => new Date(state.first.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
const sideColor = ["match", ["get", "side"], ...Object.entries(SIDE_COLORS).flat(), SIDE_COLORS.unknown];

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function baseStyle(config) {
  const style = { version: 8, sources: {}, layers: [{ id: "background", type: "background",
    paint: { "background-color": "#dfe8ef" } }] };
  if (config.basemap_url) {
    style.sources.basemap = { type: "raster", tiles: [config.basemap_url], tileSize: 256 };
    style.layers.push({ id: "basemap", type: "raster", source: "basemap" });
  }
  return style;
}

function addOutlines(map) {
  // Without a basemap the page draws the country and province outlines that ship with the service.
  map.addSource("countries", { type: "geojson", data: "/v1/admin-areas?level=0" });
  map.addSource("provinces", { type: "geojson", data: "/v1/admin-areas?level=1" });
  map.addLayer({ id: "countries-fill", type: "fill", source: "countries", paint: { "fill-color": "#f7f4ec" } });
  map.addLayer({ id: "provinces-line", type: "line", source: "provinces",
    paint: { "line-color": "#b9b1a0", "line-width": 0.6 } });
  map.addLayer({ id: "countries-line", type: "line", source: "countries",
    paint: { "line-color": "#6f6a5f", "line-width": 1.2 } });
}

function addDataLayers(map) {
  const empty = { type: "FeatureCollection", features: [] };
  map.addSource("events", { type: "geojson", data: empty });
  map.addSource("control", { type: "geojson", data: empty });
  const dated = ["!", ["get", "undated"]];
  const undated = ["get", "undated"];
  // Undated events first, so that dated ones are drawn over them.
  map.addLayer({ id: "events-undated", type: "circle", source: "events", filter: undated,
    layout: { visibility: "none" }, paint: {
      "circle-color": "#ffffff", "circle-opacity": 0.35, "circle-stroke-color": sideColor, "circle-stroke-width": 2,
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 3, 4, 10, 9] } });
  map.addLayer({ id: "events", type: "circle", source: "events", filter: dated, paint: {
    "circle-color": sideColor, "circle-radius": ["interpolate", ["linear"], ["zoom"], 3, 4, 10, 9],
    "circle-stroke-color": "#ffffff", "circle-stroke-width": 1, "circle-opacity": 0.9 } });
  map.addLayer({ id: "control-undated", type: "circle", source: "control", filter: undated,
    layout: { visibility: "none" }, paint: {
      "circle-color": "#ffffff", "circle-opacity": 0.35, "circle-stroke-color": sideColor, "circle-stroke-width": 2.5,
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 3, 5, 10, 11] } });
  map.addLayer({ id: "control", type: "circle", source: "control", filter: dated, layout: { visibility: "none" },
    paint: {
      "circle-color": sideColor, "circle-radius": ["interpolate", ["linear"], ["zoom"], 3, 5, 10, 11],
      "circle-stroke-color": "#333333", "circle-stroke-width": 1.5 } });
  for (const layer of ["events", "events-undated", "control", "control-undated"]) {
    map.on("click", layer, (e) => showPopup(map, e.features[0], e.lngLat));
    map.on("mouseenter", layer, () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = ""; });
  }
}

function party(p) {
  if (!p) return "unknown";
  return `${escapeHtml(p.name || p.actor || p.side)} <small>(${escapeHtml(p.side || "unknown")})</small>`;
}

function monthDay(text) {
  // "--11-11" (ISO 8601, no year) as "11 November".
  const [, month, day] = /^--(\d\d)-(\d\d)$/.exec(text || "") || [];
  return month ? `${+day} ${MONTHS[+month - 1]}` : "";
}

function describeDate(date, control) {
  // Never more certain than the date's basis: an "on or before" date shows no day of its own.
  if (!date.start) {
    const known = date.month_day ? `on ${monthDay(date.month_day)} (year unknown), ` : "at an unknown date ";
    return `${control ? "Since" : "Changed"} ${known}on or before ${date.end}`;
  }
  return `${control ? "Since" : "On"} ${date.start === date.end ? date.start : `${date.start} – ${date.end}`}`;
}

function showPopup(map, clicked, lngLat) {
  const feature = state.byId.get(clicked.properties.key);
  if (!feature) return;
  const p = feature.properties;
  const control = state.mode === "control";
  const gained = control ? p.controller : p.gained_by;
  const date = p.date;
  const when = describeDate(date, control);
  const note = BASIS_NOTE[date.basis] || date.basis;
  // Links to the record behind the point, and to the place's whole history when the gazetteer knows it.
  const eventId = control ? p.event_id : feature.id;
  const links = [`<a href="/v1/events/${encodeURIComponent(eventId)}">this event (GeoJSON)</a>`];
  if (p.geonameid != null) {
    links.push(`<a href="/v1/places/${encodeURIComponent(p.geonameid)}/timeline">the place's timeline</a>`);
  }
  const html = `<div class="event-popup">
      <h2>${escapeHtml(p.place_name)}</h2>
      <div>${control ? "Held by" : "Gained by"} ${party(gained)}${p.lost_by ? `, from ${party(p.lost_by)}` : ""}</div>
      <div class="when">${escapeHtml(when)} <small>(${escapeHtml(date.precision)}; ${escapeHtml(note)})</small></div>
      <blockquote class="evidence">${escapeHtml(p.evidence.text)}</blockquote>
      <div class="sources">${p.source_count} source${p.source_count === 1 ? "" : "s"}: ${
        p.article_ids.map((id) => `<a href="/v1/articles/${encodeURIComponent(id)}">${escapeHtml(id)}</a>`).join(", ")
      }</div>
      <div class="links">${links.join(" · ")}</div></div>`;
  if (state.popup) state.popup.remove();
  state.popup = new maplibregl.Popup({ maxWidth: "340px" }).setLngLat(lngLat).setHTML(html).addTo(map);
}

function forMap(features, sideOf) {
  // MapLibre flattens nested properties to strings, so style and look-up use a flat copy.
  return { type: "FeatureCollection", features: features.filter((f) => f.geometry).map((f) => {
    const key = f.id;
    state.byId.set(key, f);
    return { type: "Feature", geometry: f.geometry, properties: {
      key, side: sideOf(f.properties) || "unknown", undated: !FROM_TEXT.has(f.properties.date.basis) } };
  }) };
}

function countUndated(data) {
  return data.features.filter((f) => f.properties.undated).length;
}

function showLayers() {
  const map = state.map;
  const visible = (on) => (on ? "visible" : "none");
  const events = state.mode === "events";
  map.setLayoutProperty("events", "visibility", visible(events));
  map.setLayoutProperty("events-undated", "visibility", visible(events && state.showUndated));
  map.setLayoutProperty("control", "visibility", visible(!events));
  map.setLayoutProperty("control-undated", "visibility", visible(!events && state.showUndated));
  state.undatedShown = state.showUndated ? state.undatedFound : 0;
}

function undatedNote() {
  if (!state.undatedFound) return "";
  return ` · ${state.undatedFound} more the text does not date (${state.showUndated ? "hollow rings" : "hidden"})`;
}

async function loadEvents(from, to) {
  let url = `/v1/events?datetime=${from}/${to}&limit=1000`;
  const features = [];
  while (url && features.length < MAX_EVENTS) {
    const page = await getJson(url);
    features.push(...page.features);
    url = (page.links.find((l) => l.rel === "next") || {}).href;
  }
  return features;
}

async function refresh() {
  if (!state.first) return;
  const from = isoDay(+$("from").value);
  const to = isoDay(+$("to").value);
  $("from-label").textContent = from;
  $("to-label").textContent = to;
  const map = state.map;
  state.loading += 1;
  if (state.popup) state.popup.remove();
  try {
    state.byId.clear();
    let summary;
    if (state.mode === "events") {
      const features = await loadEvents(from, to);
      const data = forMap(features, (p) => p.gained_by && p.gained_by.side);
      map.getSource("events").setData(data);
      state.undatedFound = countUndated(data);
      state.eventsShown = data.features.length - state.undatedFound;
      summary = `${state.eventsShown} events from ${from} to ${to}`;
    } else {
      const snapshot = await getJson(`/v1/control?at=${to}`);
      const data = forMap(snapshot.features, (p) => p.controller && p.controller.side);
      map.getSource("control").setData(data);
      state.undatedFound = countUndated(data);
      state.controlShown = data.features.length - state.undatedFound;
      summary = `${state.controlShown} places: who held them on ${to}`;
    }
    showLayers();
    state.summary = summary;
    $("status").textContent = summary + undatedNote();
  } catch (error) {
    $("status").textContent = `Could not load: ${error.message}`;
  } finally {
    state.loading -= 1;
  }
}

let timer = null;
function scheduleRefresh() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 200);
}

function setUpControls(config) {
  const legend = $("legend");
  for (const side of config.sides) {
    const item = document.createElement("li");
    item.innerHTML = `<span class="swatch" style="background:${SIDE_COLORS[side] || SIDE_COLORS.unknown}"></span>${side}`;
    legend.appendChild(item);
  }
  if (!config.first_date) {
    $("status").textContent = "No events stored yet.";
    return;
  }
  state.first = new Date(`${config.first_date}T00:00:00Z`);
  const days = Math.max(0, Math.round((new Date(`${config.last_date}T00:00:00Z`) - state.first) / DAY_MS));
  for (const id of ["from", "to"]) $(id).max = String(days);
  $("from").value = "0";
  $("to").value = String(days);
  $("from").addEventListener("input", () => {
    if (+$("from").value > +$("to").value) $("to").value = $("from").value;
    scheduleRefresh();
  });
  $("to").addEventListener("input", () => {
    if (+$("to").value < +$("from").value) $("from").value = $("to").value;
    scheduleRefresh();
  });
  for (const radio of document.querySelectorAll("input[name=mode]")) {
    radio.addEventListener("change", () => { state.mode = radio.value; scheduleRefresh(); });
  }
  $("undated").addEventListener("change", () => {
    state.showUndated = $("undated").checked;
    if (state.popup) state.popup.remove();
    showLayers();
    $("status").textContent = (state.summary || "") + undatedNote();
  });
}

async function main() {
  const config = await getJson("/v1/map-config");
  const map = new maplibregl.Map({ container: "map", style: baseStyle(config), center: [39.5, 34.8], zoom: 5,
    preserveDrawingBuffer: true, attributionControl: { compact: true } });
  state.map = map;
  map.addControl(new maplibregl.NavigationControl(), "top-right");
  map.on("load", async () => {
    if (!config.basemap_url) addOutlines(map);
    addDataLayers(map);
    if (config.bbox) {
      const [w, s, e, n] = config.bbox;
      map.fitBounds([[w, s], [e, n]], { padding: { top: 60, bottom: 60, left: 320, right: 60 }, maxZoom: 9, duration: 0 });
    }
    setUpControls(config);
    await refresh();
    state.ready = true;
  });
}

main().catch((error) => { $("status").textContent = `Could not start: ${error.message}`; });
