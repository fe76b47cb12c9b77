// CSV export of any table or chart: RFC 4180 quoting, a formula-injection guard, download as a file.
export function toCsv(rows) {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(v) {
  if (v === null || v === undefined) {
    return '';
  }
  let s = String(v);
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) {
    s = "'" + s; // spreadsheet programs must not evaluate exported text as a formula
  }
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function download(filename, text) {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
