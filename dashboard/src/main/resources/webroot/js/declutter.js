// Keeps marker labels readable: where pills would overlap, the less important ones shrink to a
// coloured dot (still clickable, full label on zoom-in). Greedy by priority, in screen pixels.
import { level } from './facility-view.js';

const RANK = { high: 0, mid: 1, low: 2, full: 3, closed: 4, unknown: 5 };

export function declutter(map, entries) {
  const placed = [];
  const sorted = [...entries].sort((a, b) =>
    (RANK[level(a.data)] - RANK[level(b.data)]) || (b.data.capacity - a.data.capacity));
  for (const e of sorted) {
    e.markerEl.classList.remove('compact');
  }
  for (const e of sorted) {
    const p = map.latLngToContainerPoint(e.marker.getLatLng());
    const pill = e.markerEl.querySelector('.pl-pill');
    const w = pill.offsetWidth || 60;
    const h = (pill.offsetHeight || 24) + 8;
    const box = [p.x - w / 2 - 2, p.y - h - 2, p.x + w / 2 + 2, p.y + 2];
    if (placed.some((q) => overlaps(box, q))) {
      e.markerEl.classList.add('compact');
      placed.push([p.x - 8, p.y - 8, p.x + 8, p.y + 8]);
    } else {
      placed.push(box);
    }
  }
}

function overlaps(a, b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
