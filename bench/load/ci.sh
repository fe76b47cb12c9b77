#!/usr/bin/env bash
# The 60-second CI variant of the load run: 1,000 readings/s from 100 gateways, 2 HTTP readers, one SSE client.
# Not part of `mvn verify`; run it as a separate CI step after packaging the app. Exits 1 on loss or errors.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" 60 1000 100 2
