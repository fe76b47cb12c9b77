// Guidance and signs: recommendations per facility (when the server offers the statistics), what
// each sign shows now, and the sign log.
import { t, locale } from './i18n.js';
import { apiGet } from './api.js';
import { fillTable, fillBars } from './table.js';
import { toCsv, download } from './csv.js';

let ctx;
let audit = [];

export function initGuidanceTab(context) {
  ctx = context;
  document.getElementById('g-csv').addEventListener('click', () => download('sign-log.csv',
    toCsv([['at', 'sign', 'text']].concat(audit.map((a) => [a.at, a.sign, a.text])))));
}

export async function load() {
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 86400000);
  const stats = await apiGet('api/v1/stats/guidance?from=' + from.toISOString() + '&to=' + to.toISOString());
  const status = document.getElementById('g-stats-status');
  if (stats.ok && stats.body && Array.isArray(stats.body.counts || stats.body)) {
    status.textContent = '';
    const per = new Map();
    for (const c of (stats.body.counts || stats.body)) {
      per.set(c.id || c.facility, (per.get(c.id || c.facility) || 0) + (c.count || 0));
    }
    fillBars(document.getElementById('g-stats'), [...per.entries()]
      .map(([id, value]) => ({ label: ctx.name(id), value })).sort((a, b) => b.value - a.value));
  } else {
    status.textContent = t('guidanceStatsUnavailable');
  }
  const signs = await apiGet('api/v1/signs');
  if (signs.ok) {
    fillTable(document.getElementById('g-signs'), [t('sign'), t('text'), t('until')],
      signs.body.map((s) => [s.name, s.lines.map((l) => l.text).join(' | '), s.validUntil ? new Date(s.validUntil).toLocaleString(locale()) : '']));
  }
  const a = await apiGet('api/v1/signs/audit');
  if (a.ok) {
    audit = a.body;
    fillTable(document.getElementById('g-audit'), [t('time'), t('sign'), t('text')],
      audit.map((e) => [new Date(e.at).toLocaleString(locale()), e.sign, e.text]), [2]);
  }
}
