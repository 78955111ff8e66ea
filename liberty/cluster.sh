#!/usr/bin/env bash
# One-machine trial of distributed mode: PostgreSQL, a dispatcher and N executors, all on loopback.
#   liberty/cluster.sh start [--executors N] [--roles R1,R2,...] [--no-build]
#                                    roles per executor, in order: all (default), detect or ocr
#   liberty/cluster.sh status        servers, PIDs, readiness (database, dispatcher link, models) and the database
#   liberty/cluster.sh logs [SERVER] messages.log of one server (default: the dispatcher)
#   liberty/cluster.sh stop          stops everything start started (servers by PID, then PostgreSQL)
#   liberty/cluster.sh restart NAME  starts one server of the cluster again (an executor that died or was stopped)
# Environment:
#   BBVA_DATA_DIR      the trial's folder (default ~/.bbva/cluster): PostgreSQL, server data, PIDs, cluster.env.
#                      PostgreSQL runs as user postgres; when it cannot enter that folder (root's home), its
#                      cluster goes to /var/lib/postgresql/bbva-cluster instead (cluster.env says where)
#   BBVA_CLUSTER_PORT  first port (default 9080): dispatcher HTTP/HTTPS PORT/PORT+1, messaging PORT+9,
#                      PostgreSQL PORT+8, executor i HTTP/HTTPS PORT+10i/PORT+10i+1
#   BBVA_DB_URL        an existing PostgreSQL (with BBVA_DB_USER, BBVA_DB_PASSWORD); else one is created
#                      under the data folder with initdb
#   BBVA_MEDIA_DIR, BBVA_MODELS_DIR as for liberty/run.sh: the same paths on every executor
#   BBVA_SERVER_ENV    the users' passwords (default liberty/server.env, made by liberty/make-env.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${BBVA_DATA_DIR:-$HOME/.bbva/cluster}"
port="${BBVA_CLUSTER_PORT:-9080}"
wlp="$root/target/liberty/wlp"
servers="$wlp/usr/servers"
pids="$data/cluster.pids"

die() { echo "cluster.sh: $*" >&2; exit 2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# Where PostgreSQL's cluster lives: in the data folder, unless user postgres (as which root runs it)
# cannot enter it, as with root's home.
pg_dir() {
  local recorded
  recorded="$(grep -s '^BBVA_PG_DIR=' "$data/cluster.env" | cut -d= -f2-)" || true
  if [ -n "$recorded" ]; then echo "$recorded"; return; fi
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$data"; then
    echo "/var/lib/postgresql/bbva-cluster"
  else
    echo "$data/postgres"
  fi
}

start_postgres() {
  local bin pg
  pg="$(pg_dir)"
  bin="$(pg_bin)"
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "BBVA_DB_URL is not set and PostgreSQL's initdb is not installed (Debian: apt-get install postgresql)"
  if [ ! -f "$pg/data/PG_VERSION" ]; then
    mkdir -p "$pg"
    [ "$(id -u)" = 0 ] && chown postgres "$pg"
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$pg/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$pg/pwfile"
    chmod 600 "$pg/pwfile"
    if ! as_postgres "$bin/initdb" -D "$pg/data" -U bbva --pwfile="$pg/pwfile" -A scram-sha-256 -E UTF8 --locale=C >/dev/null; then
      rm -rf "$pg"
      : > "$pids"
      die "initdb could not create PostgreSQL's cluster in $pg (it runs as user postgres); set BBVA_DATA_DIR to a folder that user can enter"
    fi
  fi
  pg_cluster="$pg"
  # in the data folder, so that `pg_ctl -D "$BBVA_DATA_DIR/postgres/data" start` alone starts it again
  # (prepared transactions: Liberty commits a partition's JMS message and its job-repository rows together, by XA)
  printf "port = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_prepared_transactions = 100\n" \
    $((port + 8)) "$pg" > "$pg/data/bbva.conf"
  grep -q "^include_if_exists = 'bbva.conf'" "$pg/data/postgresql.conf" || echo "include_if_exists = 'bbva.conf'" >> "$pg/data/postgresql.conf"
  as_postgres "$bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t 60 start >/dev/null
  export BBVA_DB_URL="jdbc:postgresql://127.0.0.1:$((port + 8))/bbva" BBVA_DB_USER=bbva
  BBVA_DB_PASSWORD="$(cat "$pg/pwfile")"
  export BBVA_DB_PASSWORD
  PGPASSWORD="$BBVA_DB_PASSWORD" psql -h 127.0.0.1 -p $((port + 8)) -U bbva -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'bbva'" | grep -q 1 \
    || PGPASSWORD="$BBVA_DB_PASSWORD" psql -h 127.0.0.1 -p $((port + 8)) -U bbva -d postgres -qc "CREATE DATABASE bbva"
  echo "postgres $(head -1 "$pg/data/postmaster.pid")" >> "$pids"
}

# The PID of a server of this cluster: Liberty's own record (also after `server start` by hand), else
# the one start recorded; empty when that process is not this server (a PID the system reused).
server_pid() {
  local name="$1" recorded="$2" pid
  pid="$(cat "$servers/.pid/$name.pid" 2>/dev/null || echo "$recorded")"
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "ws-server.jar $name\b"; then
    echo "$pid"
  fi
}

# executors take partitions (the dispatcher runs the jobs): of both partitioned steps, or of one
selector() {
  local parts="com_ibm_ws_batch_applicationName = 'bbva' AND com_ibm_ws_batch_work_type = 'Partition'"
  case "$1" in
    all) echo "$parts" ;;
    detect) echo "$parts AND com_ibm_ws_batch_stepName = 'detect'" ;;
    ocr) echo "$parts AND com_ibm_ws_batch_stepName = 'ocr'" ;;
    *) die "unknown role '$1' (all, detect or ocr)" ;;
  esac
}

