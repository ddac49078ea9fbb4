// The conflictgeo map page: events coloured by the side that gained control, a date window that a play button
// walks through time, popups with the evidence and the reporting articles, and a control snapshot (who held each
// place on the window's end date). Talks only to this service, so it works offline: place labels come from the
// gazetteer (/v1/map-labels) and their glyphs are drawn in the browser (glyphs.js).
// Points close together at low zoom are drawn as clusters with their count, coloured by the side most of them
// favour. Events known only at the level of a region (a governorate, a district, a country) are drawn as that
// region, shaded, rather than as a point that would claim a place. Events the text does not date (their date is
// only "on or before" the publication or receipt day) are drawn apart, as hollow rings, and only when the
// "undated" box is ticked: they may fall in any window up to that day.
import { registerGlyphProtocol } from "/static/glyphs.js";

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

// Points cluster up to this zoom when closer than CLUSTER_RADIUS pixels.
const CLUSTER_MAX_ZOOM = 8;
const CLUSTER_RADIUS = 40;
// Playback: about this many steps from the window's start to the last date, one every frameMs at most.
const PLAY_STEPS = 60;
// Label tiers (the service's /v1/map-labels) and the zooms they are drawn from (and, for governorates, up to).
const LABEL_ZOOMS = { admin1: [4, 9], city: [4.5, 24], town: [7, 24], village: [9, 24] };
const REGION_LEVEL = 3;  // geo_precision: only the region is known
const FONT = ["Sans"];

