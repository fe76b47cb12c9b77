// The base map: raster tiles when a tile server is configured and reachable, else (and always
// beneath them) the city's own road graph from /api/v1/roads drawn as vectors, coloured by live speed.
import { escapeHtml } from './dom.js';
import { t } from './i18n.js';

const ROAD_WEIGHT = { motorway: 5, trunk: 4.5, primary: 4, secondary: 3.4, tertiary: 2.8, residential: 1.6, service: 1 };

export function addTiles(map, config, showNotice) {
  if (!config.tileUrl) {
    document.body.classList.add('no-tiles');
    return;
  }
  const layer = L.tileLayer(config.tileUrl, {
    maxZoom: 19,
    attribution: escapeHtml(config.tileAttribution || ''),
    crossOrigin: false,
  });
  let loaded = 0;
  let failed = 0;
  layer.on('tileload', () => { loaded++; });
  layer.on('tileerror', () => {
    failed++;
    if (loaded === 0 && failed >= 4 && map.hasLayer(layer)) {
      map.removeLayer(layer);
      document.body.classList.add('no-tiles');
      showNotice(t('tilesOffline'));
    }
  });
  layer.addTo(map);
}

const ROADS_REFRESH_MS = 60000;

async function fetchRoads(cache) {
  try {
    const r = await fetch('api/v1/roads', { headers: { Accept: 'application/geo+json, application/json' }, cache });
    return r.ok ? await r.json() : null;
  } catch (e) {
    return null;
  }
}

/**
 * Draws the road graph if the server offers it and redraws it every minute, so the colours follow
 * live traffic; resolves to the first GeoJSON when drawn, else null.
 */
export async function addRoads(map) {
  const data = await fetchRoads('default');
  if (!data) {
    return null;
  }
  map.createPane('roads');
  map.getPane('roads').style.zIndex = 350;
  const layer = L.geoJSON(data, {
    pane: 'roads',
    interactive: false,
    style: roadStyle,
    renderer: L.canvas({ pane: 'roads' }),
  }).addTo(map);
  setInterval(async () => {
    const fresh = await fetchRoads('no-cache');
    if (fresh) {
      layer.clearLayers();
      layer.addData(fresh);
    }
  }, ROADS_REFRESH_MS);
  return data;
}

/** Street names with a point on each (the middle vertex of its first line), for the destination search. */
export function streetPlaces(geojson) {
  const out = new Map();
  for (const f of (geojson && geojson.features) || []) {
    const name = f.properties && typeof f.properties.name === 'string' ? f.properties.name.slice(0, 80) : null;
    const g = f.geometry;
    if (!name || out.has(name) || !g) {
      continue;
    }
    const line = g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' ? g.coordinates[0] : null;
    if (line && line.length) {
      const c = line[Math.floor(line.length / 2)];
      out.set(name, { name, lat: c[1], lon: c[0] });
    }
  }
  return [...out.values()];
}

/** Width by road class; colour by live speed relative to the limit when the feature has both. */
function roadStyle(feature) {
  const p = feature.properties || {};
  const weight = ROAD_WEIGHT[String(p.highway || '').replace('_link', '')] || 1.4;
  let color = '#9aa3b2';
  if (typeof p.speedKmh === 'number' && typeof p.maxspeedKmh === 'number' && p.maxspeedKmh > 0) {
    const ratio = p.speedKmh / p.maxspeedKmh;
    color = ratio >= 0.7 ? '#3fa34d' : ratio >= 0.4 ? '#f0a020' : '#d43d2a';
  }
  return { color, weight, opacity: 0.85, lineCap: 'round', lineJoin: 'round' };
}