# create_server NAME ROLE-FILE HTTP-PORT [SELECTOR]
create_server() {
  local name="$1" role="$2" http="$3" sel="${4:-}" dir="$servers/$1"
  rm -rf "$dir"
  mkdir -p "$dir/configDropins/defaults" "$dir/configDropins/overrides" "$data/servers/$name"
  cp server.xml "$dir/server.xml"
  cp liberty/configDropins/defaults/bbva-app.xml "$dir/configDropins/defaults/"
  cp liberty/database/postgresql.xml "$dir/database.xml"
  cp "liberty/cluster/$role.xml" "$dir/configDropins/overrides/cluster-role.xml"
  {
    echo "bbva.war=$root/target/bbva.war"
    echo "bbva.media.dir=$media"
    echo "bbva.models.dir=${BBVA_MODELS_DIR:-$root/models}"
    echo "bbva.data.dir=$data/servers/$name"
    echo "bbva.http.port=$http"
    echo "bbva.https.port=$((http + 1))"
    echo "bbva.jms.port=$((port + 9))"
    echo "bbva.jms.address=127.0.0.1:$((port + 9)):BootstrapBasicMessaging"
    [ -n "$sel" ] && echo "bbva.executor.selector=$sel"
  } > "$dir/bootstrap.properties"
  umask 077
  { cat "$server_env"; cat "$data/cluster.env"; } > "$dir/server.env"
  umask 022
}

await_ready() {
  local name="$1" http="$2"
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "$name did not become ready on port $http in 240 s: $(curl -s "http://127.0.0.1:$http/health/ready" 2>/dev/null \
    || echo 'no answer'); see liberty/cluster.sh logs $name"
}

