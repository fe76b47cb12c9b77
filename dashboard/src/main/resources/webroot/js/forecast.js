// The next-hour forecast in a facility popup: fetched when the popup opens, kept for a minute, set as text only.
import { el, clear, getJson } from './dom.js';
import { t } from './i18n.js';

const TTL_MS = 60000;
const cache = new Map(); // id -> { at, data (undefined while loading), promise }

function load(id) {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit;
  }
  const entry = { at: Date.now(), data: undefined };
  entry.promise = getJson('/api/v1/facilities/' + encodeURIComponent(id) + '/forecast')
    .catch(() => null)
    .then((data) => {
      entry.data = data;
      return data;
    });
  cache.set(id, entry);
  return entry;
}

/** A box that shows the forecast of facility {@code f} for the next hour ("in 30 min: ~120 free (90–150)"). */
export function forecastBox(f) {
  const box = el('div', 'popup-forecast');
  const entry = load(f.id);
  if (entry.data !== undefined) {
    render(box, entry.data);
  } else {
    box.dataset.state = 'loading';
    box.append(el('p', 'forecast-note', t('forecastLoading')));
    entry.promise.then((data) => render(box, data));
  }
  return box;
}

function render(box, data) {
  clear(box);
  if (!data || !Array.isArray(data.forecast) || data.forecast.length === 0) {
    box.dataset.state = 'none';
    box.append(el('p', 'forecast-note', t('forecastNone')));
    return;
  }
  box.dataset.state = 'ready';
  box.dataset.source = String(data.forecastSource);
  box.append(el('h4', 'forecast-title', t('forecastTitle')));
  const list = el('ul', 'forecast-list');
  for (const h of data.forecast) {
    const li = el('li', 'forecast-line', t('forecastLine', { m: h.minutes, n: h.expectedFree, lo: h.lowFree, hi: h.highFree }));
    li.dataset.minutes = String(h.minutes);
    li.title = t('forecastChance', { p: Math.round(Number(h.probabilityFree) * 100), m: h.minutes });
    list.append(li);
  }
  box.append(list, el('p', 'forecast-note', t(data.forecastSource === 'model' ? 'forecastModel' : 'forecastTrend')));
}
