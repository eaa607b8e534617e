#!/usr/bin/env bash
# Deploys a release of the connections service with zero downtime:
#
#   1. backs up the database (timestamped pg_dump, custom format, the oldest beyond
#      BACKUP_RETENTION deleted) and checks that the dump is readable;
#   2. replaces the instances one at a time: out of nginx's rotation, graceful stop (SIGTERM),
#      start of the new release, wait for /ready with a deadline, back into rotation;
#   3. verifies the service through nginx;
#   4. on any failure rolls back to the previous release automatically, says so, and exits 1
#      (2 when the rollback failed too).
#
# Usage:
#   deploy-production.sh --target compose [--env-file FILE] [--release IMAGE] [--dry-run]
#   deploy-production.sh --target local   [--env-file FILE]  --release JAR    [--dry-run]
#
# compose  Docker hosts: the services of docker-compose.production.yml. --release is the image
#          (default: APP_IMAGE from the env file).
# local    Hosts without Docker: each instance is `java -jar` on its own port, behind an nginx that
#          runs nginx.conf with an upstream file this script rewrites. A release is the jar and the
#          env file, kept under DEPLOY_DIR/releases; the previous one is what a rollback restores.
#
# --env-file defaults to .env.production next to this script (copy env.production.template).
# --dry-run  prints what would change and changes nothing.
#
# Settings (environment; the env file provides BACKUP_DIR, BACKUP_RETENTION and READY_TIMEOUT):
#   DEPLOY_DIR        local: state directory (releases, pid files, logs)        [required]
#   INSTANCE_PORTS    local: one port per instance                              [8001 8002]
#   NGINX_CONF        local: nginx's configuration file                         [required]
#   NGINX_PREFIX      local: nginx's prefix (-p)                                [dirname NGINX_CONF]
#   NGINX_UPSTREAM    local: the upstream file nginx.conf includes              [upstream-app.conf beside NGINX_CONF]
#   NGINX_ERROR_LOG   local: nginx's start-up error log (-e)                    [nginx's default]
#   JAVA, JAVA_OPTS   local: the java command and its flags   [java, -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError]
#   COMPOSE_FILE      compose: the compose file          [docker-compose.production.yml beside this script]
#
# Secrets from the env file are handed to the service and to pg_dump through the environment,
# never printed.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
# The variables the service reads (docs/example-backend.md); only these reach an instance.
readonly SERVICE_KEYS=(APP_ENV DATABASE_URL DATABASE_USER DATABASE_PASSWORD ADMIN_TOKEN
  CORS_ALLOWED_ORIGINS DRAIN_DELAY DRAIN_TIMEOUT SHUTDOWN_GRACE_PERIOD STARTUP_DEADLINE
  MONITOR_INTERVAL DATABASE_TIMEOUT DATABASE_POOL_SIZE LOG_LEVEL)
readonly KEEP_RELEASES=5

TARGET=""
ENV_FILE="$SCRIPT_DIR/.env.production"
RELEASE=""
DRY_RUN=false

log() { printf '%s deploy: %s\n' "$(date -u +%H:%M:%SZ)" "$*"; }
die() {
  log "ERROR: $*" >&2
  exit 1
}

# Runs a command that changes something, or only shows it under --dry-run.
run() {
  if "$DRY_RUN"; then
    printf '  [dry-run] %s\n' "$*" >&2
  else
    "$@"
  fi
}

usage() {
  sed -n '12,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 64
}

# Prints the value of KEY in an env file (KEY=VALUE lines, # comments); fails when absent.
env_value() {
  local file=$1 key=$2 line
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ ${line%%=*} == "$key" ]]; then
      printf '%s' "${line#*=}"
      return 0
    fi
  done <"$file"
  return 1
}

env_or_default() { env_value "$1" "$2" || printf '%s' "$3"; }

# 250ms, 5s, 2m, 1h -> whole seconds (at least 1).
seconds() {
  local value=$1
  case $value in
  *ms) echo $(((${value%ms} + 999) / 1000)) ;;
  *s) echo "${value%s}" ;;
  *m) echo $((${value%m} * 60)) ;;
  *h) echo $((${value%h} * 3600)) ;;
  *) die "cannot read duration '$value' (use 250ms, 5s, 2m or 1h)" ;;
  esac
}

