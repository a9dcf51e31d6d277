#!/usr/bin/env bash
# Starts the packaged app the way a user would and checks what a user would notice: it starts
# without a JDK, Maven or a network, finds its natives and data inside the image, leaves the
# image and the home folder as they were, and opens its window. Run by `mvn -Pimage verify`.
#
#   usage: check-image.sh APP_IMAGE JDK VERSION [INSTALLER_DIR [REPORT_DIR [OPENBLAS_VERSION]]]
#
# APP_IMAGE is jpackage's app image (bin/latent-explorer), JDK the one that built it (for jdeps),
# VERSION the project version the launcher must report. A .deb in INSTALLER_DIR is checked too.
# REPORT_DIR receives summary.txt and, when a virtual display is available, window.png.
# OPENBLAS_VERSION is the OpenBLAS build the image must run on, loaded from its natives folder.
# The window step needs xvfb-run, xdotool and ImageMagick's import; without them it is skipped.
set -uo pipefail

image=$(cd "$1" && pwd)
jdk=$2
version=$3
installer=${4:-}
report=${5:-}
openblas=${6:-}
launcher="$image/bin/latent-explorer"
appdir="$image/lib/app"
cfg="$appdir/latent-explorer.cfg"
runtime="$image/lib/runtime"

failures=0
summary=()
ok() { printf 'ok    %s\n' "$*"; }
bad() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
skip() { printf 'skip  %s\n' "$*"; }
note() { printf '      %s\n' "$*"; summary+=("$*"); }
now_ns() { date +%s%N; }
ms_since() { echo $((($(now_ns) - $1) / 1000000)); }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
chmod 755 "$scratch"

# A new user: an empty home, no JDK or Maven on the PATH, the C locale, no display. Java takes
# user.home from the password file, not from $HOME, hence the option too. Extra JVM options
# for a run go in as further words of JAVA_TOOL_OPTIONS.
fresh_home() {
  rm -rf "$scratch/home"
  mkdir -p "$scratch/home"
  echo "$scratch/home"
}
as_user() {
  local home=$1 jvm=$2
  shift 2
  env -i HOME="$home" PATH=/usr/bin:/bin JAVA_TOOL_OPTIONS="-Duser.home=$home${jvm:+ $jvm}" "$@"
}

# Offline: a network namespace with nothing in it, where this machine allows one.
offline=()
if unshare --net true 2>/dev/null; then
  offline=(unshare --net)
elif unshare --user --map-root-user --net true 2>/dev/null; then
  offline=(unshare --user --map-root-user --net)
fi

echo "Checking $image"

# --- the launcher ---------------------------------------------------------------------------
[[ -x "$launcher" ]] || { bad "no launcher at $launcher"; exit 1; }

home=$(fresh_home)
out=$(as_user "$home" "" "$launcher" --version 2>"$scratch/err")
if [[ $? -eq 0 && "$out" == *"$version"* ]]; then
  ok "--version: $out"
else
  bad "--version printed '$out', expected the version $version: $(head -c 2000 "$scratch/err")"
fi

# The class-data sharing archives made at build time, the runtime's and the class path's on top,
# must map in the image as built (-Xshare:on refuses to start otherwise, where the default would
# silently do without).
out=$(as_user "$home" -Xshare:on "$launcher" --version 2>&1)
if [[ $? -eq 0 ]]; then
  ok "class-data sharing archive in use"
else
  bad "class-data sharing archive unusable: $out"
fi

# --self-check loads ND4J's natives, reads the bundled data, trains a few steps and decodes a
# frame. Timed from the launch, with a marker to see whether anything in the image changes.
home=$(fresh_home)
marker="$scratch/marker"
touch "$marker"
start=$(now_ns)
out=$(as_user "$home" "" "${offline[@]}" "$launcher" --self-check 2>"$scratch/err")
rc=$?
took=$(ms_since "$start")
if [[ $rc -eq 0 && "$out" == OK* ]]; then
  ok "--self-check in $took ms${offline:+, without a network}: $out"
  note "launch to self-check OK: $took ms${offline:+ (offline)}"
else
  bad "--self-check exited $rc: $out $(head -c 2000 "$scratch/err")"
