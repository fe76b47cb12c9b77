#!/usr/bin/env bash
# The 60-second CI variant of the load run: 1,000 readings/s from 100 gateways, 2 HTTP readers, 2 SSE readers and one stuck SSE client.
# Run by .ci/run after `mvn verify` (which packages the app). Exits 1 on loss or errors.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" 60 1000 100 2 2
