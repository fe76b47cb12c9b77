// The driver map: every facility with live free/capacity, coloured by availability.
import { getJson, escapeHtml } from './dom.js';
import { t, applyStatic, setLanguage, language, onLanguageChange, useCityLocale } from './i18n.js';
import { buildMarker, updateMarker, buildRow, updateRow, fillPopup, level } from './facility-view.js';
import { addTiles, addRoads, streetPlaces } from './basemap.js';
import { initGuidance, setPlaces, refreshText as refreshGuidance } from './guidance.js';
import * as signs from './signs.js';
import { connectLive } from './live.js';
import { declutter } from './declutter.js';

const facilities = new Map(); // id -> { data, marker, markerEl, row, popupEl }
let map;
let liveState = 'connecting';
let declutterPending = false;

function scheduleDeclutter() {
  if (declutterPending) {
    return;
  }
  declutterPending = true;
  window.requestAnimationFrame(() => {
    declutterPending = false;
    declutter(map, facilities.values());
  });
}

function showNotice(text) {
  const n = document.getElementById('notice');
  n.textContent = text;
  n.hidden = false;
}

function setLive(state) {
  liveState = state;
  const box = document.getElementById('live-status');
  box.dataset.state = state;
  document.getElementById('live-text').textContent = t(state === 'live' ? 'live' : state === 'connecting' ? 'connecting' : 'offline');
}

function upsert(f) {
  const entry = facilities.get(f.id);
  if (!entry) {
    add(f);
  } else {
    entry.data = f;
    updateMarker(entry.markerEl, f);
    updateRow(entry.row, f);
    entry.marker.setZIndexOffset(zIndexFor(f));
    if (entry.marker.isPopupOpen()) {
      fillPopup(entry.popupEl, f);
    }
  }
  scheduleDeclutter();
}

function zIndexFor(f) {
  return { high: 400, mid: 300, low: 200, full: 100, closed: 50, unknown: 0 }[level(f)];
}

function add(f) {
  const markerEl = buildMarker(f);
  const icon = L.divIcon({ html: markerEl, className: 'pl-icon', iconSize: [0, 0], iconAnchor: [0, 0] });
  const marker = L.marker([f.lat, f.lon], { icon, keyboard: true, title: f.name, riseOnHover: true, zIndexOffset: zIndexFor(f) });
  const popupEl = document.createElement('div');
  marker.bindPopup(popupEl, { offset: [0, -34], maxWidth: 280, autoPanPadding: [20, 60] });
  marker.on('popupopen', () => fillPopup(popupEl, facilities.get(f.id).data));
  marker.addTo(map);
  const row = buildRow(f, select);
  document.getElementById('facility-list').append(row);
  facilities.set(f.id, { data: f, marker, markerEl, row, popupEl });
}

/** id -> current facility data, for guidance. */
function facilityData() {
  const m = new Map();
  facilities.forEach((e, id) => m.set(id, e.data));
  return m;
}

function select(id) {
  const entry = facilities.get(id);
  if (!entry) {
    return;
  }
  map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 16));
  entry.marker.openPopup();
  if (window.matchMedia('(max-width: 700px)').matches) {
    togglePanel(false);
  }
}

function refreshAll() {
  for (const entry of facilities.values()) {
    updateMarker(entry.markerEl, entry.data);
    updateRow(entry.row, entry.data);
    if (entry.marker.isPopupOpen()) {
      fillPopup(entry.popupEl, entry.data);
    }
  }
  sortList();
  updateSummary();
  scheduleDeclutter();
}

function sortList() {
  const list = document.getElementById('facility-list');
  const rows = [...facilities.values()].sort((a, b) => a.data.name.localeCompare(b.data.name, undefined, { numeric: true }));
  rows.forEach((e) => list.append(e.row));
}

function updateSummary() {
  let free = 0;
  let known = 0;
  for (const { data } of facilities.values()) {
    if (level(data) !== 'unknown' && level(data) !== 'closed') {
      free += data.free;
      known++;
    }
  }
  document.getElementById('total-free').textContent = known > 0 ? free.toLocaleString(language() === 'de' ? 'de-DE' : 'en-GB') : '–';
}

function toggleLegend(show) {
  const legend = document.getElementById('legend');
  const open = show === undefined ? legend.classList.contains('collapsed') : show;
  legend.classList.toggle('collapsed', !open);
  document.getElementById('legend-toggle').setAttribute('aria-expanded', String(open));
}

function togglePanel(show) {
  const panel = document.getElementById('panel');
  const open = show === undefined ? panel.classList.contains('collapsed') : show;
  panel.classList.toggle('collapsed', !open);
  const btn = document.getElementById('panel-toggle');
  btn.setAttribute('aria-expanded', String(open));
  btn.dataset.i18n = open ? 'hideList' : 'showList';
  btn.textContent = t(btn.dataset.i18n);
  if (map) {
    map.invalidateSize();
    scheduleDeclutter();
  }
}

async function loadFacilities() {
  try {
    const list = await getJson('api/v1/facilities');
    list.forEach(upsert);
    sortList();
    updateSummary();
    return true;
  } catch (e) {
    showNotice(t('loadFailed'));
    return false;
  }
}

async function init() {
  applyStatic(document);
  document.getElementById('lang-toggle').textContent = language() === 'de' ? 'EN' : 'DE';
  document.getElementById('lang-toggle').addEventListener('click', () => setLanguage(language() === 'de' ? 'en' : 'de'));
  document.getElementById('panel-toggle').addEventListener('click', () => togglePanel());
  document.getElementById('legend-toggle').addEventListener('click', () => toggleLegend());
  document.addEventListener('parkleit:route', () => toggleLegend(false));
  onLanguageChange((l) => {
    document.getElementById('lang-toggle').textContent = l === 'de' ? 'EN' : 'DE';
    setLive(liveState);
    refreshAll();
    refreshGuidance();
    signs.refreshAll();
  });
  if (window.matchMedia('(max-width: 700px)').matches) {
    togglePanel(false);
  }
  const config = await getJson('api/v1/map/config');
  document.getElementById('city-name').textContent = config.city;
  document.title = 'parkleit – ' + config.city;
  map = L.map('map', { zoomControl: true, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution(escapeHtml(config.dataAttribution || ''));
  L.control.scale({ imperial: false }).addTo(map);
  useCityLocale(config.locale);
  if (config.bounds) {
    map.fitBounds(config.bounds, { padding: [40, 40] });
  } else {
    map.setView([51.1, 10.4], 6);
  }
  map.on('zoomend', scheduleDeclutter);
  addTiles(map, config, showNotice);
  const layers = L.control.layers(null, null, { collapsed: true, position: 'topright' }).addTo(map);
  signs.initSigns(map, layers);
  initGuidance(map, facilityData);
  await loadFacilities();
  const facilityPlaces = [...facilities.values()].map(({ data }) => ({ name: data.name, lat: data.lat, lon: data.lon }));
  setPlaces(facilityPlaces);
  addRoads(map).then((roads) => setPlaces(facilityPlaces.concat(streetPlaces(roads))));
  connectLive({
    status: setLive,
    snapshot: (list) => { list.forEach(upsert); updateSummary(); },
    state: (f) => { upsert(f); updateSummary(); },
    signs: signs.snapshot,
    sign: signs.update,
  });
  setInterval(refreshAll, 30000);
  document.body.dataset.ready = 'true';
}

window.addEventListener('DOMContentLoaded', () => {
  init().catch((e) => showNotice(t('loadFailed') + ' (' + e.message + ')'));
});
