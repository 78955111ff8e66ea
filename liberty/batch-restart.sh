#!/usr/bin/env bash
# Restart a FAILED or STOPPED execution of the video-analysis job with Liberty's batchManager, waiting
# for it to end. The job resumes from its last checkpoint with its previous parameters; a failAtFrame
# left over from a forced failure is cleared.
#   liberty/batch-restart.sh EXECUTION_ID [more batchManager options]
# Exit status: batchManager's, 35 = COMPLETED (30 + the final batch status ordinal).
# The admin password goes to batchManager in a private control-properties file, never on a command line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 EXECUTION_ID   (GET /bbva/api/analyses/{id} shows executionId)" >&2; exit 2; }
set -a; . "$root/liberty/server.env"; set +a
execution="$1"; shift
control="$(umask 077; mktemp)"
trap 'rm -f "$control"' EXIT
printf -- '--user=admin\n--password=%s\n' "$BBVA_ADMIN_PASSWORD" > "$control"
"$root/target/liberty/wlp/bin/batchManager" restart --batchManager="localhost:${BBVA_HTTPS_PORT:-9443}" \
  --controlPropertiesFile="$control" --trustSslCertificates \
  --jobExecutionId="$execution" --reusePreviousParams --jobParameter=failAtFrame= --wait --pollingInterval_s=2 "$@"
