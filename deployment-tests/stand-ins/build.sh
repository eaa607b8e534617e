#!/usr/bin/env bash
# Makes each image given (name:tag) available to the local Docker engine: an image already there
# is kept, then `docker pull` is tried, and only when the pull fails is a stand-in built under the
# exact same name from Debian bookworm packages (debootstrap, then the directory of this script
# named after the image's repository). Every stand-in carries the label dev.safeguards.stand-in
# saying what it really contains. They are meant for machines without a registry; a machine that
# can pull gets the real images.
#
#   deployment-tests/stand-ins/build.sh postgres:16.9-bookworm nginx:1.27.5-alpine ...
#
# Settings: DEBIAN_MIRROR (http://deb.debian.org/debian), DOCKER_BUILD_LOCK (a file to flock
# around each build, for machines whose cores are shared).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
readonly BASE=safeguards-stand-in/debian-minbase:bookworm
readonly MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { printf 'stand-ins: %s\n' "$*" >&2; }

locked() {
  if [[ -n ${DOCKER_BUILD_LOCK:-} ]]; then flock -o "$DOCKER_BUILD_LOCK" "$@"; else "$@"; fi
}

# The minimal Debian root file system every stand-in starts from, imported once and kept.
ensure_base() {
  docker image inspect "$BASE" >/dev/null 2>&1 && return 0
  local root
  root=$(mktemp -d)
  log "debootstrap --variant=minbase bookworm from $MIRROR"
  locked debootstrap --variant=minbase bookworm "$root" "$MIRROR" >/dev/null
  printf 'deb %s bookworm main\n' "$MIRROR" >"$root/etc/apt/sources.list"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import \
    --change 'LABEL dev.safeguards.stand-in="Debian bookworm minbase"' \
    --change 'CMD ["bash"]' - "$BASE" >/dev/null
  rm -rf "$root"
}

# Copies the directory for REPOSITORY into a build context, with the machine's trust stores for
# images that download through this machine's network (its proxy may have a CA of its own).
build_stand_in() {
  local image=$1 repository=${1%:*} dir context
  dir="$HERE/${repository##*/}"
  [[ -f $dir/Dockerfile ]] || {
    log "no stand-in for $image (no $dir/Dockerfile)"
    return 1
  }
  context=$(mktemp -d)
  cp -r "$dir"/. "$context"/
  mkdir -p "$context/trust"
  cp /etc/ssl/certs/ca-certificates.crt "$context/trust/"
  cp /etc/ssl/certs/java/cacerts "$context/trust/" 2>/dev/null || : >"$context/trust/cacerts"
  log "building stand-in $image"
  locked docker build -q --network host --build-arg BASE="$BASE" \
    --label "dev.safeguards.stand-in=stand-in for $image, built from Debian bookworm packages" \
    -t "$image" "$context" >/dev/null
  rm -rf "$context"
}

for image in "$@"; do
  if docker image inspect "$image" >/dev/null 2>&1; then continue; fi
  if docker pull -q "$image" >/dev/null 2>&1; then continue; fi
  log "cannot pull $image"
  ensure_base
  build_stand_in "$image"
done
