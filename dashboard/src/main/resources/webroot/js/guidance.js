// "Where should I park?": destination by map tap or search, origin from the browser or the map,
// then GET api/v1/guidance?from=lat,lon&to=lat,lon. Draws the best route, the alternatives and the
// walk, lists the results; without the endpoint (404/503) it falls back to the nearest free car parks.
import { el, clear } from './dom.js';
import { t } from './i18n.js';

const state = { origin: null, originKind: null, dest: null, picking: null, results: [], selected: 0, seq: 0 };
let map;
let layer;
let facilities; // () => Map id -> data
let places = []; // { name, lat, lon }

export function initGuidance(leafletMap, facilitiesFn) {
  map = leafletMap;
  facilities = facilitiesFn;
  layer = L.layerGroup().addTo(map);
  const from = new URLSearchParams(window.location.search).get('from');
  const m = from && from.match(/^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/);
  if (m) {
    setOrigin({ lat: Number(m[1]), lon: Number(m[2]) }, 'picked');
  }
  showOrigin();
  map.on('click', (e) => onMapClick(e.latlng));
  document.getElementById('origin-locate').addEventListener('click', locate);
  document.getElementById('origin-pick').addEventListener('click', () => {
    state.picking = 'origin';
    status(t('pickOriginNow'));
  });
  document.getElementById('guide-reset').addEventListener('click', reset);
  const input = document.getElementById('dest-input');
  input.addEventListener('change', () => choosePlace(input.value));
}

/** Names the destination search offers: facilities now, streets once the road graph arrived. */
export function setPlaces(list) {
  places = list;
  const dl = document.getElementById('dest-options');
  clear(dl);
  const seen = new Set();
  for (const p of places) {
    if (!seen.has(p.name)) {
      seen.add(p.name);
      const o = document.createElement('option');
      o.value = p.name;
      dl.append(o);
    }
  }
}

export function refreshText() {
  showOrigin();
  if (state.results.length) {
    renderResults();
  }
}

function choosePlace(name) {
  const q = String(name || '').trim().toLowerCase();
  if (!q) {
    return;
  }
  const p = places.find((x) => x.name.toLowerCase() === q) || places.find((x) => x.name.toLowerCase().includes(q));
  if (p) {
    setDestination({ lat: p.lat, lon: p.lon });
  }
}

function onMapClick(latlng) {
  const p = { lat: latlng.lat, lon: latlng.lng };
  if (state.picking === 'origin') {
    state.picking = null;
    setOrigin(p, 'picked');
    if (state.dest) {
      request();
    } else {
      status('');
    }
    return;
  }
  setDestination(p);
}

function setOrigin(p, kind) {
  state.origin = p;
  state.originKind = kind;
  showOrigin();
}

function showOrigin() {
  const txt = document.getElementById('origin-text');
  txt.textContent = !state.origin ? t('originUnset') : state.originKind === 'here' ? t('originHere') : t('originPicked');
  txt.dataset.set = state.origin ? 'true' : 'false';
}

function locate() {
  if (!navigator.geolocation) {
    status(t('locationDenied'));
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      setOrigin({ lat: pos.coords.latitude, lon: pos.coords.longitude }, 'here');
      if (state.dest) {
        request();
      }
    },
    () => status(t('locationDenied')),
    { timeout: 8000, maximumAge: 60000 });
}

function setDestination(p) {
  state.dest = p;
  document.getElementById('guide-reset').hidden = false;
  request();
}

function reset() {
  state.dest = null;
  state.results = [];
  layer.clearLayers();
  clear(document.getElementById('guide-results'));
  status('');
  document.getElementById('dest-input').value = '';
  document.getElementById('guide-reset').hidden = true;
}

function status(text, kind) {
  const s = document.getElementById('guide-status');
  s.textContent = text;
  s.dataset.kind = kind || '';
}

