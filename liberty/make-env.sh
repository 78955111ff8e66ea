#!/usr/bin/env bash
# Writes liberty/server.env with generated passwords (once; an existing file is kept). Never commit it.
set -euo pipefail
env_file="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/server.env"
[ -f "$env_file" ] && { echo "$env_file exists"; exit 0; }
gen() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
umask 077
cat > "$env_file" <<ENV
BBVA_ADMIN_PASSWORD=$(gen)
BBVA_SUBMITTER_PASSWORD=$(gen)
BBVA_MONITOR_PASSWORD=$(gen)
BBVA_KEYSTORE_PASSWORD=$(gen)
ORT_DISABLE_TELEMETRY=1
ENV
echo "wrote $env_file (users admin, submitter, monitor)"
