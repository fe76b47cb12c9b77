#!/usr/bin/env bash
# How a Mosquitto with parkleit's shipped settings behaves when its QoS 1 subscriber falls behind (see docs/reliability.md, "Broker under backlog").
#   bench/broker/run.sh [seconds=150] [rate=5000] [ack-rate=3000] [autosave-interval=1] [states=same|separate|none]
# Starts a private /usr/sbin/mosquitto with the settings of deploy/mosquitto/mosquitto.conf that matter here (persistence,
# autosave_interval, max_inflight_messages 1000, max_queued_messages 1000000; anonymous, no ACL) and runs BrokerBacklog.java
# on the app's class path (build the app first: mvn -B -q -pl app -am package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds="${1:-150}"; rate="${2:-5000}"; ack_rate="${3:-3000}"; autosave="${4:-1}"; states="${5:-same}"
lib="$repo/app/target/lib"
[ -d "$lib" ] || { echo "build the app first: mvn -B -q -pl app -am package -DskipTests" >&2; exit 2; }
work="$(mktemp -d /tmp/parkleit-broker.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
cat > "$work/mosquitto.conf" <<CONF
listener $port 127.0.0.1
user $(id -un)
allow_anonymous true
persistence true
persistence_location $work/
autosave_interval $autosave
max_queued_messages 1000000
max_inflight_messages 1000
log_dest file $work/mosquitto.log
CONF
/usr/sbin/mosquitto -c "$work/mosquitto.conf" & broker="$!"
trap 'kill $broker 2>/dev/null || true' EXIT
sleep 1
echo "Mosquitto $(/usr/sbin/mosquitto -h | head -1 | awk '{print $3}'), autosave_interval $autosave, $rate/s published, subscriber acks at most $ack_rate/s, states: $states, $(uptime | sed 's/.*load/load/')"
java -Xmx2g -cp "$lib/*" "$here/BrokerBacklog.java" "tcp://127.0.0.1:$port" "$rate" "$ack_rate" "$seconds" "$states"
echo "broker database at the end: $(du -h "$work/mosquitto.db" 2>/dev/null | cut -f1), $(uptime | sed 's/.*load/load/')"
