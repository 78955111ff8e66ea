#!/usr/bin/env bash
# One command for Open Liberty: builds target/bbva.war, downloads the runtime through Maven (first time),
# creates server "bbva" from server.xml + liberty/, and runs it in the foreground (Ctrl-C stops it).
#   BBVA_MEDIA_DIR   videos the API may analyse (default: ../shared/media beside the project, else ./media)
#   BBVA_MODELS_DIR  ONNX models (default: ./models)
#   BBVA_DATA_DIR    Derby database (default: ~/.bbva/liberty; kept across mvn clean)
#   BBVA_DB_URL      PostgreSQL instead of Derby (jdbc:postgresql://HOST:PORT/DB; BBVA_DB_USER, BBVA_DB_PASSWORD)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash liberty/make-env.sh
media="${BBVA_MEDIA_DIR:-}"
if [ -z "$media" ]; then
  if [ -d ../shared/media ]; then media="$(cd ../shared/media && pwd)"; else media="$root/media"; mkdir -p "$media"; fi
fi
mvn -B -q -DskipTests -Dliberty.bootstrap.bbva.media.dir="$media" \
  -Dliberty.bootstrap.bbva.models.dir="${BBVA_MODELS_DIR:-$root/models}" \
  -Dliberty.bootstrap.bbva.data.dir="${BBVA_DATA_DIR:-$HOME/.bbva/liberty}" \
  package liberty:create "$@"
# the server's copy of the passwords is for the server's user only
chmod 600 target/liberty/wlp/usr/servers/bbva/server.env
# PostgreSQL: database.xml replaces server.xml's Derby data sources
if [ -n "${BBVA_DB_URL:-}" ]; then
  cp liberty/database/postgresql.xml target/liberty/wlp/usr/servers/bbva/database.xml
else
  rm -f target/liberty/wlp/usr/servers/bbva/database.xml
fi
# liberty:run skips jar-packaged projects like this one: the server was created above; run it in the foreground
exec target/liberty/wlp/bin/server run bbva