async function request() {
  const seq = ++state.seq;
  layer.clearLayers();
  clear(document.getElementById('guide-results'));
  drawEnds();
  if (!state.origin) {
    status(t('needOrigin'), 'info');
    nearestFallback(null);
    return;
  }
  status(t('searching'));
  const q = 'from=' + fmt(state.origin) + '&to=' + fmt(state.dest);
  let r;
  let body = null;
  try {
    r = await fetch('api/v1/guidance?' + q, { headers: { Accept: 'application/json' } });
    body = r.ok ? await r.json() : null;
  } catch (e) {
    r = null;
  }
  if (seq !== state.seq) {
    return; // a newer request is under way
  }
  if (r === null) {
    nearestFallback(t('guidanceDown'));
  } else if (r.status === 404 || r.status === 501) {
    nearestFallback(t('guidanceUnavailable'));
  } else if (r.status === 422) {
    status(t('guidanceOutside'), 'warn');
  } else if (!r.ok) {
    nearestFallback(t('guidanceDown'));
  } else {
    state.results = normalise(body);
    state.selected = 0;
    if (!state.results.length) {
      status(t('guidanceEmpty'), 'warn');
      return;
    }
    status('');
    renderResults();
    document.dispatchEvent(new CustomEvent('parkleit:route'));
  }
}

function fmt(p) {
  return p.lat.toFixed(6) + ',' + p.lon.toFixed(6);
}

/** Accepts the documented shape and a few spellings of it; unknown fields are ignored. */
export function normalise(body) {
  const list = Array.isArray(body) ? body : (body.results || body.recommendations || body.options || body.alternatives || []);
  return list.map((r) => ({
    facilityId: typeof r.facility === 'object' && r.facility ? r.facility.id : (r.facilityId || r.facility || r.id),
    driveS: num(r.driveSeconds ?? r.driveTimeS ?? r.driveS ?? (r.route && r.route.properties && r.route.properties.duration)),
    walkS: num(r.walkSeconds ?? r.walkTimeS ?? r.walkS ?? (r.walk && r.walk.properties && r.walk.properties.duration)),
    predictedFree: num(r.predictedFree ?? r.predictedFreeOnArrival ?? r.expectedFree),
    probability: num(r.probability ?? r.probabilityFree ?? r.pFree),
    route: r.route || r.driveRoute || r.geometry || null,
    walk: r.walk || r.walkRoute || null,
  })).filter((r) => typeof r.facilityId === 'string');
}

function num(v) {
  return typeof v === 'number' && isFinite(v) ? v : null;
}

function drawEnds() {
  if (state.dest) {
    L.marker([state.dest.lat, state.dest.lon], { icon: pin('pl-pin-dest', '◎'), interactive: false, zIndexOffset: 1000 }).addTo(layer);
  }
  if (state.origin) {
    L.marker([state.origin.lat, state.origin.lon], { icon: pin('pl-pin-origin', '●'), interactive: false, zIndexOffset: 900 }).addTo(layer);
  }
}

function pin(cls, glyph) {
  const e = el('div', 'pl-pin ' + cls, glyph);
  return L.divIcon({ html: e, className: 'pl-icon', iconSize: [0, 0] });
}

function renderResults() {
  layer.clearLayers();
  drawEnds();
  const list = document.getElementById('guide-results');
  clear(list);
  const bounds = [];
  state.results.forEach((r, i) => {
    const primary = i === state.selected;
    const f = facilities().get(r.facilityId);
    const legs = splitLegs(r);
    if (legs.drive) {
      const route = L.geoJSON(legs.drive, { style: { color: primary ? '#1d4ed8' : '#475569', weight: primary ? 6 : 4,
        opacity: primary ? 0.9 : 0.55, dashArray: primary ? null : '8 8', className: primary ? 'pl-route-primary' : 'pl-route-alt' } });
      route.addTo(layer);
      bounds.push(route.getBounds());
    }
    if (primary && f && state.dest) {
      const walk = legs.walk ? L.geoJSON(legs.walk) : L.polyline([[f.lat, f.lon], [state.dest.lat, state.dest.lon]]);
      walk.setStyle({ color: '#1d4ed8', weight: 3, dashArray: '2 7', opacity: 0.9, className: 'pl-route-walk' });
      walk.addTo(layer);
    }
    list.append(resultItem(r, i, f));
  });
  for (const p of [state.origin, state.dest]) {
    if (p) {
      bounds.push(L.latLngBounds([p.lat, p.lon], [p.lat, p.lon]));
    }
  }
  const all = union(bounds);
  if (all) {
    map.fitBounds(all, { paddingTopLeft: [60, 50], paddingBottomRight: [40, 60], maxZoom: 17 });
  }
}

