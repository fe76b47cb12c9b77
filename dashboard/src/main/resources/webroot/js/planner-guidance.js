// Guidance and signs: recommendations issued per hour (chart) and their spread over facilities (bars
// and table), what each sign shows now, and the sign log.
import { el, clear } from './dom.js';
import { t, locale, uplotTime } from './i18n.js';
import { apiGet } from './api.js';
import { fillTable, fillBars } from './table.js';
import { toCsv, download } from './csv.js';

let ctx;
let audit = [];
let stats = null;
let plot;

export function initGuidanceTab(context) {
  ctx = context;
  document.getElementById('g-csv').addEventListener('click', () => download('sign-log.csv',
    toCsv([['at', 'sign', 'text']].concat(audit.map((a) => [a.at, a.sign, a.text])))));
  document.getElementById('g-stats-csv').addEventListener('click', () => {
    if (stats) {
      download('guidance-issued.csv', toCsv([['hour', 'facility', 'count']]
        .concat(stats.counts.map((c) => [c.hour, c.facility, c.count]))));
    }
  });
  document.getElementById('g-range').addEventListener('change', loadStats);
  window.addEventListener('resize', () => { if (plot) { plot.setSize(size()); } });
}

export async function load() {
  await loadStats();
  const signs = await apiGet('api/v1/signs');
  if (signs.ok) {
    fillTable(document.getElementById('g-signs'), [t('sign'), t('text'), t('until')],
      signs.body.map((s) => [s.name, s.lines.map((l) => l.text).join(' | '), s.validUntil ? new Date(s.validUntil).toLocaleString(locale()) : '']));
  }
  const acks = await apiGet('api/v1/signs/acks');
  if (acks.ok) {
    const alerts = acks.body.filter((k) => k.alert).length;
    const status = document.getElementById('g-acks-status');
    status.textContent = acks.body.length ? t('ackAlertRule', { s: acks.body[0].alertAfterSeconds, n: alerts }) : t('noAcks');
    status.classList.toggle('alert', alerts > 0);
    fillTable(document.getElementById('g-acks'), [t('sign'), t('decided'), t('displayed'), t('lastAck'), t('fault')],
      acks.body.map((k) => [k.name, k.decided || '', k.displayed === null ? '?' : (k.displayed || '(—)'),
        t('ago') + ' ' + k.ackAgeSeconds + ' s' + (k.alert ? ' · ' + t('ackAlert') : ''), k.fault || (k.safe ? 'safe: ' + k.safe : '')]));
    document.getElementById('g-acks').dataset.faults = String(acks.body.filter((k) => k.fault).length);
    document.getElementById('g-acks').dataset.alerts = String(alerts);
  }
  const a = await apiGet('api/v1/signs/audit');
  if (a.ok) {
    audit = a.body;
    fillTable(document.getElementById('g-audit'), [t('time'), t('sign'), t('text')],
      audit.map((e) => [new Date(e.at).toLocaleString(locale()), e.sign, e.text]), [2]);
  }
}

async function loadStats() {
  const days = Number(document.getElementById('g-range').value);
  const to = new Date();
  const from = new Date(to.getTime() - days * 86400000);
  const status = document.getElementById('g-stats-status');
  status.textContent = t('loading');
  const r = await apiGet('api/v1/stats/guidance?from=' + from.toISOString() + '&to=' + to.toISOString());
  if (!r.ok || !r.body || !Array.isArray(r.body.perHour)) {
    stats = null;
    status.textContent = t('guidanceStatsUnavailable') + (r.body && r.body.detail ? ' (' + r.body.detail + ')' : '');
    drawChart([]);
    return;
  }
  stats = r.body;
  status.textContent = stats.total ? '' : t('noData');
  totals(stats);
  drawChart(stats.perHour);
  const spread = stats.perFacility.map((f) => ({ id: f.facility, label: f.name || ctx.name(f.facility), value: f.count, share: f.share }));
  fillBars(document.getElementById('g-stats'), spread.slice(0, 12));
  fillTable(document.getElementById('g-facilities'), [t('facility'), t('recommendations'), t('share')],
    spread.map((f) => [f.label, f.value.toLocaleString(locale()), Math.round(f.share * 1000) / 10 + ' %']));
  document.getElementById('g-facilities').dataset.rows = String(spread.length);
}

function totals(s) {
  const box = document.getElementById('g-total');
  clear(box);
  const busiest = s.perHour.reduce((a, b) => (b.count > a.count ? b : a), { count: 0, hour: null });
  add(box, s.total.toLocaleString(locale()), t('recommendationsTotal'));
  if (busiest.hour) {
    add(box, String(busiest.count), t('busiestHour') + ' · ' + new Date(busiest.hour).toLocaleString(locale(),
      { timeZone: ctx.timezone(), weekday: 'short', hour: '2-digit', minute: '2-digit' }));
  }
}

function add(box, value, label) {
  const s = el('div', 'stat');
  s.append(el('b', null, value), el('span', null, label));
  box.append(s);
}

function size() {
  const box = document.getElementById('g-chart');
  return { width: Math.max(300, box.clientWidth), height: 220 };
}

function drawChart(perHour) {
  const box = document.getElementById('g-chart');
  if (plot) {
    plot.destroy();
    plot = null;
  }
  clear(box);
  box.dataset.points = String(perHour.filter((h) => h.count > 0).length);
  if (!perHour.length) {
    return;
  }
  const tz = ctx.timezone();
  const tm = uplotTime(box);
  plot = new uPlot({
    ...size(),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
    fmtDate: tm.fmtDate,
    hooks: tm.hooks,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(5, max * 1.1)] } },
    series: [
      { label: t('time'), value: (u, v) => (v == null ? '' : new Date(v * 1000).toLocaleString(locale(), { timeZone: tz })) },
      { label: t('perHour'), stroke: '#7c3aed', width: 1.5, fill: 'rgba(124,58,237,0.12)', paths: uPlot.paths.stepped({ align: 1 }) },
    ],
    axes: [{ values: tm.values }, { label: t('perHour') }],
  }, [perHour.map((h) => Date.parse(h.hour) / 1000), perHour.map((h) => h.count)], box);
}
