// Operations: close or reserve a facility with reason and end time; list and lift overrides.
import { el } from './dom.js';
import { t, locale } from './i18n.js';
import { apiGet, apiSend } from './api.js';
import { fillTable } from './table.js';

let ctx;

export function initOps(context) {
  ctx = context;
  const until = document.getElementById('o-until');
  const d = new Date(Date.now() + 4 * 3600000);
  d.setMinutes(0, 0, 0);
  until.value = localInput(d);
  document.getElementById('ops-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
}

function localInput(d) {
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
}

export async function load() {
  const form = document.getElementById('ops-form');
  const operator = ctx.roles().includes('operator');
  form.dataset.disabled = operator ? 'false' : 'true';
  if (!operator) {
    document.getElementById('o-status-text').textContent = t('needOperator');
  }
  const r = await apiGet('api/v1/operations');
  if (!r.ok) {
    return;
  }
  const rows = r.body.filter((o) => o.active || Date.parse(o.until) > Date.now()).map((o) => {
    const btn = el('button', 'secondary small', t('lift'));
    btn.type = 'button';
    btn.disabled = !operator;
    btn.addEventListener('click', () => lift(o.id));
    return [o.name, t('st_' + o.status), o.reason, new Date(o.until).toLocaleString(locale()), o.by, btn];
  });
  const table = document.getElementById('o-list');
  fillTable(table, [t('facility'), t('status'), t('reason'), t('until'), t('by'), ''], rows);
  if (!rows.length) {
    fillTable(table, [t('noOps')], []);
  }
}

async function submit() {
  const id = document.getElementById('o-facility').value;
  const untilLocal = document.getElementById('o-until').value;
  const body = {
    status: document.getElementById('o-status').value,
    reason: document.getElementById('o-reason').value,
    until: new Date(untilLocal).toISOString(),
  };
  const r = await apiSend('PUT', 'api/v1/facilities/' + encodeURIComponent(id) + '/operation', body);
  const msg = document.getElementById('o-status-text');
  msg.textContent = r.ok ? t('opSaved') : t('opFailed', { e: (r.body && r.body.detail) || r.status });
  setTimeout(load, 500);
}

async function lift(id) {
  await apiSend('DELETE', 'api/v1/facilities/' + encodeURIComponent(id) + '/operation');
  setTimeout(load, 500);
}
