// The signs layer: each variable message sign drawn like the sign, lines and arrows as text.
import { el, clear, escapeHtml } from './dom.js';
import { t } from './i18n.js';

const ARROWS = { left: '←', right: '→', straight: '↑', slight_left: '↖', slight_right: '↗', back: '↓', '': '' };
const signs = new Map(); // id -> { marker, face, data }
let layer;
let mapRef;

// Declutter: with more than a few signs on screen, below street zoom a sign shows as a small
// sign symbol (its name as tooltip); zoom in or tap it to read it.
const COMPACT_BELOW_ZOOM = 16;
const COMPACT_ABOVE_COUNT = 3;

export function initSigns(map, control) {
  mapRef = map;
  layer = L.layerGroup().addTo(map);
  control.addOverlay(layer, escapeHtml(t('signs')));
  map.on('zoomend', declutter);
}

function declutter() {
  const compact = mapRef.getZoom() < COMPACT_BELOW_ZOOM && signs.size > COMPACT_ABOVE_COUNT;
  signs.forEach((e) => e.root.classList.toggle('compact', compact));
}

export function snapshot(list) {
  list.forEach(update);
}

export function update(s) {
  const known = signs.get(s.id);
  if (s.removed || typeof s.lat !== 'number' || typeof s.lon !== 'number') {
    if (known) {
      layer.removeLayer(known.marker);
      signs.delete(s.id);
    }
    return;
  }
  if (!known) {
    const root = el('div', 'pl-sign');
    root.dataset.signId = s.id;
    const face = el('div', 'sign-face');
    root.append(face, el('div', 'sign-post'));
    const marker = L.marker([s.lat, s.lon], { icon: L.divIcon({ html: root, className: 'pl-icon', iconSize: [0, 0] }),
      title: s.name, zIndexOffset: -100, keyboard: false });
    marker.addTo(layer);
    marker.on('click', () => mapRef.setView([s.lat, s.lon], Math.max(mapRef.getZoom(), COMPACT_BELOW_ZOOM)));
    signs.set(s.id, { marker, face, root, data: s });
    declutter();
  }
  const entry = signs.get(s.id);
  entry.data = s;
  entry.marker.setLatLng([s.lat, s.lon]);
  render(entry);
}

export function refreshAll() {
  signs.forEach(render);
}

function render(entry) {
  const s = entry.data;
  const expired = s.expired || (s.validUntil && Date.parse(s.validUntil) <= Date.now());
  entry.root.classList.toggle('expired', Boolean(expired));
  entry.root.title = s.name + (expired ? ' (' + t('signExpired') + ')' : '');
  clear(entry.face);
  entry.face.append(el('div', 'sign-name', s.name));
  for (const line of s.lines) {
    const row = el('div', 'sign-line');
    row.append(el('span', 'sign-arrow', ARROWS[line.arrow] || ''), el('span', 'sign-text', expired ? '—' : line.text));
    entry.face.append(row);
  }
}