fi
[[ ${#offline[@]} -gt 0 ]] || skip "no network namespace here: the self-check ran with the network"
if [[ -n "$openblas" ]]; then
  expected="Matrix products: OpenBLAS $openblas ($(realpath "$appdir/natives/libopenblas.so.0"))"
  if grep -qxF -- "$expected" <<<"$out"; then
    ok "runs on the image's own OpenBLAS $openblas, one copy"
  else
    bad "expected '$expected' in the self-check: $out"
  fi
fi

# The command line inside the image, as on a server: no display, no network, one epoch of the
# bundled digits to a model file, then a grid of samples from it.
home=$(fresh_home)
model="$scratch/cli/m.lex"
mkdir -p "$scratch/cli"
start=$(now_ns)
out=$(cd "$scratch/cli" && as_user "$home" "" "${offline[@]}" "$launcher" train --epochs 1 --out m.lex 2>"$scratch/err")
rc=$?
took=$(ms_since "$start")
if [[ $rc -eq 0 && -s "$model" ]]; then
  ok "headless 'train --epochs 1 --out m.lex' wrote a model in $took ms: ${out##*$'\n'}"
  note "headless train, 1 epoch of the bundled digits: $took ms"
  out=$(cd "$scratch/cli" && as_user "$home" "" "$launcher" sample --model m.lex --out s.png 2>&1)
  if [[ $? -eq 0 && -s "$scratch/cli/s.png" ]]; then
    ok "headless 'sample' wrote a PNG"
  else
    bad "headless 'sample' failed: $out"
  fi
else
  bad "headless 'train --epochs 1' exited $rc: $out $(head -c 2000 "$scratch/err")"
fi
# Without a display and without a command: one line that says so, and a failure exit code.
# (The JVM's own note about JAVA_TOOL_OPTIONS, which only this check sets, is left out.)
out=$(as_user "$home" "" "$launcher" 2>&1)
rc=$?
out=$(grep -v '^Picked up JAVA_TOOL_OPTIONS' <<<"$out")
if [[ $rc -ne 0 && $(wc -l <<<"$out") -eq 1 && "$out" == "latent-explorer: no display"* ]]; then
  ok "no display, no command: exit $rc and one line: $out"
else
  bad "no display, no command: exit $rc, expected one line about the display: $(head -c 2000 <<<"$out")"
fi

changed=$(find "$image" -newer "$marker" -print | head -20)
if [[ -z "$changed" ]]; then
  ok "the image is unchanged after a start"
else
  bad "a start changed the image:"$'\n'"$changed"
fi
for cache in .javacpp .openjfx; do
  if [[ -e "$home/$cache" ]]; then
    bad "a start wrote ~/$cache ($(du -sh "$home/$cache" | cut -f1)): natives did not load from the image"
  fi
done
[[ -e "$home/.javacpp" || -e "$home/.openjfx" ]] || ok "nothing extracted into the home folder"

# --- what is inside -------------------------------------------------------------------------
data_jar=$(ls "$appdir"/latent-explorer-resources-*.jar 2>/dev/null | head -1)
if [[ -n "$data_jar" ]]; then
  listing=$(unzip -Z1 "$data_jar")
  missing=()
  for f in mnist-digits/images-idx3-ubyte.gz mnist-digits/labels-idx1-ubyte.gz \
    fashion-mnist/t10k-images-idx3-ubyte.gz fashion-mnist/t10k-labels-idx1-ubyte.gz; do
    grep -qx "org/latentexplorer/resources/data/$f" <<<"$listing" || missing+=("$f")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    ok "bundled data sets inside the image ($(basename "$data_jar"))"
  else
    bad "bundled data missing from $(basename "$data_jar"): ${missing[*]}"
  fi
else
  bad "no resources jar in $appdir"
fi

unwanted=$(ls "$appdir" | grep -E '^(deeplearning4j|fastutil|junit|testfx|openjfx-monocle)' || true)
if [[ -z "$unwanted" ]]; then
  ok "no DL4J or test jars on the class path"
else
  bad "jars that should not be in the image: $unwanted"
fi

# Natives: only this platform's, and none left inside jars except JNA's own for this platform.
case $(uname -m) in
  x86_64) machine="3e 00" jna="linux-x86-64" ;;
  aarch64) machine="b7 00" jna="linux-aarch64" ;;
  *) machine="" jna="" ;;
