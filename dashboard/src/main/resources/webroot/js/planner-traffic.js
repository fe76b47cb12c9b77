// Traffic per loop detector: detector, range and resolution pickers, uPlot chart of vehicles per hour
// and mean speed, CSV export.
import { el, clear } from './dom.js';
import { t, locale, uplotTime } from './i18n.js';
import { apiGet } from './api.js';
import { toCsv, download } from './csv.js';

const DEFAULT_STEP = { 1: '5m', 7: '1h', 30: '3h', 90: '12h' };
let ctx;
let plot;
let detectors = null;
let last = null; // { detector, buckets }

export function initTraffic(context) {
  ctx = context;
  const range = document.getElementById('t-range');
  range.addEventListener('change', () => {
    document.getElementById('t-step').value = DEFAULT_STEP[range.value] || '1h';
    load();
  });
  document.getElementById('t-step').addEventListener('change', load);
  document.getElementById('t-detector').addEventListener('change', load);
  document.getElementById('t-csv').addEventListener('click', exportCsv);
  document.getElementById('t-step').value = DEFAULT_STEP[range.value];
  window.addEventListener('resize', () => { if (plot) { plot.setSize(size()); } });
}

async function loadDetectors() {
  const r = await apiGet('api/v1/detectors');
  if (!r.ok || !Array.isArray(r.body)) {
    return null;
  }
  const sel = document.getElementById('t-detector');
  clear(sel);
  r.body.forEach((d) => {
    const o = document.createElement('option');
    o.value = d.id;
    o.textContent = d.name;
    sel.append(o);
  });
  return r.body;
}

export async function load() {
  const status = document.getElementById('t-status');
  if (!detectors) {
    detectors = await loadDetectors();
    if (!detectors) {
      status.textContent = t('trafficUnavailable');
      return;
    }
  }
  if (!detectors.length) {
    status.textContent = t('noDetectors');
    draw(null, []);
    return;
  }
  const id = document.getElementById('t-detector').value;
  const d = detectors.find((x) => x.id === id);
  document.getElementById('t-road').textContent = d ? [d.road, t('lanes') + ': ' + d.lanes, d.id].filter(Boolean).join(' · ') : '';
  const days = Number(document.getElementById('t-range').value);
  const step = document.getElementById('t-step').value;
  const to = new Date();
  const from = new Date(to.getTime() - days * 86400000);
  status.textContent = t('loading');
  const r = await apiGet('api/v1/detectors/' + encodeURIComponent(id) + '/history?from=' + from.toISOString()
    + '&to=' + to.toISOString() + '&step=' + encodeURIComponent(step));
  if (!r.ok || !r.body || !Array.isArray(r.body.buckets)) {
    status.textContent = r.body && r.body.detail ? t('trafficUnavailable') + ' (' + r.body.detail + ')' : t('trafficUnavailable');
    draw(id, []);
    return;
  }
  status.textContent = r.body.buckets.length ? '' : t('noData');
  draw(id, r.body.buckets);
}

function size() {
  const box = document.getElementById('t-chart');
  return { width: Math.max(300, box.clientWidth), height: 360 };
}

function draw(id, buckets) {
  last = { detector: id, buckets };
  const box = document.getElementById('t-chart');
  if (plot) {
    plot.destroy();
    plot = null;
  }
  clear(box);
  box.dataset.points = String(buckets.length);
  stats(buckets);
  if (!buckets.length) {
    return;
  }
  const xs = buckets.map((b) => Date.parse(b.start) / 1000);
  const tz = ctx.timezone();
  const tm = uplotTime(box);
  plot = new uPlot({
    ...size(),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
    fmtDate: tm.fmtDate,
    hooks: tm.hooks,
    scales: { x: { time: true }, veh: { range: (u, min, max) => [0, Math.max(10, max * 1.1)] }, kmh: { range: [0, 70] } },
    series: [
      { label: t('time'), value: (u, v) => (v == null ? '' : new Date(v * 1000).toLocaleString(locale(), { timeZone: tz })) },
      { label: t('vehiclesPerHour'), scale: 'veh', stroke: '#1d4ed8', width: 2, fill: 'rgba(29,78,216,0.08)' },
      { label: t('speedKmh'), scale: 'kmh', stroke: '#ea580c', width: 1.5 },
    ],
    axes: [{ values: tm.values }, { scale: 'veh', label: t('vehiclesPerHour') }, { scale: 'kmh', side: 1, label: t('speedKmh'), grid: { show: false } }],
  }, [xs, buckets.map((b) => b.vehiclesPerHour), buckets.map((b) => b.meanSpeedKmh)], box);
}

function stats(buckets) {
  const box = document.getElementById('t-stats');
  clear(box);
  if (!buckets.length) {
    return;
  }
  const tz = ctx.timezone();
  const peak = buckets.reduce((a, b) => (b.vehiclesPerHour > a.vehiclesPerHour ? b : a));
  const speeds = buckets.filter((b) => typeof b.meanSpeedKmh === 'number');
  add(box, String(Math.round(peak.vehiclesPerHour)), t('vehiclesPerHour') + ' · ' + t('peakFlow') + ' '
    + new Date(peak.start).toLocaleString(locale(), { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit' }));
  if (speeds.length) {
    add(box, Math.round(Math.min(...speeds.map((b) => b.meanSpeedKmh))) + ' km/h', t('lowestSpeed'));
  }
  add(box, buckets.reduce((s, b) => s + b.vehicles, 0).toLocaleString(locale()), t('vehiclesTotal'));
}

function add(box, value, label) {
  const s = el('div', 'stat');
  s.append(el('b', null, value), el('span', null, label));
  box.append(s);
}

function exportCsv() {
  if (!last || !last.detector) {
    return;
  }
  const rows = [['start', 'vehicles', 'vehiclesPerHour', 'meanSpeedKmh', 'meanOccupancyPct', 'samples']]
    .concat(last.buckets.map((b) => [b.start, b.vehicles, b.vehiclesPerHour, b.meanSpeedKmh, b.meanOccupancyPct, b.samples]));
  download(last.detector + '-traffic.csv', toCsv(rows));
}
