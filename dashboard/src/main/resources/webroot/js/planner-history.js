// Occupancy history of one facility: range and resolution pickers, uPlot chart, CSV export.
import { el, clear } from './dom.js';
import { t, locale, uplotTime } from './i18n.js';
import { apiGet } from './api.js';
import { toCsv, download } from './csv.js';

const DEFAULT_STEP = { 1: '5m', 7: '1h', 30: '3h', 90: '12h' };
let ctx;
let plot;
let last = null; // { facility, buckets }

export function initHistory(context) {
  ctx = context;
  const range = document.getElementById('h-range');
  range.addEventListener('change', () => {
    document.getElementById('h-step').value = DEFAULT_STEP[range.value] || '1h';
    load();
  });
  document.getElementById('h-step').addEventListener('change', load);
  document.getElementById('h-facility').addEventListener('change', load);
  document.getElementById('h-csv').addEventListener('click', exportCsv);
  document.getElementById('h-step').value = DEFAULT_STEP[range.value];
  window.addEventListener('resize', () => { if (plot) { plot.setSize(size()); } });
}

export async function load() {
  const id = document.getElementById('h-facility').value;
  const days = Number(document.getElementById('h-range').value);
  const step = document.getElementById('h-step').value;
  const to = new Date();
  const from = new Date(to.getTime() - days * 86400000);
  const status = document.getElementById('h-status');
  status.textContent = t('loading');
  const r = await apiGet('api/v1/facilities/' + encodeURIComponent(id) + '/history?from=' + from.toISOString()
    + '&to=' + to.toISOString() + '&step=' + encodeURIComponent(step));
  if (!r.ok || !r.body || !Array.isArray(r.body.buckets)) {
    status.textContent = r.body && r.body.detail ? t('historyUnavailable') + ' (' + r.body.detail + ')' : t('historyUnavailable');
    draw(id, []);
    return;
  }
  status.textContent = r.body.buckets.length ? '' : t('noData');
  draw(id, r.body.buckets);
}

function size() {
  const box = document.getElementById('h-chart');
  return { width: Math.max(300, box.clientWidth), height: 360 };
}

function draw(id, buckets) {
  last = { facility: id, buckets };
  const box = document.getElementById('h-chart');
  if (plot) {
    plot.destroy();
    plot = null;
  }
  clear(box);
  box.dataset.points = String(buckets.length);
  stats(id, buckets);
  if (!buckets.length) {
    return;
  }
  const xs = buckets.map((b) => Date.parse(b.start) / 1000);
  const cap = ctx.capacity(id);
  const tz = ctx.timezone();
  const tm = uplotTime(box);
  plot = new uPlot({
    ...size(),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
    fmtDate: tm.fmtDate,
    hooks: tm.hooks,
    scales: { x: { time: true }, y: { range: [0, Math.max(cap, ...buckets.map((b) => b.maxFree))] } },
    series: [
      { label: t('time'), value: (u, v) => (v == null ? '' : new Date(v * 1000).toLocaleString(locale(), { timeZone: tz })) },
      { label: t('meanFree'), stroke: '#1d4ed8', width: 2, fill: 'rgba(29,78,216,0.08)' },
      { label: t('minFree'), stroke: '#dc2626', width: 1, dash: [4, 4] },
      { label: t('maxFree'), stroke: '#15803d', width: 1, dash: [4, 4] },
    ],
    axes: [{ values: tm.values }, { label: t('free') + ' / ' + cap }],
  }, [xs, buckets.map((b) => b.meanFree), buckets.map((b) => b.minFree), buckets.map((b) => b.maxFree)], box);
}

function stats(id, buckets) {
  const box = document.getElementById('h-stats');
  clear(box);
  if (!buckets.length) {
    return;
  }
  const cap = ctx.capacity(id);
  const worst = buckets.reduce((a, b) => (b.minFree < a.minFree ? b : a));
  const mean = buckets.reduce((s, b) => s + b.meanFree, 0) / buckets.length;
  const tz = ctx.timezone();
  add(box, Math.round(100 * (1 - worst.minFree / cap)) + ' %', t('peakOccupancy') + ' · '
    + new Date(worst.start).toLocaleString(locale(), { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit' }));
  add(box, String(worst.minFree), t('lowestFree'));
  add(box, String(Math.round(mean)), t('average') + ' ' + t('free'));
}

function add(box, value, label) {
  const s = el('div', 'stat');
  s.append(el('b', null, value), el('span', null, label));
  box.append(s);
}

function exportCsv() {
  if (!last) {
    return;
  }
  const rows = [['start', 'meanFree', 'minFree', 'maxFree', 'samples']]
    .concat(last.buckets.map((b) => [b.start, b.meanFree, b.minFree, b.maxFree, b.samples]));
  download(last.facility + '-history.csv', toCsv(rows));
}
