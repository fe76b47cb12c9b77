// Same-origin API calls for the planner. A 401 anywhere sends the user back to the login form.
export async function apiGet(url, accept) {
  const r = await fetch(url, { headers: { Accept: accept || 'application/json' }, credentials: 'same-origin' });
  return answer(r);
}

export async function apiSend(method, url, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(url, init));
}

async function answer(r) {
  let body = null;
  const type = r.headers.get('Content-Type') || '';
  if (r.status !== 204) {
    body = type.includes('json') ? await r.json().catch(() => null) : await r.text();
  }
  if (r.status === 401) {
    document.dispatchEvent(new CustomEvent('parkleit:unauthorized'));
  }
  return { status: r.status, ok: r.ok, body };
}
