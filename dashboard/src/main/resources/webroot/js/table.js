// Fills a <table> from rows of plain values; every cell is text.
import { el, clear } from './dom.js';

export function fillTable(table, headers, rows, monoColumns) {
  clear(table);
  const thead = el('thead');
  const tr = el('tr');
  headers.forEach((h) => tr.append(el('th', null, h)));
  thead.append(tr);
  const tbody = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    row.forEach((v, i) => {
      const td = el('td', monoColumns && monoColumns.includes(i) ? 'mono' : null);
      if (v instanceof Node) {
        td.append(v);
      } else {
        td.textContent = v === null || v === undefined ? '' : String(v);
      }
      r.append(td);
    });
    tbody.append(r);
  }
  table.append(thead, tbody);
}

/** Horizontal bars: [{label, value}] scaled to the largest value. */
export function fillBars(box, items) {
  clear(box);
  const max = Math.max(1, ...items.map((i) => i.value));
  for (const i of items) {
    const row = el('div', 'bar-row');
    const bar = el('div', 'bar');
    bar.style.width = (100 * i.value / max).toFixed(1) + '%';
    const track = el('div', 'bar-track');
    track.append(bar);
    row.append(el('span', 'bar-label', i.label), track, el('span', 'num', String(i.value)));
    box.append(row);
  }
}