# --- backup -------------------------------------------------------------------------------------

# Deletes the oldest backups beyond BACKUP_RETENTION.
prune_backups() {
  local dir=$1 keep=$2 old
  while IFS= read -r old; do
    run rm -f -- "$old"
    log "backup: deleted $old (retention $keep)"
  done < <(find "$dir" -maxdepth 1 -name 'backup-*.dump' -type f | sort -r | tail -n +"$((keep + 1))")
}

# pg_dump of the database the running release uses, with libpq settings from its JDBC URL.
backup_local() {
  local env_file=$1 dir=$2 keep=$3 url rest authority file
  url=$(env_value "$env_file" DATABASE_URL) || die "backup: DATABASE_URL is not set in $env_file"
  [[ $url == jdbc:postgresql://* ]] || die "backup: DATABASE_URL is not a PostgreSQL URL"
  rest=${url#jdbc:postgresql://}
  authority=${rest%%/*}
  rest=${rest#*/}
  file="$dir/backup-$(date -u +%Y%m%dT%H%M%SZ).dump"
  log "backup: pg_dump of database ${rest%%\?*} on $authority to $file"
  run mkdir -p "$dir"
  if ! "$DRY_RUN"; then
    (
      export PGHOST=${authority%%:*} PGDATABASE=${rest%%\?*}
      [[ $authority == *:* ]] && export PGPORT=${authority##*:}
      [[ $rest =~ [?\&]sslmode=([a-z-]+) ]] && export PGSSLMODE=${BASH_REMATCH[1]}
      PGUSER=$(env_or_default "$env_file" DATABASE_USER postgres)
      PGPASSWORD=$(env_or_default "$env_file" DATABASE_PASSWORD "")
      export PGUSER PGPASSWORD
      pg_dump --format=custom --no-owner --file="$file.partial"
    ) || die "backup: pg_dump failed; nothing was changed"
    pg_restore --list "$file.partial" >/dev/null || die "backup: $file.partial is not readable"
    mv -- "$file.partial" "$file"
  fi
  log "backup: done"
  prune_backups "$dir" "$keep"
}

# --- local target -------------------------------------------------------------------------------

nginx_cmd() {
  local -a args=(-p "$NGINX_PREFIX" -c "$NGINX_CONF")
  [[ -n ${NGINX_ERROR_LOG:-} ]] && args+=(-e "$NGINX_ERROR_LOG")
  nginx "${args[@]}" "$@"
}

# Rewrites the upstream file with every instance except those given, checks it and reloads nginx.
set_rotation() {
  local tmp port out
  tmp=$(mktemp "$NGINX_UPSTREAM.XXXXXX")
  for port in $INSTANCE_PORTS; do
    out=""
    for excluded in "$@"; do [[ $port == "$excluded" ]] && out=" down"; done
    echo "server 127.0.0.1:$port max_fails=3 fail_timeout=10s$out;" >>"$tmp"
  done
  if "$DRY_RUN"; then
    printf '  [dry-run] upstream: %s\n' "$(tr '\n' ' ' <"$tmp")"
    rm -f -- "$tmp"
    return 0
  fi
  mv -- "$tmp" "$NGINX_UPSTREAM"
  nginx_cmd -t -q || return 1
  nginx_cmd -s reload || return 1
  # The master starts new workers and retires the old ones; give it a moment before relying on it.
  sleep 1
}

instance_pid() { cat -- "$DEPLOY_DIR/run/$1.pid" 2>/dev/null || true; }

stop_instance() {
  local port=$1 grace=$2 pid deadline
  pid=$(instance_pid "$port")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  log "instance $port: stopping (pid $pid, SIGTERM, up to ${grace}s)"
  "$DRY_RUN" && return 0
  kill -TERM "$pid"
  deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "instance $port: still running after ${grace}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f -- "$DEPLOY_DIR/run/$port.pid"
}

start_instance() {
  local port=$1 release=$2 key value
  local -a vars=("PORT=$port" "DATA_DIR=$DEPLOY_DIR/data/$port")
  for key in "${SERVICE_KEYS[@]}"; do
    if value=$(env_value "$release/app.env" "$key"); then vars+=("$key=$value"); fi
  done
  log "instance $port: starting $(basename "$release")"
  "$DRY_RUN" && return 0
  mkdir -p "$DEPLOY_DIR/run" "$DEPLOY_DIR/logs" "$DEPLOY_DIR/data/$port"
  # Its own session, so that the instance outlives this script and its terminal.
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  setsid env -i PATH="$PATH" HOME="${HOME:-/}" "${vars[@]}" \
    "$JAVA" $JAVA_OPTS -jar "$release/app.jar" \
    >>"$DEPLOY_DIR/logs/$port.log" 2>&1 </dev/null &
  echo $! >"$DEPLOY_DIR/run/$port.pid"
}

# Waits until /ready answers 200, the process exits, or the deadline passes.
wait_ready() {
  local port=$1 timeout=$2 pid deadline
  "$DRY_RUN" && return 0
  pid=$(instance_pid "$port")
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "instance $port: exited before it was ready (see $DEPLOY_DIR/logs/$port.log)"
      return 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/ready" 2>/dev/null; then
      log "instance $port: ready"
      return 0
    fi
    sleep 0.5
  done
  log "instance $port: not ready after ${timeout}s"
  return 1
}

verify_instance() {
  local port=$1 path
  "$DRY_RUN" && return 0
  for path in /live /ready /api/connections?limit=1; do
    curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port$path" || {
      log "instance $port: $path failed"
      return 1
    }
  done
}

# One instance: out of rotation, stopped, started on RELEASE, ready, verified, back in rotation.
replace_instance() {
  local port=$1 release=$2 grace=$3 ready_timeout=$4
  set_rotation "$port" || return 1
  stop_instance "$port" "$grace"
  start_instance "$port" "$release" || return 1
  wait_ready "$port" "$ready_timeout" || return 1
  verify_instance "$port" || return 1
  set_rotation || return 1
  log "instance $port: serving $(basename "$release")"
}

stage_release() {
  local jar=$1 env_file=$2 dir
  dir="$DEPLOY_DIR/releases/$(date -u +%Y%m%dT%H%M%SZ)-$(basename "$jar" .jar)"
  run mkdir -p "$dir"
  run cp -- "$jar" "$dir/app.jar"
  run install -m 600 -- "$env_file" "$dir/app.env"
  echo "$dir"
}

prune_releases() {
  local current=$1 previous=$2 old
  while IFS= read -r old; do
    [[ $old == "$current" || $old == "$previous" ]] && continue
    run rm -rf -- "$old"
  done < <(find "$DEPLOY_DIR/releases" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -r | tail -n +"$((KEEP_RELEASES + 1))")
}

# Puts PREVIOUS back on the given ports; exits 1 when that worked, 2 when it did not.
rollback_local() {
  local previous=$1 grace=$2 ready_timeout=$3 port failed=false
  shift 3
  if [[ -z $previous ]]; then
    log "ROLLBACK: no previous release to return to; stopping the new instances"
    for port in "$@"; do stop_instance "$port" "$grace"; done
    exit 1
  fi
  log "ROLLBACK: returning instances $* to $(basename "$previous")"
  for port in "$@"; do
    replace_instance "$port" "$previous" "$grace" "$ready_timeout" || failed=true
  done
  if "$failed"; then
    log "ROLLBACK FAILED: check $DEPLOY_DIR/logs and restore by hand"
    exit 2
  fi
  log "ROLLED BACK: $(basename "$previous") is serving again; the deploy failed"
  exit 1
}

deploy_local() {
  [[ -n $RELEASE && -f $RELEASE ]] || die "--release must name the jar to deploy"
  [[ -n ${DEPLOY_DIR:-} ]] || die "DEPLOY_DIR is not set"
  [[ -n ${NGINX_CONF:-} && -f $NGINX_CONF ]] || die "NGINX_CONF must name nginx's configuration"
  INSTANCE_PORTS=${INSTANCE_PORTS:-8001 8002}
  NGINX_PREFIX=${NGINX_PREFIX:-$(dirname "$NGINX_CONF")}
  NGINX_UPSTREAM=${NGINX_UPSTREAM:-$(dirname "$NGINX_CONF")/upstream-app.conf}
  JAVA=${JAVA:-java}
  JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError}

  local previous="" release grace ready_timeout port backup_env
  local -a replaced=()
  [[ -f $DEPLOY_DIR/current ]] && previous=$(cat -- "$DEPLOY_DIR/current")
  grace=$(($(seconds "$(env_or_default "$ENV_FILE" SHUTDOWN_GRACE_PERIOD 30s)") + 5))
  ready_timeout=$(seconds "$(env_or_default "$ENV_FILE" READY_TIMEOUT 90s)")
  log "target local: instances on ports $INSTANCE_PORTS; previous release: ${previous:-none}"

  backup_env=$ENV_FILE
  [[ -n $previous ]] && backup_env=$previous/app.env
  backup_local "$backup_env" "$(env_or_default "$ENV_FILE" BACKUP_DIR "$DEPLOY_DIR/backups")" \
    "$(env_or_default "$ENV_FILE" BACKUP_RETENTION 14)"

  release=$(stage_release "$RELEASE" "$ENV_FILE")
  for port in $INSTANCE_PORTS; do
    replaced+=("$port")
    if ! replace_instance "$port" "$release" "$grace" "$ready_timeout"; then
      log "FAILED: instance $port did not come up on $(basename "$release")"
      rollback_local "$previous" "$grace" "$ready_timeout" "${replaced[@]}"
    fi
  done
  if ! "$DRY_RUN" && ! verify_through_nginx; then
    log "FAILED: the service does not answer through nginx"
    rollback_local "$previous" "$grace" "$ready_timeout" "${replaced[@]}"
  fi
  "$DRY_RUN" || echo "$release" >"$DEPLOY_DIR/current"
  prune_releases "$release" "$previous"
  log "DEPLOYED: $(basename "$release") on every instance"
}

# The listen port of nginx.conf, asked through /ready on the first listen address.
verify_through_nginx() {
  local listen
  listen=$(grep -Eo 'listen[[:space:]]+[^;[:space:]]+' "$NGINX_CONF" | head -n 1 | awk '{print $2}')
  [[ $listen == *:* ]] || listen="127.0.0.1:$listen"
  curl -fsS -o /dev/null --max-time 5 "http://$listen/ready"
}

# --- compose target -----------------------------------------------------------------------------

compose() { docker-compose --env-file "$ENV_FILE" -f "$COMPOSE_FILE" "$@"; }

container_health() { docker inspect --format '{{.State.Health.Status}}' "$1" 2>/dev/null || echo gone; }

# Starts one more app container on IMAGE, waits until Docker calls it healthy, then stops OLD
# gracefully; nginx is reloaded so that it resolves `app` to the containers that exist.
roll_container() {
  local old=$1 image=$2 grace=$3 ready_timeout=$4 count new deadline
  count=$(compose ps -q app | wc -l)
  log "container ${old:0:12}: starting a replacement on $image"
  APP_IMAGE=$image run compose up -d --no-deps --no-recreate --scale "app=$((count + 1))" app || return 1
  "$DRY_RUN" && return 0
  new=$(compose ps -q app | grep -vxFf <(printf '%s\n' "${KNOWN_CONTAINERS[@]}") | head -n 1)
  [[ -n $new ]] || return 1
  KNOWN_CONTAINERS+=("$new")
  deadline=$((SECONDS + ready_timeout))
  until [[ $(container_health "$new") == healthy ]]; do
    if ((SECONDS >= deadline)) || [[ $(container_health "$new") == unhealthy ]]; then
      log "container ${new:0:12}: not healthy after ${ready_timeout}s; removing it"
      docker rm -f "$new" >/dev/null || true
      compose exec -T nginx nginx -s reload || true
      return 1
    fi
    sleep 2
  done
  compose exec -T nginx nginx -s reload || return 1
  DEPLOYED_CONTAINERS+=("$new")
  log "container ${new:0:12}: healthy and in rotation; stopping ${old:0:12} (SIGTERM, ${grace}s)"
  if ! docker stop --time "$grace" "$old" >/dev/null; then return 1; fi
  docker rm "$old" >/dev/null || return 1
  compose exec -T nginx nginx -s reload || return 1
}

deploy_compose() {
  COMPOSE_FILE=${COMPOSE_FILE:-$SCRIPT_DIR/docker-compose.production.yml}
  local image previous grace ready_timeout old new user db dir file keep
  local -a olds=() replaced=() deployed=()
  image=${RELEASE:-$(env_value "$ENV_FILE" APP_IMAGE)} || die "no --release and no APP_IMAGE in $ENV_FILE"
  mapfile -t olds < <(compose ps -q app)
  ((${#olds[@]} > 0)) || die "no app container is running; start the stack first: docker-compose up -d"
  KNOWN_CONTAINERS=("${olds[@]}")
  DEPLOYED_CONTAINERS=()
  previous=$(docker inspect --format '{{.Config.Image}}' "${olds[0]}")
  grace=$(($(seconds "$(env_or_default "$ENV_FILE" SHUTDOWN_GRACE_PERIOD 30s)") + 5))
  ready_timeout=$(seconds "$(env_or_default "$ENV_FILE" READY_TIMEOUT 90s)")
  log "target compose: ${#olds[@]} instance(s) on $previous -> $image"

  user=$(env_or_default "$ENV_FILE" DATABASE_USER connections)
  db=$(env_or_default "$ENV_FILE" POSTGRES_DB connections)
  dir=$(env_or_default "$ENV_FILE" BACKUP_DIR "$SCRIPT_DIR/backups")
  keep=$(env_or_default "$ENV_FILE" BACKUP_RETENTION 14)
  file="$dir/backup-$(date -u +%Y%m%dT%H%M%SZ).dump"
  log "backup: pg_dump of database $db to $file"
  run mkdir -p "$dir"
  if ! "$DRY_RUN"; then
    compose exec -T postgres pg_dump -U "$user" -d "$db" --format=custom --no-owner >"$file.partial" ||
      die "backup: pg_dump failed; nothing was changed"
    # Read back by the database image's own pg_restore: the host's may be older than the server.
    compose exec -T postgres pg_restore --list <"$file.partial" >/dev/null ||
      die "backup: $file.partial is not readable"
    mv -- "$file.partial" "$file"
  fi
  prune_backups "$dir" "$keep"

  for old in "${olds[@]}"; do
    if ! roll_container "$old" "$image" "$grace" "$ready_timeout"; then
      log "FAILED: the new release did not become healthy; ROLLBACK to $previous"
      deployed=("${DEPLOYED_CONTAINERS[@]}")
      for new in "${deployed[@]}"; do
        roll_container "$new" "$previous" "$grace" "$ready_timeout" ||
          { log "ROLLBACK FAILED: check docker-compose ps and logs"; exit 2; }
      done
      log "ROLLED BACK: $previous is serving again; the deploy failed"
      exit 1
    fi
    replaced+=("$old")
  done
  log "DEPLOYED: $image on ${#replaced[@]} instance(s)"
}

# --- main ---------------------------------------------------------------------------------------

while (($# > 0)); do
  case $1 in
  --target) TARGET=${2:-} && shift ;;
  --env-file) ENV_FILE=${2:-} && shift ;;
  --release) RELEASE=${2:-} && shift ;;
  --dry-run) DRY_RUN=true ;;
  -h | --help) usage ;;
  *) log "unknown argument: $1" && usage ;;
  esac
  shift
done
[[ -f $ENV_FILE ]] || die "env file $ENV_FILE not found (copy env.production.template)"
"$DRY_RUN" && log "dry run: nothing will be changed"
case $TARGET in
compose) deploy_compose ;;
local) deploy_local ;;
*) usage ;;
esac