/**
 * The drive and walk legs of a result, each drawn once: the server sends one FeatureCollection with
 * both legs (properties.leg 'drive' / 'walk'); a separate walk geometry, if sent, wins.
 */
export function splitLegs(r) {
  let drive = r.route;
  let walk = r.walk;
  if (drive && drive.type === 'FeatureCollection' && Array.isArray(drive.features)) {
    const isWalk = (x) => x && x.properties && x.properties.leg === 'walk';
    const walks = drive.features.filter(isWalk);
    const drives = drive.features.filter((x) => !isWalk(x));
    drive = drives.length ? { type: 'FeatureCollection', features: drives } : null;
    if (!walk && walks.length) {
      walk = { type: 'FeatureCollection', features: walks };
    }
  }
  return { drive, walk };
}

function union(bounds) {
  return bounds.reduce((acc, b) => (acc ? acc.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast())), null);
}

function resultItem(r, i, f) {
  const li = el('li', 'guide-result' + (i === state.selected ? ' selected' : ''));
  li.dataset.facilityId = r.facilityId;
  const btn = el('button', 'guide-result-button');
  btn.type = 'button';
  btn.append(el('span', 'guide-rank', String(i + 1)));
  const body = el('span', 'guide-body');
  body.append(el('span', 'guide-kind', i === 0 ? t('bestChoice') : t('alternative')));
  body.append(el('span', 'guide-name', f ? f.name : r.facilityId));
  const parts = [];
  if (r.driveS !== null) { parts.push(Math.round(r.driveS / 60) + ' min ' + t('drive')); }
  if (r.walkS !== null) { parts.push(Math.round(r.walkS / 60) + ' min ' + t('walk')); }
  body.append(el('span', 'guide-meta', parts.join(' · ')));
  const chance = [];
  if (r.probability !== null) { chance.push(Math.round(r.probability * 100) + ' % ' + t('chance')); }
  if (r.predictedFree !== null) { chance.push(t('expectedFree', { n: Math.round(r.predictedFree) })); }
  if (chance.length) { body.append(el('span', 'guide-chance', chance.join(' · '))); }
  btn.append(body);
  btn.addEventListener('click', () => { state.selected = i; renderResults(); });
  li.append(btn);
  return li;
}

/** Without guidance: the three nearest car parks that report free spaces, by straight-line distance. */
function nearestFallback(message) {
  if (message) {
    status(message, 'warn');
  }
  if (!state.dest) {
    return;
  }
  const list = document.getElementById('guide-results');
  const here = L.latLng(state.dest.lat, state.dest.lon);
  const near = [...facilities().values()]
    .filter((f) => typeof f.free === 'number' && f.free > 0 && f.status !== 'closed' && f.status !== 'reserved')
    .map((f) => ({ f, d: here.distanceTo([f.lat, f.lon]) }))
    .sort((a, b) => a.d - b.d).slice(0, 3);
  near.forEach(({ f, d }, i) => {
    const li = el('li', 'guide-result fallback');
    li.dataset.facilityId = f.id;
    li.append(el('span', 'guide-rank', String(i + 1)));
    const body = el('span', 'guide-body');
    body.append(el('span', 'guide-name', f.name));
    body.append(el('span', 'guide-meta', f.free + ' / ' + f.capacity + ' ' + t('free') + ' · ' + t('distanceAway', { d: d < 1000 ? Math.round(d) + ' m' : (d / 1000).toFixed(1) + ' km' })));
    li.append(body);
    list.append(li);
    L.polyline([[f.lat, f.lon], [state.dest.lat, state.dest.lon]], { color: '#475569', weight: 2, dashArray: '2 6', className: 'pl-route-fallback' }).addTo(layer);
  });
}
