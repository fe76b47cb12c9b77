#!/usr/bin/env bash
# Load run against a real parkleit serve process and a private Mosquitto (see docs/reliability.md, "Load").
#   bench/load/run.sh [seconds=600] [rate=5000] [gateways=1000] [http-clients=4] [sse-clients=4] [http-rate=100]
# http-rate: requests/s over all HTTP readers (default $PARKLEIT_LOAD_HTTP_RATE or 100; 0 = each reader loops unpaced).
# PARKLEIT_LOAD_FLOOR=1: the floor, the same generator and broker without parkleit (a mosquitto_sub QoS 1 subscriber instead).
# PARKLEIT_LOAD_EVENT_LOOPS: event loops of the generator's Vert.x instance (default 1; 2 spreads the gateways over two).
# PARKLEIT_LOAD_GENERATOR_JAVA_OPTS: the generator JVM's options (default -Xmx512m).
# PARKLEIT_LOAD_CITY: city folder parkleit serves (default the demo city), e.g. one written by bench/load/region-city.py.
# PARKLEIT_LOAD_ARGS: more generator options, e.g. "--sensors 1000000 --change-every 120 --guidance-rate 100" (region shape,
#   docs/benchmarks.md, "Region-shaped load").
# Needs: a built app (app/target/parkleit.jar, e.g. `mvn -B -q -pl app -am package -DskipTests`; not for the floor),
# /usr/sbin/mosquitto, curl, python3. Builds the generator (bench/load/target/parkleit-load.jar + lib/) if it is
# missing or older than its sources. Writes bench/load/target/load-report.md; exits 1 on loss or errors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds="${1:-600}"; rate="${2:-5000}"; gateways="${3:-1000}"; clients="${4:-4}"; sse="${5:-4}"
http_rate="${6:-${PARKLEIT_LOAD_HTTP_RATE:-100}}"
app_dir="${PARKLEIT_LOAD_APP_DIR:-$repo/app/target}"   # a copy of app/target lets a build run meanwhile
jar="$app_dir/parkleit.jar"
[ -n "${PARKLEIT_LOAD_FLOOR:-}" ] || [ -f "$jar" ] || { echo "build the app first: mvn -B -q -pl app -am package -DskipTests" >&2; exit 2; }

# the generator: its own small module (profile bench); package only builds the jar and lib/, it runs nothing
gen="$here/target/parkleit-load.jar"
if [ ! -f "$gen" ] || [ ! -d "$here/target/lib" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$gen" -print -quit)" ]; then
  echo "building the load generator: mvn -B -q -ntp -Pbench -pl bench/load -am package -DskipTests" >&2
  (cd "$repo" && mvn -B -q -ntp -Pbench -pl bench/load -am package -DskipTests) || { echo "load generator build failed" >&2; exit 2; }
fi
generator=(java ${PARKLEIT_LOAD_GENERATOR_JAVA_OPTS:--Xmx512m} -jar "$gen" --event-loops "${PARKLEIT_LOAD_EVENT_LOOPS:-1}")

work="$(mktemp -d /tmp/parkleit-load.XXXXXX)"
. "$here/broker.sh"
mqtt_port="$(free_port)"; http_port="$(free_port)"; qdb_port="$(free_port)"
broker_conf "$work" "$mqtt_port"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

/usr/sbin/mosquitto -c "$work/mosquitto.conf" & pids+=("$!")
if [ -n "${PARKLEIT_LOAD_FLOOR:-}" ]; then
  # floor: the same generator and broker, no parkleit; one QoS 1 subscriber takes the readings as ingest would
  sleep 1
  mosquitto_sub -h 127.0.0.1 -p "$mqtt_port" -q 1 -c -i load-floor-sub -t 'parkleit/v1/#' > /dev/null & pids+=("$!")
  sleep 1
  mkdir -p "$here/target"
  "${generator[@]}" --mqtt "tcp://127.0.0.1:$mqtt_port" --http none --floor true \
    --seconds "$seconds" --rate "$rate" --gateways "$gateways" --report "$here/target/load-floor-report.md"
  exit $?
fi
if [ -n "${PARKLEIT_LOAD_CITY:-}" ]; then export PARKLEIT_CITY="$PARKLEIT_LOAD_CITY"; fi
PARKLEIT_HOME="$repo" PARKLEIT_DATA_DIR="$work/data" PARKLEIT_HTTP_PORT="$http_port" PARKLEIT_QUESTDB_HTTP_PORT="$qdb_port" \
PARKLEIT_MQTT_URL="tcp://127.0.0.1:$mqtt_port" PARKLEIT_INSTANCE_ID="load" PARKLEIT_MAP_TILE_URL=none \
PARKLEIT_HTTP_RATE_LIMIT=1000000 PARKLEIT_HTTP_RATE_BURST=1000000 \
  java ${PARKLEIT_LOAD_JAVA_OPTS:--Xms256m -Xmx1g} -jar "$jar" serve > "$work/parkleit.log" 2>&1 & parkleit_pid="$!"; pids+=("$parkleit_pid")

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$http_port/health/ready" >/dev/null || { echo "parkleit did not get ready; log: $work/parkleit.log" >&2; tail -20 "$work/parkleit.log" >&2; exit 2; }

mkdir -p "$here/target"
"${generator[@]}" --mqtt "tcp://127.0.0.1:$mqtt_port" \
  --http "http://127.0.0.1:$http_port" --seconds "$seconds" --rate "$rate" --gateways "$gateways" \
  --http-clients "$clients" --http-rate "$http_rate" --sse-clients "$sse" \
  --questdb "http://127.0.0.1:$qdb_port" --pid "$parkleit_pid" --report "$here/target/load-report.md" ${PARKLEIT_LOAD_ARGS:-}
