#!/usr/bin/env bash
# Generator cost, side by side (docs/reliability.md, "Load", "Generator"): the Paho generator of an older
# commit (single-file LoadRun.java on the app's class path) and the current Vert.x one, each in floor mode
# (no parkleit) against ONE private Mosquitto with run.sh's settings and one mosquitto_sub QoS 1 subscriber,
# alternately, `rounds` times each. CPU of the generator JVM and of Mosquitto from /proc/<pid>/stat, taken
# when the generator prints its t=5s and its last progress line: CPU seconds per 1,000 readings sent in between.
#   bench/load/compare-generators.sh [seconds=60] [rate=5000] [gateways=1000] [rounds=2] [paho-rev=6e6bc4a]
# PARKLEIT_LOAD_GENERATORS: which, in this order each round (default "paho vertx vertx-2loops": Paho, Vert.x
# with one event loop, Vert.x with two).
# Needs app/target (parkleit.jar + lib/, for Paho and HdrHistogram) and the generator (built by run.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"; rate="${2:-5000}"; gateways="${3:-1000}"; rounds="${4:-2}"; rev="${5:-6e6bc4a}"
app_dir="${PARKLEIT_LOAD_APP_DIR:-$repo/app/target}"
work="$(mktemp -d /tmp/parkleit-gencmp.XXXXXX)"
mkdir -p "$work/paho"
git -C "$repo" show "$rev:bench/load/LoadRun.java" > "$work/paho/LoadRun.java"
[ -f "$here/target/parkleit-load.jar" ] || (cd "$repo" && mvn -B -q -ntp -Pbench -pl bench/load -am package -DskipTests)
. "$here/broker.sh"
port="$(free_port)"
broker_conf "$work" "$port"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
/usr/sbin/mosquitto -c "$work/mosquitto.conf" & broker="$!"; pids+=("$broker")
sleep 1
mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -c -i gencmp-sub -t 'parkleit/v1/#' > /dev/null & pids+=("$!")
sleep 1
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo -1; }
hz="$(getconf CLK_TCK)"

one() { # name, command...
  local name="$1"; shift
  local out="$work/$name.out"
  "$@" --mqtt "tcp://127.0.0.1:$port" --http none --floor true --seconds "$seconds" --rate "$rate" --gateways "$gateways" \
    --report "$work/$name.md" > "$out" 2>&1 & local pid="$!"
  local seen=0 g5="" b5="" a5="" s5="" gl="" bl="" al="" sl="" tl=""
  while kill -0 "$pid" 2>/dev/null; do
    local n; n="$(grep -c '^t=' "$out" || true)"
    if [ "$n" -gt "$seen" ]; then
      seen="$n"
      local g b line; g="$(ticks "$pid")"; b="$(ticks "$broker")"; line="$(grep '^t=' "$out" | tail -1)"
      local t a s; t="$(sed -E 's/^t=([0-9]+)s.*/\1/' <<<"$line")"; a="$(sed -E 's/.* acked=([0-9]+).*/\1/' <<<"$line")"
      s="$(sed -E 's/.* sent=([0-9]+).*/\1/' <<<"$line")"
      if [ -z "$g5" ]; then g5="$g"; b5="$b"; a5="$a"; s5="$s"; t5="$t"; fi
      gl="$g"; bl="$b"; al="$a"; sl="$s"; tl="$t"
    fi
    sleep 0.1
  done
  wait "$pid" || true
  local verdict ack; verdict="$(grep -E '^(PASS|FAIL)' "$out" | tail -1 | cut -c1-60)"
  ack="$(awk -F'|' '/^\| run \|/ { for (i = 1; i <= NF; i++) if ($i ~ /publish ack/) c = i; getline; getline; gsub(/^ +| +$/, "", $c); print $c; exit }' "$out")"
  awk -v n="$name" -v g="$((gl - g5))" -v b="$((bl - b5))" -v a="$((al - a5))" -v s="$((sl - s5))" -v dt="$((tl - t5))" -v hz="$hz" -v v="$verdict" -v ack="$ack" 'BEGIN {
    printf "| %s | t=%s..%s s | %.0f / %.0f | %.1f (%.0f %%) | %.3f | %.1f (%.0f %%) | %s | %s |\n", n, "5", dt + 5, s / dt, a / dt, g / hz, 100 * g / hz / dt, (g / hz) / (s / 1000), b / hz, 100 * b / hz / dt, ack, v }'
}

echo "| generator | window | sent / acked per s in window | generator CPU s (of one core) | generator CPU s per 1,000 readings sent | Mosquitto CPU s (of one core) | publish ack p50 / p99 ms (whole run) | verdict |"
echo "|---|---|---:|---:|---:|---:|---|---|"
for r in $(seq 1 "$rounds"); do
  for g in ${PARKLEIT_LOAD_GENERATORS:-paho vertx vertx-2loops}; do
    case "$g" in
      paho) one "paho-$r" java -Xmx512m -cp "$app_dir/parkleit.jar:$app_dir/lib/*" "$work/paho/LoadRun.java" ;;
      vertx) one "vertx-$r" java -Xmx512m -jar "$here/target/parkleit-load.jar" --event-loops 1 ;;
      vertx-2loops) one "vertx-2loops-$r" java -Xmx512m -jar "$here/target/parkleit-load.jar" --event-loops 2 ;;
    esac
  done
done
echo "(outputs and reports: $work)"
