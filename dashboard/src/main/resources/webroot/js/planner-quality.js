// Data quality: facilities needing a look, rejected readings by reason, the latest rejects.
import { el } from './dom.js';
import { t, ago, locale } from './i18n.js';
import { apiGet } from './api.js';
import { fillTable, fillBars } from './table.js';
import { toCsv, download } from './csv.js';

let last = null;

export function initQuality() {
  document.getElementById('q-csv').addEventListener('click', exportCsv);
}

export async function load() {
  const r = await apiGet('api/v1/quality');
  if (!r.ok) {
    return;
  }
  last = r.body;
  const facilities = r.body.facilities.map((f) => {
    const flags = el('span');
    (f.flags.length ? f.flags : [f.updatedAt ? f.status : 'never']).forEach((x) => flags.append(el('span', 'flag', x)));
    return [f.name, t('st_' + f.status), flags, f.updatedAt ? ago(f.updatedAt) : t('never')];
  });
  const table = document.getElementById('q-facilities');
  fillTable(table, [t('facility'), t('status'), t('flags'), t('lastUpdate')], facilities);
  if (!facilities.length) {
    fillTable(table, [t('nothingToShow')], []);
  }
  const dl = r.body.deadLetters;
  document.getElementById('q-since').textContent = t('since', { t: new Date(dl.since).toLocaleString(locale()) });
  fillBars(document.getElementById('q-reasons'), Object.entries(dl.byReason).map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value));
  fillTable(document.getElementById('q-recent'), [t('time'), t('reason'), t('topic'), t('detail'), t('payload')],
    dl.recent.map((e) => [new Date(e.at).toLocaleString(locale()), e.reason, e.topic, e.detail, e.payload]), [2, 4]);
}

function exportCsv() {
  if (!last) {
    return;
  }
  const rows = [['kind', 'facility_or_reason', 'status', 'flags', 'updatedAt_or_count']];
  last.facilities.forEach((f) => rows.push(['facility', f.id, f.status, f.flags.join(' '), f.updatedAt]));
  Object.entries(last.deadLetters.byReason).forEach(([k, v]) => rows.push(['rejected', k, '', '', v]));
  download('data-quality.csv', toCsv(rows));
}
