#!/bin/sh
# Creates the password file from the environment on every start, then runs Mosquitto.
# PARKLEIT_MQTT_PASSWORD: password of the parkleit service user.
# MQTT_GATEWAYS: space-separated "id:password" pairs, one per gateway (id = facility/detector id).
set -eu
pw=/mosquitto/data/passwd
: > "$pw"
mosquitto_passwd -b "$pw" parkleit "${PARKLEIT_MQTT_PASSWORD:?set PARKLEIT_MQTT_PASSWORD}"
for g in ${MQTT_GATEWAYS:-}; do
  mosquitto_passwd -b "$pw" "${g%%:*}" "${g#*:}"
done
chown mosquitto:mosquitto "$pw" 2>/dev/null || true
chmod 0700 "$pw"
exec mosquitto -c /mosquitto/config/mosquitto.conf
