// How one facility looks: availability level, marker, list row and popup, all updated in place.
import { el, clear } from './dom.js';
import { t, ago } from './i18n.js';
import { forecastBox } from './forecast.js';

const TREND_ARROWS = { filling: '↗', steady: '→', emptying: '↘', unknown: '' };

// The server decides the availability level once (core AvailabilityLevel, field `level` of the
// facility JSON and the live push); the browser only maps it to its CSS names.
const LEVELS = { plenty: 'high', few: 'mid', almost_full: 'low', full: 'full', closed: 'closed', stale: 'unknown' };

/** high | mid | low | full | closed | unknown, from the server's level */
export function level(f) {
  return LEVELS[f.level] || 'unknown';
}

export function freeText(f) {
  const lvl = level(f);
  if (lvl === 'closed') {
    return t('closedShort');
  }
  return lvl === 'unknown' ? '—' : String(f.free);
}

/** The marker's inner element: a pill with the free count, capacity and a pointer. */
export function buildMarker(f) {
  const root = el('div', 'pl-marker');
  root.dataset.facilityId = f.id;
  const pill = el('div', 'pl-pill');
  pill.append(el('span', 'pl-free'), el('span', 'pl-cap'), el('span', 'pl-trend'));
  root.append(pill, el('div', 'pl-tip'));
  updateMarker(root, f);
  return root;
}

export function updateMarker(root, f) {
  const lvl = level(f);
  root.className = 'pl-marker lvl-' + lvl;
  root.dataset.level = lvl;
  root.title = f.name + ': ' + freeText(f) + ' / ' + f.capacity;
  root.querySelector('.pl-free').textContent = freeText(f);
  root.querySelector('.pl-cap').textContent = '/' + f.capacity;
  root.querySelector('.pl-trend').textContent = lvl === 'unknown' || lvl === 'closed' ? '' : (TREND_ARROWS[f.trend] || '');
}

export function buildRow(f, onSelect) {
  const li = el('li', 'facility-row');
  li.dataset.facilityId = f.id;
  const btn = el('button', 'row-button');
  btn.type = 'button';
  const badge = el('span', 'row-badge');
  const text = el('span', 'row-text');
  text.append(el('span', 'row-name'), el('span', 'row-meta'));
  btn.append(badge, text);
  btn.addEventListener('click', () => onSelect(f.id));
  li.append(btn);
  updateRow(li, f);
  return li;
}

export function updateRow(li, f) {
  const lvl = level(f);
  const badge = li.querySelector('.row-badge');
  badge.className = 'row-badge lvl-' + lvl;
  badge.textContent = freeText(f);
  li.querySelector('.row-name').textContent = f.name;
  li.querySelector('.row-meta').textContent = metaText(f);
}

function metaText(f) {
  const parts = [t('of') + ' ' + f.capacity];
  if (f.status !== 'open' && f.status !== 'unknown') {
    parts.push(t('st_' + f.status));
  } else if (f.trend && f.trend !== 'unknown') {
    parts.push((TREND_ARROWS[f.trend] || '') + ' ' + t('tr_' + f.trend));
  }
  parts.push(level(f) === 'unknown' && f.updatedAt ? t('unknownSince', { t: ago(f.updatedAt) }) : ago(f.updatedAt));
  return parts.join(' · ');
}

/** Fills a popup element with the facility's details. */
export function fillPopup(root, f) {
  clear(root);
  root.className = 'pl-popup';
  root.dataset.facilityId = f.id;
  root.append(el('h3', 'popup-title', f.name));
  root.append(el('p', 'popup-type', t('type_' + f.type)));
  const big = el('p', 'popup-big lvl-text-' + level(f));
  big.append(el('strong', 'popup-free', freeText(f)), document.createTextNode(' / ' + f.capacity + ' ' + t('spaces')));
  root.append(big);
  const dl = el('dl', 'popup-facts');
  addFact(dl, t('status'), t('st_' + f.status));
  addFact(dl, t('trend'), (TREND_ARROWS[f.trend] || '') + ' ' + t('tr_' + f.trend));
  addFact(dl, t('updated'), f.updatedAt ? ago(f.updatedAt) : t('never'));
  if (f.address) {
    addFact(dl, t('address'), f.address.replace(/\n/g, ', '));
  }
  root.append(dl, forecastBox(f));
}

function addFact(dl, label, value) {
  dl.append(el('dt', null, label), el('dd', null, value));
}
