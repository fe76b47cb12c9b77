// Live push: Server-Sent Events from /api/v1/live. The browser reconnects by itself; every
// (re)connect starts with a snapshot, so nothing is missed while offline.
export function connectLive(handlers) {
  const source = new EventSource('api/v1/live');
  source.addEventListener('open', () => handlers.status('live'));
  source.addEventListener('error', () => handlers.status(source.readyState === EventSource.CLOSED ? 'closed' : 'offline'));
  source.addEventListener('snapshot', (e) => handlers.snapshot(JSON.parse(e.data)));
  source.addEventListener('state', (e) => handlers.state(JSON.parse(e.data)));
  source.addEventListener('signs', (e) => handlers.signs(JSON.parse(e.data)));
  source.addEventListener('sign', (e) => handlers.sign(JSON.parse(e.data)));
  return source;
}
