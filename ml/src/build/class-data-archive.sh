#!/usr/bin/env bash
# Builds ARCHIVE, a class-data-sharing archive of JAR (JDK 17: static AppCDS), from the classes that a few
# representative frameloop commands load: a few commands' --help, and where this build runs as root with
# BPF, a one-second `record --mode observe`, the readers of what it wrote, and a one-run experiment of the
# default arm (synthgame, its recorded session read back, the report and its plots). Called by Maven (ml module,
# package, after the shaded jar); runnable by hand. A JVM started with -XX:SharedArchiveFile=ARCHIVE
# -Xshare:auto maps those classes already parsed and verified instead of loading them from the jar, which
# is most of a JVM's start-up in the TCG guest. bin/frameloop and FrameloopLauncher use ARCHIVE only while
# it is newer than JAR. Nothing here fails the build: without an archive frameloop only starts slower.
set -uo pipefail
jar=${1:?usage: class-data-archive.sh JAR ARCHIVE [JAVA]}
archive=${2:?usage: class-data-archive.sh JAR ARCHIVE [JAVA]}
java=${3:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$archive.log"

train() {
  timeout 120 "$java" -XX:DumpLoadedClassList="$work/classes.$#.$RANDOM" -jar "$jar" "$@" >>"$log" 2>&1
}

rm -f "$archive" "$log"
for command in "" record experiment; do
  train $command --help
done
train demo --dry-run --out "$work/demo"
if [ "$(id -u)" = 0 ]; then
  train record --mode observe --duration 1s --out "$work/data"
  train fsck --dry-run "$work/data"
  train train --task thread-role --data "$work/data" --out "$work/model"
  train experiment --arms default --duration 1s --repeats 1 --background none --bootstrap 100 --out "$work/experiment"
fi
# one list, in first-loaded order, each line once
awk '!seen[$0]++' "$work"/classes.* > "$work/classes.lst"
if "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$work/archive.jsa" \
     -cp "$jar" >>"$log" 2>&1 && [ -s "$work/archive.jsa" ]; then
  mv -f "$work/archive.jsa" "$archive"
  echo "class-data archive: $archive ($(wc -l < "$work/classes.lst") classes)"
else
  echo "class-data archive: not built (frameloop still runs, its JVMs start slower); see $log" >&2
fi
