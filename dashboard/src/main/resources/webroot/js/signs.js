// The signs layer: each variable message sign drawn like the sign, lines and arrows as text.
import { el, clear, escapeHtml } from './dom.js';
import { t } from './i18n.js';

const ARROWS = { left: '←', right: '→', straight: '↑', slight_left: '↖', slight_right: '↗', back: '↓', '': '' };
const signs = new Map(); // id -> { marker, face, data }
let layer;

export function initSigns(map, control) {
  layer = L.layerGroup().addTo(map);
  control.addOverlay(layer, escapeHtml(t('signs')));
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
    signs.set(s.id, { marker, face, root, data: s });
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
