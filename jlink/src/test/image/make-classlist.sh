#!/usr/bin/env bash
# Writes jlink/src/main/cds/startup-classes.txt: the JDK and JavaFX classes the app loads from
# its launch until its window is drawn and settled. The image build adds them to the runtime's
# class-data sharing archive, so they are mapped ready-made instead of being read from the
# compressed module image one by one (about 0.2 s to the window, 0.4 s to the first frame).
# Class-path classes are left out here: src/main/sh/archive-app-classes.sh archives them on top.
# Run after an image build, where xvfb-run, xdotool and ImageMagick exist:
#   bash jlink/src/test/image/make-classlist.sh jlink/target/image/latent-explorer
set -euo pipefail
image=$(cd "$1" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out="$here/../../main/cds/startup-classes.txt"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$log" xvfb-run -a -s "-screen 0 1600x1000x24" \
  bash "$here/measure-window.sh" "$image/bin/latent-explorer"
mkdir -p "$(dirname "$out")"
{
  echo "# JDK and JavaFX classes loaded while Latent Explorer starts and draws its window, for the"
  echo "# runtime's class-data sharing archive (-Xshare:dump). Made by"
  echo "# jlink/src/test/image/make-classlist.sh; names missing from the runtime are skipped."
  grep -E 'source: (jrt:/|shared objects file$)' "$log" | awk '{print $2}' |
    grep -vE '\$\$Lambda|/0x|\.0x' | tr . / | LC_ALL=C sort -u
} >"$out"
echo "$(grep -vc '^#' "$out") classes in $out"
