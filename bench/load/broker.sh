# Sourced by run.sh and compare-generators.sh: free ports and the private Mosquitto's config (the shipped
# config's settings, anonymous, persistence in the run's directory).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# The private broker runs with the shipped max_queued_messages 1000000; PARKLEIT_LOAD_MAX_QUEUED overrides
# (0 = no limit). Until session 4 soak runs lost readings here: the broker's queues for the state and sign
# subscribers grew without bound and slowed it (docs/reliability.md, "Soak").
max_queued() { echo "${PARKLEIT_LOAD_MAX_QUEUED:-1000000}"; }

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