const state = { map: null, ready: false, mode: "events", showUndated: false, eventsShown: 0, controlShown: 0,
  regionsShown: 0, undatedFound: 0, undatedShown: 0, summary: "", byId: new Map(), first: null, loading: 0,
  popup: null, playing: false, frameMs: 400, frames: 0, labelsLoaded: 0, outlines: new Map() };
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
  const style = { version: 8, glyphs: "glyphs://{fontstack}/{range}", sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#dfe8ef" } }] };
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

function addLabels(map) {
  // Governorates in spaced capitals, cities, then towns and villages as the map zooms in; where two labels of a
  // tier would overlap, the more populous place wins.
  map.addSource("labels", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  const halo = { "text-halo-color": "rgba(255, 255, 255, 0.9)", "text-halo-width": 1.4 };
  const label = (tier, layout, paint) => {
    const [minzoom, maxzoom] = LABEL_ZOOMS[tier];
    map.addLayer({ id: `labels-${tier}`, type: "symbol", source: "labels", minzoom, maxzoom,
      filter: ["==", ["get", "tier"], tier], layout: { "text-field": ["get", "name"], "text-font": FONT,
        "symbol-sort-key": ["-", ["get", "population"]], "text-max-width": 8, ...layout },
      paint: { ...halo, ...paint } });
  };
  // A layer added later places its labels first: cities, then governorates, towns, villages.
  label("village", { "text-size": 11 }, { "text-color": "#555" });
  label("town", { "text-size": 12 }, { "text-color": "#333" });
  label("admin1", { "text-size": 12, "text-transform": "uppercase", "text-letter-spacing": 0.12 },
    { "text-color": "#8a7f6a" });
  label("city", { "text-size": ["interpolate", ["linear"], ["zoom"], 5, 12, 10, 16] }, { "text-color": "#222" });
}

let labelsTimer = null;
let labelsAsked = 0;
async function loadLabels() {
  // The labels of the view (padded by half a screen), asked again after each move.
  const map = state.map;
  const bounds = map.getBounds();
  const padLon = (bounds.getEast() - bounds.getWest()) / 2;
  const padLat = (bounds.getNorth() - bounds.getSouth()) / 2;
  const west = Math.max(-180, bounds.getWest() - padLon);
  const east = Math.min(180, bounds.getEast() + padLon);
  const south = Math.max(-90, bounds.getSouth() - padLat);
  const north = Math.min(90, bounds.getNorth() + padLat);
  const bbox = [west, south, east, north].map((v) => v.toFixed(3)).join(",");
  const asked = ++labelsAsked;
  try {
    const data = await getJson(`/v1/map-labels?bbox=${bbox}&zoom=${map.getZoom().toFixed(2)}`);
    if (asked !== labelsAsked) return;  // a later move asked again: its answer wins
    map.getSource("labels").setData(data);
    state.labelsLoaded = data.features.length;
  } catch {
    // Labels are an aid to reading the map: without an answer the last ones stay.
  }
}

function scheduleLabels() {
  clearTimeout(labelsTimer);
  labelsTimer = setTimeout(loadLabels, 250);
}

// For a cluster, a value of the side most of its points favour (clusterProperties count each side; a tie goes to
// the side listed first).
const bySideMost = (value) => ["case",
  ...Object.keys(SIDE_COLORS).flatMap((side) => [
    ["all", ...Object.keys(SIDE_COLORS).filter((other) => other !== side)
      .map((other) => [">=", ["get", side], ["get", other]])],
    value(side)]),
  value("unknown")];
const clusterColor = bySideMost((side) => SIDE_COLORS[side]);
// Dark counts on the light colours, white on the others.
const clusterTextColor = bySideMost((side) => (["kurdish", "unknown"].includes(side) ? "#222222" : "#ffffff"));

function addPointSet(map, name, { radius, stroke, strokeWidth, visible }) {
  // One set of points: dated ones clustered (with their counts), undated ones as hollow rings, unclustered.
  const empty = { type: "FeatureCollection", features: [] };
  const clusterProperties = Object.fromEntries(Object.keys(SIDE_COLORS).map((side) =>
    [side, ["+", ["case", ["==", ["get", "side"], side], 1, 0]]]));
  map.addSource(name, { type: "geojson", data: empty, cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: CLUSTER_RADIUS, clusterProperties });
  map.addSource(`${name}-undated`, { type: "geojson", data: empty });
  const visibility = visible ? "visible" : "none";
  const circleRadius = ["interpolate", ["linear"], ["zoom"], 3, radius[0], 10, radius[1]];
  map.addLayer({ id: `${name}-undated`, type: "circle", source: `${name}-undated`, layout: { visibility: "none" },
    paint: { "circle-color": "#ffffff", "circle-opacity": 0.35, "circle-stroke-color": sideColor,
      "circle-stroke-width": strokeWidth + 1, "circle-radius": circleRadius } });
  map.addLayer({ id: name, type: "circle", source: name, filter: ["!", ["has", "point_count"]],
    layout: { visibility }, paint: { "circle-color": sideColor, "circle-radius": circleRadius,
      "circle-stroke-color": stroke, "circle-stroke-width": strokeWidth, "circle-opacity": 0.9 } });
  map.addLayer({ id: `${name}-clusters`, type: "circle", source: name, filter: ["has", "point_count"],
    layout: { visibility }, paint: { "circle-color": clusterColor, "circle-opacity": 0.85,
      "circle-stroke-color": "#ffffff", "circle-stroke-width": 2,
      "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 12, 10, 16, 100, 24, 1000, 32] } });
  map.addLayer({ id: `${name}-cluster-count`, type: "symbol", source: name, filter: ["has", "point_count"],
    layout: { visibility, "text-field": ["get", "point_count_abbreviated"], "text-font": FONT, "text-size": 12,
      "text-allow-overlap": true, "text-ignore-placement": true },
    paint: { "text-color": clusterTextColor, "text-halo-color": "rgba(0, 0, 0, 0.15)", "text-halo-width": 0.5 } });
  map.on("click", `${name}-clusters`, async (e) => {
    // A click on a cluster zooms in until it falls apart.
    const feature = e.features[0];
    const zoom = await map.getSource(name).getClusterExpansionZoom(feature.properties.cluster_id);
    map.easeTo({ center: feature.geometry.coordinates, zoom });
  });
  for (const layer of [name, `${name}-undated`]) clickable(map, layer);
  clickable(map, `${name}-clusters`, false);
}

function clickable(map, layer, popup = true) {
  if (popup) map.on("click", layer, (e) => showPopup(map, e.features[0], e.lngLat));
  map.on("mouseenter", layer, () => { map.getCanvas().style.cursor = "pointer"; });
  map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = ""; });
}

function addRegions(map) {
  // Region-level events under the labels and points, shaded in the colour of the side that gained them.
  const empty = { type: "FeatureCollection", features: [] };
  map.addSource("regions", { type: "geojson", data: empty });
  const dated = ["!", ["get", "undated"]];
  map.addLayer({ id: "regions-fill", type: "fill", source: "regions", filter: dated, paint: {
    "fill-color": sideColor, "fill-opacity": ["case", ["get", "undated"], 0.1, 0.28] } });
  map.addLayer({ id: "regions-line", type: "line", source: "regions", filter: dated, paint: {
    "line-color": sideColor, "line-width": 2 } });
  clickable(map, "regions-fill");
}

function addPoints(map) {
  addPointSet(map, "control", { radius: [5, 11], stroke: "#333333", strokeWidth: 1.5, visible: false });
  addPointSet(map, "events", { radius: [4, 9], stroke: "#ffffff", strokeWidth: 1, visible: true });
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

const WEB_URL = /^https?:\/\//i;

async function fillSources(list, articleIds) {
  // The reporting articles by title, linked to their own pages; a URL that is not http(s) (a "javascript:" one)
  // is never made a link. Built from DOM nodes, so no article text is read as HTML.
  const articles = await Promise.all(articleIds.slice(0, 5).map((id) =>
    getJson(`/v1/articles/${encodeURIComponent(id)}`).catch(() => null)));
  list.replaceChildren(...articleIds.slice(0, 5).map((id, i) => {
    const article = articles[i];
    const item = document.createElement("li");
    const record = document.createElement("a");
    record.href = `/v1/articles/${encodeURIComponent(id)}`;
    record.textContent = (article && (article.title || article.source)) || id;
    item.append(record);
    if (article && article.url && WEB_URL.test(article.url)) {
      const original = document.createElement("a");
      original.href = article.url;
      original.rel = "noopener noreferrer";
      original.target = "_blank";
      original.textContent = new URL(article.url).hostname;
      item.append(" (", original, ")");
    }
    if (article && article.published_at) item.append(` ${article.published_at.slice(0, 10)}`);
    return item;
  }));
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
  const region = clicked.properties.region;
  const html = `<div class="event-popup">
      <h2>${escapeHtml(p.place_name)}</h2>
      ${region ? `<div class="region">Known only at the level of ${escapeHtml(region)} (shaded)</div>` : ""}
      <div>${control ? "Held by" : "Gained by"} ${party(gained)}${p.lost_by ? `, from ${party(p.lost_by)}` : ""}</div>
      <div class="when">${escapeHtml(when)} <small>(${escapeHtml(date.precision)}; ${escapeHtml(note)})</small></div>
      <blockquote class="evidence">${escapeHtml(p.evidence.text)}</blockquote>
      <div class="sources">${p.source_count} source${p.source_count === 1 ? "" : "s"}:<ul>${
        p.article_ids.slice(0, 5).map((id) => `<li><a href="/v1/articles/${encodeURIComponent(id)}">${escapeHtml(id)}</a></li>`).join("")
      }</ul></div>
      <div class="links">${links.join(" · ")}</div></div>`;
  if (state.popup) state.popup.remove();
  state.popup = new maplibregl.Popup({ maxWidth: "340px" }).setLngLat(lngLat).setHTML(html).addTo(map);
  const list = state.popup.getElement().querySelector(".sources ul");
  state.sourcesLoaded = fillSources(list, p.article_ids);
}

function regionOf(properties) {
  // The outline an event is drawn as: its place's own when the place is a division or a country, else, when only
  // the region is known, the region's.
  const own = state.outlines.get(properties.geonameid);
  if (own) return own;
  return properties.geo_precision >= REGION_LEVEL ? state.outlines.get(properties.region_geonameid) : undefined;
}

async function loadOutlines(features) {
  // The outlines of the places and regions these events name, once each (misses remembered too).
  const wanted = new Set();
  for (const f of features) {
    for (const id of [f.properties.geonameid, f.properties.region_geonameid]) {
      if (id != null && id > 0 && !state.outlines.has(id)) wanted.add(id);
    }
  }
  const ids = [...wanted];
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const areas = await getJson(`/v1/admin-areas?geonameid=${chunk.join(",")}`);
    for (const id of chunk) state.outlines.set(id, null);
    for (const area of areas.features) state.outlines.set(area.properties.geonameid, area);
  }
}

function forMap(features, sideOf) {
  // MapLibre flattens nested properties to strings, so style and look-up use a flat copy. Region-level events
  // become their region's outline; the others points, dated and undated apart.
  const points = [];
  const undated = [];
  const regions = [];
  for (const f of features) {
    const key = f.id;
    state.byId.set(key, f);
    const properties = { key, side: sideOf(f.properties) || "unknown", undated: !FROM_TEXT.has(f.properties.date.basis) };
    const region = regionOf(f.properties);
    if (region) {
      regions.push({ type: "Feature", geometry: region.geometry, properties: { ...properties, region: region.properties.name } });
    } else if (f.geometry) {
      (properties.undated ? undated : points).push({ type: "Feature", geometry: f.geometry, properties });
    }
  }
  const collection = (list) => ({ type: "FeatureCollection", features: list });
  return { points: collection(points), undated: collection(undated), regions: collection(regions) };
}

function showLayers() {
  const map = state.map;
  const visible = (on) => (on ? "visible" : "none");
  const events = state.mode === "events";
  for (const [name, on] of [["events", events], ["control", !events]]) {
    for (const layer of [name, `${name}-clusters`, `${name}-cluster-count`]) {
      map.setLayoutProperty(layer, "visibility", visible(on));
    }
    map.setLayoutProperty(`${name}-undated`, "visibility", visible(on && state.showUndated));
  }
  const regions = state.showUndated ? true : ["!", ["get", "undated"]];
  map.setFilter("regions-fill", regions);
  map.setFilter("regions-line", regions);
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

function showWindow() {
  const from = isoDay(+$("from").value);
  const to = isoDay(+$("to").value);
  $("from-label").textContent = from;
  $("to-label").textContent = to;
  return [from, to];
}

async function refresh() {
  if (!state.first) return;
  const [from, to] = showWindow();
  const map = state.map;
  state.loading += 1;
  if (state.popup) state.popup.remove();
  try {
    const events = state.mode === "events";
    const features = events ? await loadEvents(from, to) : (await getJson(`/v1/control?at=${to}`)).features;
    await loadOutlines(features);
    state.byId.clear();
    const data = forMap(features, events ? (p) => p.gained_by && p.gained_by.side : (p) => p.controller && p.controller.side);
    const name = events ? "events" : "control";
    map.getSource(name).setData(data.points);
    map.getSource(`${name}-undated`).setData(data.undated);
    map.getSource("regions").setData(data.regions);
    const undatedRegions = data.regions.features.filter((f) => f.properties.undated).length;
    state.undatedFound = data.undated.features.length + undatedRegions;
    state.regionsShown = data.regions.features.length - undatedRegions;
    const shown = data.points.features.length + state.regionsShown;
    const regionNote = state.regionsShown ? ` (${state.regionsShown} known only by region, shaded)` : "";
    if (events) state.eventsShown = shown;
    else state.controlShown = shown;
    const summary = events ? `${shown} events from ${from} to ${to}${regionNote}`
      : `${shown} places: who held them on ${to}${regionNote}`;
    showLayers();
    // The date drawn, shown large over the map (during playback, the frame's date).
    $("map-date").textContent = events ? (to === from ? to : `${from} – ${to}`) : `Control on ${to}`;
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

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

function setPlaying(on) {
  state.playing = on;
  const button = $("play");
  button.textContent = on ? "❚❚ Pause" : "▶ Play";
  button.setAttribute("aria-pressed", String(on));
}

async function play() {
  // Walks the window's end from its start to the last date in about PLAY_STEPS steps, a frame once its data is
  // drawn and at least frameMs after the last: the changes pile up (events) or the holders change (control).
  if (state.playing) {
    setPlaying(false);
    return;
  }
  const to = $("to");
  const last = +to.max;
  if (+to.value >= last) to.value = $("from").value;
  const step = Math.max(1, Math.ceil((last - +$("from").value) / PLAY_STEPS));
  setPlaying(true);
  state.frames = 0;
  clearTimeout(timer);
  while (state.playing) {
    const started = performance.now();
    await refresh();
    state.frames += 1;
    if (+to.value >= last) break;
    await sleep(Math.max(0, state.frameMs - (performance.now() - started)));
    if (!state.playing) break;
    to.value = String(Math.min(last, +to.value + step));
  }
  setPlaying(false);
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
  const stop = () => setPlaying(false);
  $("from").addEventListener("input", () => {
    stop();
    if (+$("from").value > +$("to").value) $("to").value = $("from").value;
    scheduleRefresh();
  });
  $("to").addEventListener("input", () => {
    stop();
    if (+$("to").value < +$("from").value) $("from").value = $("to").value;
    scheduleRefresh();
  });
  for (const radio of document.querySelectorAll("input[name=mode]")) {
    radio.addEventListener("change", () => { state.mode = radio.value; if (!state.playing) scheduleRefresh(); });
  }
  $("undated").addEventListener("change", () => {
    state.showUndated = $("undated").checked;
    if (state.popup) state.popup.remove();
    showLayers();
    $("status").textContent = (state.summary || "") + undatedNote();
  });
  $("play").disabled = false;
  $("play").addEventListener("click", play);
}

async function main() {
  registerGlyphProtocol(maplibregl);
  const config = await getJson("/v1/map-config");
  const map = new maplibregl.Map({ container: "map", style: baseStyle(config), center: [39.5, 34.8], zoom: 5,
    preserveDrawingBuffer: true, attributionControl: { compact: true } });
  state.map = map;
  map.addControl(new maplibregl.NavigationControl(), "top-right");
  map.on("load", async () => {
    if (!config.basemap_url) addOutlines(map);
    addRegions(map);
    // A basemap brings its own labels.
    if (!config.basemap_url) addLabels(map);
    addPoints(map);
    if (config.bbox) {
      const [w, s, e, n] = config.bbox;
      map.fitBounds([[w, s], [e, n]], { padding: { top: 60, bottom: 60, left: 320, right: 60 }, maxZoom: 9, duration: 0 });
    }
    if (!config.basemap_url) map.on("moveend", scheduleLabels);
    setUpControls(config);
    await Promise.all([refresh(), config.basemap_url ? null : loadLabels()]);
    state.ready = true;
  });
}

main().catch((error) => { $("status").textContent = `Could not start: ${error.message}`; });
