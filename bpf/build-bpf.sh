#!/usr/bin/env bash
# Compiles every bpf/src/*.bpf.c into OUT_DIR/<name>.bpf.o (BTF, CO-RE) and every
# bpf/tools/*.c into NATIVE_DIR/<name> (userspace reference programs linked with libbpf).
# Called by Maven (bpf module, generate-resources); runnable by hand for quick iteration.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/target/classes/bpf}
native=${2:-$here/target/native}
mkdir -p "$out" "$native"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "frameloop bpf build: '$1' not found. Install Debian package '$2' (or run: sudo bin/setup)." >&2
    exit 1
  fi
}
need clang clang
need llvm-strip llvm
if [ ! -f /usr/include/bpf/bpf_helpers.h ]; then
  echo "frameloop bpf build: libbpf headers missing (/usr/include/bpf/bpf_helpers.h). Install Debian package 'libbpf-dev' (or run: sudo bin/setup)." >&2
  exit 1
fi

CLANG=${CLANG:-clang}
# -Wno-missing-declarations: bpftool 7.1's dump of the 7.2 BTF has a few empty
# "struct x;" members in vmlinux.h (see FIELD-NOTES); they are harmless.
cflags=(-g -O2 -target bpf -D__TARGET_ARCH_x86 -Wall -Werror -Wno-unused-function -Wno-missing-declarations
        -I"$here/include" -I/usr/include/x86_64-linux-gnu)

for src in "$here"/src/*.bpf.c; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .c)
  obj="$out/$name.o"
  if [ "$obj" -nt "$src" ] && [ -z "$(find "$here/include" -newer "$obj" -print -quit)" ]; then
    continue
  fi
  echo "clang -target bpf $name.c"
  "$CLANG" "${cflags[@]}" -c "$src" -o "$obj.tmp"
  # drop DWARF, keep BTF (.BTF/.BTF.ext are what libbpf and the layout check read)
  llvm-strip -g "$obj.tmp"
  mv "$obj.tmp" "$obj"
done

# the wire-format headers must also compile as userspace C (<linux/types.h> instead of vmlinux.h)
for header in "$here"/include/frameloop/*.h; do
  [ -e "$header" ] || continue
  case "$header" in *.bpf.h) continue ;; esac  # BPF-only headers (kfuncs) need vmlinux.h
  cc -fsyntax-only -std=gnu11 -Wall -Wextra -Werror -I"$here/include" -x c "$header"
done

for src in "$here"/tools/*.c; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .c)
  bin="$native/$name"
  if [ "$bin" -nt "$src" ]; then continue; fi
  echo "cc $name.c"
  cc -O2 -g -Wall -Werror -I"$here/include" "$src" -o "$bin.tmp" -lbpf -lelf -lz
  mv "$bin.tmp" "$bin"
done