start() {
  local executors=2 roles="" build=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --executors) executors="$2"; shift 2 ;;
      --roles) roles="$2"; shift 2 ;;
      --no-build) build=0; shift ;;
      *) die "unknown option $1" ;;
    esac
  done
  [ -s "$pids" ] && die "a trial cluster is already running from $data (liberty/cluster.sh stop first)"
  mkdir -p "$data"
  : > "$pids"
  media="${BBVA_MEDIA_DIR:-}"
  if [ -z "$media" ]; then
    if [ -d ../shared/media ]; then media="$(cd ../shared/media && pwd)"; else media="$root/media"; mkdir -p "$media"; fi
  fi
  local t0=$SECONDS
  server_env="${BBVA_SERVER_ENV:-$root/liberty/server.env}"
  [ -n "${BBVA_SERVER_ENV:-}" ] || bash liberty/make-env.sh >/dev/null
  [ -f "$server_env" ] || die "no $server_env (the users' passwords)"
  if [ "$build" = 1 ] || [ ! -x "$wlp/bin/server" ]; then
    mvn -B -q -DskipTests package liberty:create
  fi
  pg_cluster=""
  [ -n "${BBVA_DB_URL:-}" ] || start_postgres
  umask 077
  [ -f "$data/cluster.env" ] || echo "BBVA_CLUSTER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" > "$data/cluster.env.new"
  [ -f "$data/cluster.env.new" ] && mv "$data/cluster.env.new" "$data/cluster.env"
  grep -v '^BBVA_DB_' "$data/cluster.env" > "$data/cluster.env.tmp"
  printf 'BBVA_DB_URL=%s\nBBVA_DB_USER=%s\nBBVA_DB_PASSWORD=%s\n' "$BBVA_DB_URL" "${BBVA_DB_USER:-}" "${BBVA_DB_PASSWORD:-}" >> "$data/cluster.env.tmp"
  grep -v '^BBVA_PG_DIR=' "$data/cluster.env.tmp" > "$data/cluster.env.tmp2" || true
  [ -n "$pg_cluster" ] && echo "BBVA_PG_DIR=$pg_cluster" >> "$data/cluster.env.tmp2"
  mv "$data/cluster.env.tmp2" "$data/cluster.env.tmp"
  mv "$data/cluster.env.tmp" "$data/cluster.env"
  umask 022

  create_server bbva-dispatcher dispatcher "$port"
  IFS=, read -r -a role_list <<< "${roles:-}"
  for i in $(seq 1 "$executors"); do
    create_server "bbva-executor-$i" executor $((port + 10 * i)) "$(selector "${role_list[$((i - 1))]:-all}")"
  done
  local names=(bbva-dispatcher $(seq -f "bbva-executor-%g" 1 "$executors"))
  for name in "${names[@]}"; do
    "$wlp/bin/server" start "$name" >/dev/null &
  done
  wait
  for name in "${names[@]}"; do
    [ -f "$servers/.pid/$name.pid" ] || die "$name did not start; see liberty/cluster.sh logs $name"
    echo "$name $(cat "$servers/.pid/$name.pid")" >> "$pids"
  done
  await_ready bbva-dispatcher "$port"
  for i in $(seq 1 "$executors"); do await_ready "bbva-executor-$i" $((port + 10 * i)); done
  echo "trial cluster ready in $((SECONDS - t0)) s: dispatcher http://127.0.0.1:$port/bbva/ (submit analyses there), $executors executors"
}

status() {
  [ -s "$pids" ] || { echo "no trial cluster running from $data"; return 0; }
  while read -r name pid; do
    if [ "$name" != postgres ]; then
      pid="$(server_pid "$name" "$pid")"
      [ -n "$pid" ] && state=running || { state="stopped (liberty/cluster.sh restart $name starts it again)"; pid=-; }
    elif kill -0 "$pid" 2>/dev/null; then state=running; else state=stopped; fi
    case "$name" in
      bbva-dispatcher) http=$port ;;
      bbva-executor-*) http=$((port + 10 * ${name#bbva-executor-})) ;;
      *) http="" ;;
    esac
    # a running server's readiness: database, link to the dispatcher's messaging engine, models
    [ "$state" = running ] && [ -n "$http" ] && state="$state, ready: $(curl -s "http://127.0.0.1:$http/health/ready" || echo 'no answer')"
    printf '%-18s pid %-8s %s\n' "$name" "$pid" "$state"
  done < "$pids"
  grep '^BBVA_DB_URL=' "$data/cluster.env" | sed 's/^BBVA_DB_URL=/database          /'
}

stop() {
  [ -s "$pids" ] || { echo "no trial cluster running from $data"; return 0; }
  local pg_pid=""
  while read -r name pid; do
    if [ "$name" = postgres ]; then pg_pid="$pid"; continue; fi
    "$wlp/bin/server" stop "$name" >/dev/null 2>&1 || true
    # only a process that is still this server: a PID the system gave to another program is left alone
    pid="$(server_pid "$name" "$pid")"
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done < "$pids"
  if [ -n "$pg_pid" ]; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$(pg_dir)/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  : > "$pids"
  echo "trial cluster stopped"
}

restart_server() {
  local name="${1:-}"
  [ -n "$name" ] || die "restart takes a server's name (liberty/cluster.sh status lists them)"
  [ -s "$pids" ] && grep -q "^$name " "$pids" || die "$name is not a server of the trial cluster running from $data"
  [ -z "$(server_pid "$name" "")" ] || die "$name is running"
  "$wlp/bin/server" start "$name" >/dev/null
  [ -f "$servers/.pid/$name.pid" ] || die "$name did not start; see liberty/cluster.sh logs $name"
  sed -i "s/^$name .*/$name $(cat "$servers/.pid/$name.pid")/" "$pids"
  local http=$port
  [ "$name" = bbva-dispatcher ] || http=$((port + 10 * ${name#bbva-executor-}))
  await_ready "$name" "$http"
  echo "$name started again"
}

logs() {
  local name="${1:-bbva-dispatcher}"
  cat "$servers/$name/logs/messages.log"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  start) start "$@" ;;
  status) status ;;
  stop) stop ;;
  restart) restart_server "$@" ;;
  logs) logs "$@" ;;
  *) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
