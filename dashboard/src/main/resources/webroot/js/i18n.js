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
    whereToPark: 'Wo soll ich parken?', destination: 'Ziel', destPlaceholder: 'Parkhaus oder Straße suchen',
    clickHint: '… oder Ziel auf der Karte antippen.', origin: 'Start', myLocation: 'Mein Standort', pickOnMap: 'Auf Karte wählen',
    originUnset: 'noch nicht gewählt', originHere: 'Mein Standort', originPicked: 'Punkt auf der Karte', pickOriginNow: 'Jetzt den Start auf der Karte antippen.',
    needOrigin: 'Bitte einen Start wählen: „Mein Standort“ oder „Auf Karte wählen“.', searching: 'Suche die besten Parkmöglichkeiten …',
    guidanceUnavailable: 'Die Parkempfehlung ist auf diesem Server nicht verfügbar. Nächste Parkhäuser mit freien Plätzen (Luftlinie):',
    guidanceDown: 'Die Parkempfehlung antwortet gerade nicht. Nächste Parkhäuser mit freien Plätzen (Luftlinie):',
    guidanceOutside: 'Start oder Ziel liegt außerhalb des Straßennetzes.', guidanceEmpty: 'Keine Empfehlung für dieses Ziel gefunden.',
    bestChoice: 'Beste Wahl', alternative: 'Alternative', drive: 'Fahrt', walk: 'zu Fuß', chance: 'Chance auf freien Platz',
    expectedFree: 'ca. {n} frei bei Ankunft', distanceAway: '{d} vom Ziel', clearRoute: 'Zurücksetzen', locationDenied: 'Standort nicht verfügbar.',
    signs: 'Schilder', signExpired: 'veraltet',
    loginTitle: 'Anmeldung für die Verkehrsplanung', username: 'Benutzername', password: 'Passwort', login: 'Anmelden', logout: 'Abmelden',
    loginFailed: 'Benutzername oder Passwort falsch.', loginThrottled: 'Zu viele Versuche. Bitte kurz warten.', map: 'Karte',
    tabHistory: 'Belegung', tabProfile: 'Wochenprofil', tabQuality: 'Datenqualität', tabGuidance: 'Lenkung & Schilder', tabOps: 'Betrieb',
    tabTraffic: 'Verkehr', lanes: 'Fahrstreifen', detector: 'Zählstelle', vehiclesPerHour: 'Fahrzeuge/h', speedKmh: 'Geschwindigkeit (km/h)',
    occupancyPct: 'Belegung der Schleife (%)', peakFlow: 'Spitzenstunde', lowestSpeed: 'niedrigste Geschwindigkeit',
    vehiclesTotal: 'Fahrzeuge gesamt', noDetectors: 'Diese Stadt hat keine Verkehrszählstellen (detectors.geojson fehlt).',
    trafficUnavailable: 'Der Verkehrsverlauf ist nicht verfügbar (Speicher antwortet nicht oder Endpunkt fehlt).',
    guidanceSpread: 'Verteilung auf die Parkhäuser', recommendations: 'Empfehlungen', perHour: 'Empfehlungen je Stunde',
    share: 'Anteil', recommendationsTotal: 'Empfehlungen gesamt', busiestHour: 'meiste in einer Stunde',
    facility: 'Parkhaus', range: 'Zeitraum', resolution: 'Auflösung', r24h: '24 Stunden', r7d: '7 Tage', r30d: '30 Tage', r90d: '90 Tage',
    csv: 'CSV exportieren', meanFree: 'frei (Mittel)', minFree: 'frei (min.)', maxFree: 'frei (max.)', noData: 'Keine Daten in diesem Zeitraum.',
    historyUnavailable: 'Der Verlauf ist nicht verfügbar (Speicher antwortet nicht oder Endpunkt fehlt).', loading: 'lade …',
    peakOccupancy: 'Höchste Belegung', lowestFree: 'wenigste freie Plätze', average: 'Mittel', weeks: 'Wochen',
    profileNote: 'Mittlere Belegung in % je Wochentag und Stunde (Ortszeit).', weekdays: 'Mo,Di,Mi,Do,Fr,Sa,So',
    needsLook: 'Parkhäuser mit Auffälligkeiten', rejected: 'Abgewiesene Meldungen nach Grund', recentRejects: 'Letzte abgewiesene Meldungen',
    since: 'seit {t}', reason: 'Grund', count: 'Anzahl', time: 'Zeit', topic: 'Topic', detail: 'Detail', payload: 'Inhalt', flags: 'Hinweise',
    lastUpdate: 'letzte Meldung', nothingToShow: 'Nichts Auffälliges.', signAudit: 'Schilder-Protokoll (Änderungen)', currentSigns: 'Schilder jetzt',
    signAcks: 'Schilder: entschieden und angezeigt (Sign-Bridge)', decided: 'entschieden', displayed: 'angezeigt', lastAck: 'letzte Quittung', fault: 'Fehler', ackAlert: 'Alarm: keine Quittung', ago: 'vor', noAcks: 'Keine Quittungen einer Sign-Bridge.', ackAlertRule: 'Alarm nach {s} s ohne gute Quittung: {n} Schilder im Alarm.',
    sign: 'Schild', text: 'Text', guidanceStats: 'Ausgegebene Empfehlungen', guidanceStatsUnavailable: 'Die Empfehlungsstatistik ist auf diesem Server nicht verfügbar.',
    opsTitle: 'Parkhaus sperren oder reservieren', status: 'Status', st_set_closed: 'geschlossen', st_set_reserved: 'reserviert', until: 'bis',
    apply: 'Übernehmen', lift: 'Aufheben', currentOps: 'Aktive Sperrungen und Reservierungen', noOps: 'Keine.', needOperator: 'Dafür fehlt die Rolle „operator“.',
    opSaved: 'Gespeichert und an alle Dienste verteilt.', opFailed: 'Nicht gespeichert: {e}', by: 'von', sessionExpired: 'Sitzung abgelaufen – bitte neu anmelden.',
    forecastTitle: 'Prognose nächste Stunde', forecastLine: 'in {m} min: ~{n} frei ({lo}–{hi})', forecastLoading: 'Prognose wird geladen …',
    forecastNone: 'Keine Prognose ohne aktuelle Daten.', forecastModel: 'Modell aus dem Belegungsverlauf', forecastTrend: 'aus dem aktuellen Trend (noch zu wenig Verlauf)',
    forecastChance: '{p} % Chance auf einen freien Platz in {m} min',
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
    whereToPark: 'Where should I park?', destination: 'Destination', destPlaceholder: 'Search car park or street',
    clickHint: '… or tap the destination on the map.', origin: 'Start', myLocation: 'My location', pickOnMap: 'Pick on map',
    originUnset: 'not chosen yet', originHere: 'My location', originPicked: 'point on the map', pickOriginNow: 'Now tap the start on the map.',
    needOrigin: 'Please choose a start: “My location” or “Pick on map”.', searching: 'Finding the best places to park …',
    guidanceUnavailable: 'Parking guidance is not available on this server. Nearest car parks with free spaces (straight line):',
    guidanceDown: 'Parking guidance is not answering right now. Nearest car parks with free spaces (straight line):',
    forecastTitle: 'Next hour forecast', forecastLine: 'in {m} min: ~{n} free ({lo}–{hi})', forecastLoading: 'loading forecast …',
    forecastNone: 'No forecast without current data.', forecastModel: 'model from the occupancy history', forecastTrend: 'from the current trend (too little history yet)',
    forecastChance: '{p} % chance of a free space in {m} min',
    guidanceOutside: 'Start or destination lies outside the road network.', guidanceEmpty: 'No recommendation found for this destination.',
    bestChoice: 'Best choice', alternative: 'Alternative', drive: 'drive', walk: 'walk', chance: 'chance of a free space',
    expectedFree: 'about {n} free on arrival', distanceAway: '{d} from destination', clearRoute: 'Reset', locationDenied: 'Location not available.',
    signs: 'Signs', signExpired: 'stale',
    loginTitle: 'Sign in for traffic planning', username: 'User name', password: 'Password', login: 'Sign in', logout: 'Sign out',
    loginFailed: 'User name or password is wrong.', loginThrottled: 'Too many attempts. Please wait a moment.', map: 'Map',
    tabHistory: 'Occupancy', tabProfile: 'Weekly profile', tabQuality: 'Data quality', tabGuidance: 'Guidance & signs', tabOps: 'Operations',
    tabTraffic: 'Traffic', lanes: 'lanes', detector: 'Detector', vehiclesPerHour: 'vehicles/h', speedKmh: 'speed (km/h)',
    occupancyPct: 'loop occupancy (%)', peakFlow: 'peak hour', lowestSpeed: 'lowest speed',
    vehiclesTotal: 'vehicles in total', noDetectors: 'This city has no traffic detectors (no detectors.geojson).',
    trafficUnavailable: 'Traffic history is not available (store not answering or endpoint missing).',
    guidanceSpread: 'Spread over car parks', recommendations: 'Recommendations', perHour: 'recommendations per hour',
    share: 'Share', recommendationsTotal: 'recommendations in total', busiestHour: 'most in one hour',
    facility: 'Car park', range: 'Range', resolution: 'Resolution', r24h: '24 hours', r7d: '7 days', r30d: '30 days', r90d: '90 days',
    csv: 'Export CSV', meanFree: 'free (mean)', minFree: 'free (min)', maxFree: 'free (max)', noData: 'No data in this range.',
    historyUnavailable: 'History is not available (store not answering or endpoint missing).', loading: 'loading …',
    peakOccupancy: 'Peak occupancy', lowestFree: 'fewest free spaces', average: 'Mean', weeks: 'weeks',
    profileNote: 'Mean occupancy in % by weekday and hour (local time).', weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
    needsLook: 'Car parks needing a look', rejected: 'Rejected messages by reason', recentRejects: 'Latest rejected messages',
    since: 'since {t}', reason: 'Reason', count: 'Count', time: 'Time', topic: 'Topic', detail: 'Detail', payload: 'Payload', flags: 'Flags',
    lastUpdate: 'last report', nothingToShow: 'Nothing unusual.', signAudit: 'Sign log (changes)', currentSigns: 'Signs now',
    signAcks: 'Signs: decided and displayed (sign bridge)', decided: 'decided', displayed: 'displayed', lastAck: 'last ack', fault: 'fault', ackAlert: 'alert: no ack', ago: 'ago', noAcks: 'No acknowledgements from a sign bridge.', ackAlertRule: 'Alert after {s} s without a good acknowledgement: {n} signs in alert.',
    sign: 'Sign', text: 'Text', guidanceStats: 'Recommendations issued', guidanceStatsUnavailable: 'Recommendation statistics are not available on this server.',
    opsTitle: 'Close or reserve a car park', status: 'Status', st_set_closed: 'closed', st_set_reserved: 'reserved', until: 'until',
    apply: 'Apply', lift: 'Lift', currentOps: 'Closures and reservations in force', noOps: 'None.', needOperator: 'This needs the role “operator”.',
    opSaved: 'Saved and shared with every service.', opFailed: 'Not saved: {e}', by: 'by', sessionExpired: 'Session expired – please sign in again.',
  },
};

