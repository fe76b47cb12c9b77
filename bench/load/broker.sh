# Sourced by run.sh and compare-generators.sh: free ports and the private Mosquitto's config (the shipped
# config's settings, anonymous, persistence in the run's directory).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# In soak runs Debian's Mosquitto 2.0.11 ends up holding about a million ingest messages "waiting for PUBACK"
# that ingest has acknowledged, counts them against max_queued_messages and then drops what it acknowledged to the
# gateways ("Outgoing messages are being dropped for client ..."; docs/reliability.md, "Soak"). Before 2.0.13 the
# private broker runs with max_queued_messages 0 (no limit), so a run shows the slowdown rather than loss;
# PARKLEIT_LOAD_MAX_QUEUED overrides (1000000 = the shipped setting).
max_queued() {
  if [ -n "${PARKLEIT_LOAD_MAX_QUEUED:-}" ]; then echo "$PARKLEIT_LOAD_MAX_QUEUED"; return; fi
  local v; v="$(/usr/sbin/mosquitto -h 2>/dev/null | head -1 | awk '{print $3}')"
  case "$v" in 2.0.[0-9]|2.0.1[0-2]) echo 0 ;; *) echo 1000000 ;; esac
}

# broker_conf <work dir> <port>: writes <work dir>/mosquitto.conf
broker_conf() {
  cat > "$1/mosquitto.conf" <<CONF
listener $2 127.0.0.1
user $(id -un)
allow_anonymous true
persistence true
persistence_location $1/
autosave_interval 1
max_queued_messages $(max_queued)
max_inflight_messages 1000
max_connections -1
log_dest file $1/mosquitto.log
CONF
}