esac
in_jars=""
for j in "$appdir"/*.jar; do
  found=$(unzip -Z1 "$j" | grep -E '\.(so|dll|dylib|jnilib|a)(\.[0-9]+)*$' | grep -v "^com/sun/jna/$jna/" || true)
  [[ -z "$found" ]] || in_jars+="$(basename "$j"): $(echo $found)"$'\n'
done
if [[ -z "$in_jars" ]]; then
  ok "no native libraries left inside jars (but JNA's for $jna)"
else
  bad "native libraries inside jars:"$'\n'"$in_jars"
fi
foreign=""
while IFS= read -r -d '' f; do
  magic=$(od -An -tx1 -N4 "$f" | tr -d ' ')
  arch=$(od -An -tx1 -j18 -N2 "$f" | sed 's/^ *//')
  [[ "$magic" == 7f454c46 && ( -z "$machine" || "$arch" == "$machine" ) ]] || foreign+="$f "
done < <(find "$appdir/natives" "$runtime/lib" -type f -name '*.so*' -print0)
if [[ -z "$foreign" ]]; then
  ok "every native library is an ELF for $(uname -m)"
else
  bad "not for this machine: $foreign"
fi

# jdeps over the class path: every JDK module it needs is in the runtime, and every JavaFX
# internal package it uses is exported to it by the launcher.
classes="$scratch/classes"
mkdir -p "$classes"
for j in "$appdir"/*.jar; do
  unzip -q -o "$j" '*.class' -x 'module-info.class' 'META-INF/*' -d "$classes" >/dev/null 2>&1 || true
done
needed=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps "$classes" 2>"$scratch/jdeps.err" | tail -1)
have=$("$runtime/bin/java" --list-modules | sed 's/@.*//')
if [[ -z "$needed" ]]; then
  bad "jdeps failed: $(head -c 500 "$scratch/jdeps.err")"
