#!/usr/bin/env bash
# Builds synthgame and synthgame-inject into OUT_DIR (default: ./target). Called by Maven (ml module,
# generate-resources); runnable by hand. Optional parts are detected here, at build time:
# alsa-lib (Debian libasound2-dev) for the audio thread, EGL (libegl-dev) for presenting.
# Without them synthgame still builds; its --help and summary.json say what is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/target}
mkdir -p "$out"

if ! command -v cc >/dev/null 2>&1; then
  echo "synthgame build: 'cc' not found. Install Debian package 'gcc' (or run: sudo bin/setup)." >&2
  exit 1
fi

# -Wno-format-truncation: status messages may be cut at their buffer size, by design
cflags=(-O2 -g -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-format-truncation -pthread)
libs=(-lm)
features=()
if pkg-config --exists alsa 2>/dev/null; then
  cflags+=(-DSYNTHGAME_HAVE_ALSA $(pkg-config --cflags alsa)); libs+=($(pkg-config --libs alsa)); features+=(alsa)
else
  echo "synthgame build: alsa-lib headers missing (Debian libasound2-dev): building without the audio thread" >&2
fi
if pkg-config --exists egl 2>/dev/null; then
  cflags+=(-DSYNTHGAME_HAVE_EGL $(pkg-config --cflags egl)); libs+=($(pkg-config --libs egl)); features+=(egl)
else
  echo "synthgame build: EGL headers missing (Debian libegl-dev): building without EGL presents" >&2
fi

build() { # name sources...
  local name=$1; shift
  local bin="$out/$name" newest
  newest=$(ls -t "$@" "$here"/*.h "$0" | head -1)
  if [ "$bin" -nt "$newest" ]; then return; fi
  echo "cc $name (${features[*]:-no optional features})"
  # -rdynamic: synthgame_present is in the dynamic symbol table, where uprobe tools look first
  cc "${cflags[@]}" -rdynamic "$@" -o "$bin.tmp" "${libs[@]}"
  mv "$bin.tmp" "$bin"
}
build synthgame "$here/synthgame.c"
build synthgame-inject "$here/synthgame_inject.c"
