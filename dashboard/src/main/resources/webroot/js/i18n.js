// German and English UI text. Text only: every string is set with textContent, never as HTML.
const STRINGS = {
  de: {
    freeSpacesTotal: 'freie Plätze', connecting: 'verbinde …', live: 'live', offline: 'Verbindung unterbrochen – neuer Versuch …',
    planner: 'Planung', legend: 'Legende', lvlHigh: 'viel frei (≥ 20 %)', lvlMid: 'wenig frei (5–20 %)',
    lvlLow: 'fast voll (< 5 %)', lvlFull: 'besetzt', lvlClosed: 'geschlossen / reserviert', lvlUnknown: 'keine aktuellen Daten',
    legendNote: 'frei / gesamt', facilities: 'Parkhäuser', hideList: 'Liste ausblenden', showList: 'Liste zeigen',
    free: 'frei', of: 'von', spaces: 'Plätze', capacity: 'Kapazität', status: 'Status', trend: 'Tendenz', updated: 'Stand',
    st_open: 'geöffnet', st_closed: 'geschlossen', st_reserved: 'reserviert', st_unknown: 'unbekannt',
    tr_filling: 'füllt sich', tr_steady: 'gleichbleibend', tr_emptying: 'leert sich', tr_unknown: '–',
    never: 'noch keine Daten', justNow: 'gerade eben', minutesAgo: 'vor {n} min', hoursAgo: 'vor {n} h', since: 'seit {t}',
    unknownSince: 'unbekannt seit {t}', stale: 'veraltet', tilesOffline: 'Kartenkacheln nicht erreichbar – vereinfachte Karte ohne Hintergrund.',
    loadFailed: 'Parkdaten konnten nicht geladen werden. Neuer Versuch …', full: 'besetzt', closedShort: 'zu',
    type_garage: 'Parkhaus', type_underground: 'Tiefgarage', type_lot: 'Parkplatz', type_on_street: 'Straßenparken',
    type_park_and_ride: 'P+R', type_other: 'Parkfläche', address: 'Adresse',
  },
  en: {
    freeSpacesTotal: 'free spaces', connecting: 'connecting …', live: 'live', offline: 'connection lost – retrying …',
    planner: 'Planner', legend: 'Legend', lvlHigh: 'plenty free (≥ 20 %)', lvlMid: 'few free (5–20 %)',
    lvlLow: 'almost full (< 5 %)', lvlFull: 'full', lvlClosed: 'closed / reserved', lvlUnknown: 'no current data',
    legendNote: 'free / total', facilities: 'Car parks', hideList: 'Hide list', showList: 'Show list',
    free: 'free', of: 'of', spaces: 'spaces', capacity: 'Capacity', status: 'Status', trend: 'Trend', updated: 'Updated',
    st_open: 'open', st_closed: 'closed', st_reserved: 'reserved', st_unknown: 'unknown',
    tr_filling: 'filling up', tr_steady: 'steady', tr_emptying: 'emptying', tr_unknown: '–',
    never: 'no data yet', justNow: 'just now', minutesAgo: '{n} min ago', hoursAgo: '{n} h ago', since: 'since {t}',
    unknownSince: 'unknown since {t}', stale: 'stale', tilesOffline: 'Map tiles unreachable – simplified map without background.',
    loadFailed: 'Could not load parking data. Retrying …', full: 'full', closedShort: 'closed',
    type_garage: 'Multi-storey car park', type_underground: 'Underground car park', type_lot: 'Car park', type_on_street: 'On-street parking',
    type_park_and_ride: 'Park and ride', type_other: 'Parking', address: 'Address',
  },
};

const KEY = 'parkleit.lang';
let lang = pickLanguage();
const listeners = [];

function pickLanguage() {
  const param = new URLSearchParams(window.location.search).get('lang');
  if (param === 'de' || param === 'en') {
    return param;
  }
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored === 'de' || stored === 'en') {
      return stored;
    }
  } catch (e) { /* storage blocked: fall through */ }
  return (navigator.language || 'de').toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function t(key, vars) {
  let s = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) {
      s = s.replace('{' + k + '}', String(v));
    }
  }
  return s;
}

export function language() {
  return lang;
}

export function locale() {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

export function setLanguage(l) {
  lang = l === 'en' ? 'en' : 'de';
  try { window.localStorage.setItem(KEY, lang); } catch (e) { /* ignore */ }
  applyStatic(document);
  listeners.forEach((fn) => fn(lang));
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** Sets the text of every element with data-i18n. */
export function applyStatic(root) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
}

/** "vor 3 min" / "3 min ago" for an ISO time, or the "never" text. */
export function ago(iso, now) {
  if (!iso) {
    return t('never');
  }
  const ms = (now || Date.now()) - Date.parse(iso);
  if (ms < 60000) {
    return t('justNow');
  }
  if (ms < 3600000) {
    return t('minutesAgo', { n: Math.floor(ms / 60000) });
  }
  if (ms < 86400000 * 2) {
    return t('hoursAgo', { n: Math.floor(ms / 3600000) });
  }
  return new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}