const KEY = 'parkleit.lang';
const picked = pickLanguage();
let lang = picked || 'de';
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
  // the browser's preferred languages (Accept-Language), in order: the first German or English one wins
  for (const l of (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''])) {
    const p = String(l).toLowerCase();
    if (p.startsWith('de')) {
      return 'de';
    }
    if (p.startsWith('en')) {
      return 'en';
    }
  }
  return null; // the city's locale decides, see useCityLocale
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

/** The city's language ({@code locale} of the map config), used when neither ?lang, a stored choice nor the browser decided. */
export function useCityLocale(cityLocale) {
  const l = String(cityLocale || '').toLowerCase();
  if (picked || (l !== 'de' && l !== 'en') || l === lang) {
    return;
  }
  lang = l;
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
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
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

function names(loc, count, option, date) {
  const f = new Intl.DateTimeFormat(loc, { ...option, timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => f.format(date(i)));
}

/**
 * uPlot options for a time axis in the chosen language: month and weekday names, date order and 24 h clock in
 * German, as uPlot's own tick table otherwise. Use as {@code fmtDate: tm.fmtDate} and {@code axes: [{ values: tm.values }]};
 * {@code tm.hooks} records the drawn x labels in the chart box's data-x-labels (tests read them).
 */
export function uplotTime(box) {
  const loc = locale();
  const de = lang === 'de';
  const dateNames = {
    MMMM: names(loc, 12, { month: 'long' }, (i) => new Date(Date.UTC(2023, i, 1))),
    MMM: names(loc, 12, { month: 'short' }, (i) => new Date(Date.UTC(2023, i, 1))),
    WWWW: names(loc, 7, { weekday: 'long' }, (i) => new Date(Date.UTC(2023, 0, 1 + i))),
    WWW: names(loc, 7, { weekday: 'short' }, (i) => new Date(Date.UTC(2023, 0, 1 + i))),
  };
  const d = 86400, h = 3600, m = 60;
  const yyyy = '{YYYY}', nlYyyy = '\n{YYYY}';
  const md = de ? '{WWW} {D}.{M}.' : '{WWW} {M}/{D}';
  const nlMd = '\n' + md;
  const nlMdYy = de ? '\n{WWW} {D}.{M}.{YYYY}' : '\n{WWW} {M}/{D}/{YY}';
  const hh = de ? '{HH}:00' : '{h}{aa}';
  const hm = de ? '{HH}:{mm}' : '{h}:{mm}{aa}';
  return {
    fmtDate: (tpl) => uPlot.fmtDate(tpl, dateNames),
    values: [
      [d * 365, yyyy, null, null, null, null, null, null, 1],
      [d * 28, '{MMM}', nlYyyy, null, null, null, null, null, 1],
      [d, md, nlYyyy, null, null, null, null, null, 1],
      [h, hh, nlMdYy, null, nlMd, null, null, null, 1],
      [m, hm, nlMdYy, null, nlMd, null, null, null, 1],
      [1, ':{ss}', nlMdYy + ' ' + hm, null, nlMd + ' ' + hm, null, '\n' + hm, null, 1],
    ],
    hooks: { draw: [(u) => { box.dataset.xLabels = JSON.stringify(u.axes[0]._values || []); }] },
  };
}