else
  absent=""
  for m in ${needed//,/ }; do
    grep -qx "$m" <<<"$have" || absent+="$m "
  done
  if [[ -z "$absent" ]]; then
    ok "runtime has the JDK modules the class path needs ($needed)"
  else
    bad "modules the class path needs but the runtime lacks: $absent (add them to jlink.args)"
  fi
fi
internals=$("$jdk/bin/jdeps" --system "$runtime" -verbose:package --ignore-missing-deps "$classes" 2>/dev/null |
  awk '$2 == "->" && $5 == "(internal)" && $4 ~ /^javafx\./ { print $4 "/" $3 }' | sort -u)
closed=""
for mp in $internals; do
  grep -qE "^java-options=--add-(exports|opens)=$mp=ALL-UNNAMED$" "$cfg" || closed+="$mp "
done
if [[ -z "$closed" ]]; then
  ok "launcher opens the JavaFX internals the class path uses (${internals//$'\n'/ })"
else
  bad "JavaFX internals used but not exported by the launcher: $closed (add to launcher.args)"
fi

# Desktop entry, as the .deb installs it.
desktop="$image/lib/latent-explorer-latent-explorer.desktop"
wm_class=""
if [[ -f "$desktop" ]]; then
  exec_line=$(sed -n 's/^Exec=//p' "$desktop")
  icon_line=$(sed -n 's/^Icon=//p' "$desktop")
  wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop")
  if [[ "$exec_line" == /opt/latent-explorer/bin/latent-explorer* &&
    "$icon_line" == /opt/latent-explorer/lib/latent-explorer.png && -f "$image/lib/latent-explorer.png" ]]; then
    ok "desktop entry: Exec=$exec_line, Icon=$icon_line"
  else
    bad "desktop entry names the wrong files: Exec=$exec_line Icon=$icon_line"
  fi
  if command -v desktop-file-validate >/dev/null; then
    if v=$(desktop-file-validate "$desktop" 2>&1) && ! grep -qE ' (error|warning):' <<<"$v"; then
      ok "desktop-file-validate finds no error or warning${v:+ ($v)}"
    else
      bad "desktop-file-validate: $v"
    fi
  fi
else
  bad "no desktop entry at $desktop"
fi

# --- the window -----------------------------------------------------------------------------
# Under a virtual display (measure-window.sh): time from the launch to a mapped window, to a
# painted one and to Train pressable, and the window's class against the desktop entry.
if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null && command -v import >/dev/null; then
  shot=""
  [[ -n "$report" ]] && mkdir -p "$report" && shot="$report/window.png"
  result=$(xvfb-run -a -s "-screen 0 1600x1000x24" \
    bash "$(dirname "${BASH_SOURCE[0]}")/measure-window.sh" "$launcher" "$shot")
  read -r _ mapped painted train cls cache <<<"$(grep '^window ' <<<"$result")"
  if [[ "${mapped:--}" != - ]]; then
    ok "window mapped $mapped ms after the launch, painted after $painted ms, Train pressable after $train ms"
    note "launch to window: mapped $mapped ms, painted $painted ms, Train pressable $train ms (Xvfb, software rendering; targets 2000 and 4000 ms)"
    [[ "$train" != - ]] || bad "Train never became pressable on the bundled digits"
    if [[ -n "$wm_class" && "$cls" != "$wm_class" ]]; then
      bad "the window's class is $cls but the desktop entry says StartupWMClass=$wm_class"
    else
      ok "window class $cls matches the desktop entry"
    fi
  else
    bad "no window within 60 s"
  fi
  [[ "${cache:--}" == - ]] ||
    bad "JavaFX extracted its natives into ~/.openjfx instead of loading them from the runtime"
else
  skip "window: needs xvfb-run, xdotool and ImageMagick's import"
fi

# --- the .deb -------------------------------------------------------------------------------
deb=""
[[ -n "$installer" && -d "$installer" ]] && deb=$(ls "$installer"/*.deb 2>/dev/null | head -1)
if [[ -n "$deb" ]]; then
  note "deb: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
  depends=$(dpkg-deb -f "$deb" Depends)
  [[ "$depends" == *libgtk-3-0* ]] && ok "deb depends on GTK 3" || bad "deb does not depend on libgtk-3-0: $depends"
  contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
  for f in ./opt/latent-explorer/bin/latent-explorer \
    ./opt/latent-explorer/lib/latent-explorer-latent-explorer.desktop \
    ./opt/latent-explorer/lib/latent-explorer-latent-explorer-MimeInfo.xml \
    ./opt/latent-explorer/lib/app/natives/libnd4jcpu.so; do
    grep -qx -- "$f" <<<"$contents" || bad "deb lacks $f"
  done
  dupes=$(grep -E '/natives/lib[^/]*\.so$' <<<"$contents" | grep -vE '/lib(nd4jcpu|jni[^/]*)\.so$' || true)
  [[ -z "$dupes" ]] && ok "deb holds each native library once" || bad "deb holds copies of natives under link names: $dupes"

  # Installed under /opt the app folder is read-only for users: unpack the .deb, make it
  # read-only to a user who is not root, and start it as that user.
  root="$scratch/deb"
  dpkg-deb -x "$deb" "$root"
  chmod -R a+rX,a-w "$root/opt"
  user_home=$(fresh_home)
  run_as=()
  if [[ $(id -u) -eq 0 ]]; then
    chown nobody "$user_home" 2>/dev/null && run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
  if [[ $(id -u) -ne 0 || ${#run_as[@]} -gt 0 ]]; then
    out=$(as_user "$user_home" "" "${run_as[@]}" "$root/opt/latent-explorer/bin/latent-explorer" --self-check 2>&1)
    if [[ "$out" == *OK* ]]; then
      cache=$(du -sh "$user_home/.javacpp" 2>/dev/null | cut -f1)
      ok "the .deb's files start read-only as a user: ${out##*$'\n'}"
      note "first start from the .deb writes ~/.javacpp: ${cache:-nothing}"
    else
      bad "the .deb's files do not start read-only: $out"
    fi
  else
    skip "read-only start of the .deb: cannot switch to an unprivileged user"
  fi
else
  skip "no .deb to check"
fi

# --- sizes ----------------------------------------------------------------------------------
note "image $(du -sh "$image" | cut -f1): runtime $(du -sh "$runtime" | cut -f1)," \
  "natives $(du -sh "$appdir/natives" | cut -f1)," \
  "jars $(du -ch "$appdir"/*.jar | tail -1 | cut -f1)"
if [[ -n "$report" ]]; then
  mkdir -p "$report"
  printf '%s\n' "${summary[@]}" >"$report/summary.txt"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "All image checks passed."
