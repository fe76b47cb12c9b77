// Weekday x hour heatmap: mean occupancy (%) over the last weeks, folded in the city's time zone.
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { apiGet } from './api.js';
import { toCsv, download } from './csv.js';

const DAY = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
let ctx;
let grid = null; // 7 x 24 of percent or null

export function initProfile(context) {
  ctx = context;
  document.getElementById('p-facility').addEventListener('change', load);
  document.getElementById('p-weeks').addEventListener('change', load);
  document.getElementById('p-csv').addEventListener('click', exportCsv);
}

export async function load() {
  const id = document.getElementById('p-facility').value;
  const weeks = Number(document.getElementById('p-weeks').value);
  const to = new Date();
  const from = new Date(to.getTime() - weeks * 7 * 86400000);
  const status = document.getElementById('p-status');
  status.textContent = t('loading');
  const r = await apiGet('api/v1/facilities/' + encodeURIComponent(id) + '/history?from=' + from.toISOString()
    + '&to=' + to.toISOString() + '&step=1h');
  if (!r.ok || !r.body || !Array.isArray(r.body.buckets)) {
    status.textContent = t('historyUnavailable');
    grid = null;
    render();
    return;
  }
  status.textContent = r.body.buckets.length ? '' : t('noData');
  grid = fold(r.body.buckets, ctx.capacity(id), ctx.timezone());
  render();
}

/** Sample-weighted mean occupancy per local weekday and hour. */
export function fold(buckets, capacity, timeZone) {
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
  const sum = Array.from({ length: 7 }, () => new Array(24).fill(0));
  const n = Array.from({ length: 7 }, () => new Array(24).fill(0));
  for (const b of buckets) {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(b.start)).map((p) => [p.type, p.value]));
    const d = DAY[parts.weekday];
    const h = Number(parts.hour) % 24;
    const w = b.samples > 0 ? b.samples : 1;
    sum[d][h] += (1 - b.meanFree / capacity) * 100 * w;
    n[d][h] += w;
  }
  return sum.map((row, d) => row.map((s, h) => (n[d][h] ? s / n[d][h] : null)));
}

function render() {
  const table = document.getElementById('p-heatmap');
  clear(table);
  if (!grid) {
    return;
  }
  const days = t('weekdays').split(',');
  const head = el('tr');
  head.append(el('th'));
  for (let h = 0; h < 24; h++) {
    head.append(el('th', null, String(h)));
  }
  table.append(head);
  grid.forEach((row, d) => {
    const tr = el('tr');
    tr.append(el('th', null, days[d]));
    row.forEach((v) => {
      const td = el('td', v === null ? 'heat-none' : 'heat-' + Math.min(9, Math.max(0, Math.floor(v / 10))), v === null ? '·' : String(Math.round(v)));
      tr.append(td);
    });
    table.append(tr);
  });
  table.dataset.cells = String(grid.flat().filter((v) => v !== null).length);
}

function exportCsv() {
  if (!grid) {
    return;
  }
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const rows = [['weekday'].concat([...Array(24).keys()].map(String))]
    .concat(grid.map((row, d) => [days[d]].concat(row.map((v) => (v === null ? '' : v.toFixed(1))))));
  download(document.getElementById('p-facility').value + '-weekly-profile.csv', toCsv(rows));
}
