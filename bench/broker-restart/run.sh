#!/usr/bin/env bash
# bench/broker-restart/run.sh <mode> <count> <faultAt> [shareGroup]   (docs/reliability.md, "Broker restart")
#   mode: none | term (SIGTERM, start again 2 s later) | kill (SIGKILL 1.5 s after the publisher paused, i.e. after
#         an autosave) | kill0 (SIGKILL at once); env PERSIST (true), AUTOSAVE (1) set the broker's settings
# A private Mosquitto (allow_anonymous, max_queued_messages 0, on a free port, own folder) + the packaged
# `parkleit serve` (embedded QuestDB) + Pub.java: a Paho publisher with a persistent session, QoS 1, 100 in
# flight, readings 1 ms apart for the 20 Heidelberg garages; pauses at <faultAt>, the broker is restarted, the
# rest follows. Prints the rows stored. Needs a built app/target/parkleit.jar (mvn -B -q -pl app -am -DskipTests package).
set -u
mode=$1; n=$2; at=$3; group=${4:-}
W=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$W/bench/broker-restart/target; mkdir -p $here
grep -o '"id": *"[a-z0-9]*"' $W/cities/heidelberg/facilities.geojson | sed 's/.*"\([a-z0-9]*\)"$/\1/' > $here/facilities.txt
run=$here/run-$mode-$$; mkdir -p $run/mq; cd $here; rm -f go
free() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
MP=$(free); HP=$(free); QP=$(free)
cat > $run/mq/mosquitto.conf <<C
listener $MP 127.0.0.1
user $(id -un)
allow_anonymous true
persistence ${PERSIST:-true}
persistence_location $run/mq/
autosave_interval ${AUTOSAVE:-1}
max_queued_messages 0
log_dest file $run/mq/mosquitto.log
log_type all
C
startmq() { mosquitto -c $run/mq/mosquitto.conf >>$run/mq/out.log 2>&1 & echo $! > $run/mq.pid; sleep 0.5; }
startmq
export PARKLEIT_HOME=$W PARKLEIT_DATA_DIR=$run/data PARKLEIT_HTTP_PORT=$HP PARKLEIT_QUESTDB_HTTP_PORT=$QP PARKLEIT_MQTT_URL=tcp://127.0.0.1:$MP PARKLEIT_MAP_TILE_URL=none PARKLEIT_INSTANCE_ID=repro
[ -n "$group" ] && export PARKLEIT_INGEST_SHARE_GROUP=$group
java -Xmx1g -jar $W/app/target/parkleit.jar serve > $run/node.log 2>&1 & node=$!
for i in $(seq 1 120); do curl -sf localhost:$HP/health/ready >/dev/null && break; sleep 0.5; done
base=$(( ($(date +%s) - 3600) * 1000 ))
java -cp "$W/app/target/lib/*" $W/bench/broker-restart/Pub.java tcp://127.0.0.1:$MP $n $at $base > $run/pub.log 2>&1 & pub=$!
while ! grep -q PAUSE $run/pub.log; do sleep 0.1; done
case $mode in
  term) kill -TERM $(cat $run/mq.pid); wait $(cat $run/mq.pid) 2>/dev/null; sleep 2; startmq ;;
  kill0) kill -KILL $(cat $run/mq.pid); sleep 2; startmq ;;
  kill) sleep 1.5; kill -KILL $(cat $run/mq.pid); sleep 2; startmq ;;
esac
touch go
wait $pub
sleep 15; curl -s localhost:$HP/metrics | grep -E "^parkleit_(mqtt_received|mqtt_unacked|ingest_accepted|mqtt_stale|mqtt_paused)" > $run/metrics.txt
q() { curl -s -G localhost:$QP/exec --data-urlencode "query=$1" | python3 -c 'import sys,json;print(json.load(sys.stdin)["dataset"][0][0])'; }
from=$(date -u -d @$((base/1000)) +%FT%T.000000Z)
rows=$(q "select count() from parking_occupancy where ts >= '$from'")
distinct=$(q "select count() from (select distinct facility, ts from parking_occupancy where ts >= '$from')")
echo "persist=${PERSIST:-true} autosave=${AUTOSAVE:-1} mode=$mode group=${group:-default} $(grep DONE $run/pub.log) rows=$rows distinct=$distinct health=$(curl -s -o /dev/null -w '%{http_code}' localhost:$HP/health/ready)"
kill $node; wait $node 2>/dev/null; kill $(cat $run/mq.pid) 2>/dev/null
echo "run dir $run"
