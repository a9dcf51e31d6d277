#!/bin/sh
# Adds to the app image a class-data sharing archive of the class-path classes a start loads
# (ND4J, JavaCPP, the engine, the data readers), layered on the runtime's archive of the JDK and
# JavaFX classes, and has the launcher map it: the classes are then mapped ready-made instead of
# being read from their jars and checked one by one, 0.3-0.5 s off Train pressable on 2 cores.
# Made from a headless --self-check, so any build machine can make it.
#   archive-app-classes.sh APP_IMAGE
# Run on the finished app image, after the .deb: the archive holds the jars' paths, and the .deb
# installs them elsewhere. A moved image starts as before, with the runtime's archive alone; the
# launcher keeps quiet about the one it cannot use.
set -eu
image=$1
app="$image/lib/app"
archive=app-classes.jsa
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
rm -f "$app/$archive"
env -i HOME="$home" PATH=/usr/bin:/bin \
  JAVA_TOOL_OPTIONS="-Duser.home=$home -XX:ArchiveClassesAtExit=$app/$archive -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$image/bin/latent-explorer" --self-check >"$home/out" 2>&1 || {
  cat "$home/out" >&2
  exit 1
}
[ -s "$app/$archive" ] || {
  echo "no class-data sharing archive was written" >&2
  exit 1
}
cfg="$app/latent-explorer.cfg"
grep -q '^\[JavaOptions\]$' "$cfg"
# shellcheck disable=SC2016 # $APPDIR is the launcher's, expanded when it starts
sed -i '/^\[JavaOptions\]$/a java-options=-XX:SharedArchiveFile=$APPDIR/'"$archive"'\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off' "$cfg"
echo "class-data sharing archive of the class path: $(du -h "$app/$archive" | cut -f1)"
