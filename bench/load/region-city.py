#!/usr/bin/env python3
"""Writes a region-shaped city folder for bench/load (docs/benchmarks.md, "Region-shaped load").

    bench/load/region-city.py OUT_DIR [zones=10000] [zone_spaces=80] [garages=500] [garage_spaces=400]

The demo city's roads, signs and detectors are kept (guidance and signs run on Heidelberg's road graph),
its 20 facilities too, and ZONES on-street zones plus GARAGES garages are added on a grid over the city's
area: by default 10,000 x 80 + 500 x 400 = 1,000,000 spaces in 10,520 facilities. Synthetic: made-up ids
(rz00001, rg0001), names and places; nothing here is real data.
"""
import json
import shutil
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
demo = here.parent.parent / "cities" / "heidelberg"
out = Path(sys.argv[1])
zones, zone_spaces, garages, garage_spaces = (int(a) for a in (sys.argv[2:] + ["10000", "80", "500", "400"][len(sys.argv) - 2:])[:4])

out.mkdir(parents=True, exist_ok=True)
for f in ("roads.osm.pbf", "signs.geojson", "detectors.geojson"):
    shutil.copy(demo / f, out / f)
(out / "city.properties").write_text("# synthetic region for bench/load (region-city.py), Heidelberg's roads\n"
                                     "name=Region\nroads=roads.osm.pbf\nfacilities=facilities.geojson\n"
                                     "timezone=Europe/Berlin\nlocale=de\n")
fc = json.loads((demo / "facilities.geojson").read_text())
lon0, lon1, lat0, lat1 = 8.65, 8.72, 49.39, 49.42  # inside the demo city's road graph
def grid(i, n):
    side = max(1, int(n ** 0.5))
    return [round(lon0 + (lon1 - lon0) * (i % side) / side, 6), round(lat0 + (lat1 - lat0) * (i // side) / side, 6)]
for i in range(zones):
    fc["features"].append({"type": "Feature", "geometry": {"type": "Point", "coordinates": grid(i, zones)},
                           "properties": {"id": "rz%05d" % i, "name": "Zone %d" % i, "type": "on_street", "capacity": zone_spaces,
                                          "has_live_capacity": True}})
for i in range(garages):
    fc["features"].append({"type": "Feature", "geometry": {"type": "Point", "coordinates": grid(i, garages)},
                           "properties": {"id": "rg%04d" % i, "name": "Garage %d" % i, "type": "garage", "capacity": garage_spaces,
                                          "has_live_capacity": True}})
(out / "facilities.geojson").write_text(json.dumps(fc))
spaces = sum(f["properties"]["capacity"] for f in fc["features"])
print(f"{out}: {len(fc['features'])} facilities, {spaces} spaces")
