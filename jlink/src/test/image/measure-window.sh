#!/usr/bin/env bash
# Starts the app's launcher on the current X display as a new user (empty home, no JDK on the
# PATH) and prints one line:  window MAPPED_MS PAINTED_MS TRAIN_MS WM_CLASS OPENJFX_CACHE
# MAPPED_MS is the time from the launch to a visible window, PAINTED_MS to the start of the first
# capture of it that shows more than a handful of colours (drawn, not just mapped), TRAIN_MS to
# the Train button enabled on the bundled digits (the app writes it to its start-up log), "-"
# when it did not happen within 60 s;
# OPENJFX_CACHE is "openjfx-cache" when JavaFX extracted natives into the home folder, else "-".
# Saves a screenshot of the whole screen after a few more seconds when SCREENSHOT is given.
# JAVA_TOOL_OPTIONS, when set, reaches the app's JVM (make-classlist.sh uses it).
# Needs xdotool, xprop and ImageMagick (import, identify); xvfb-run gives a display:
#   xvfb-run -a -s "-screen 0 1600x1000x24" measure-window.sh LAUNCHER [SCREENSHOT]
set -uo pipefail
launcher=$1
shot=${2:-}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
now_ns() { date +%s%N; }

start=$(now_ns)
# Java takes user.home from the password file, not from $HOME.
env -i HOME="$home" PATH=/usr/bin:/bin DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY:-}" \
  JAVA_TOOL_OPTIONS="-Duser.home=$home -Dlatentexplorer.startupLog=$home/.startup.log${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}" \
  "$launcher" >"$home/.launch.log" 2>&1 &
pid=$!
win="" mapped="-" painted="-" train="-" class="-"
for _ in $(seq 1 1200); do
  win=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1)
  if [[ -n "$win" ]]; then
    mapped=$((($(now_ns) - start) / 1000000))
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if [[ -n "$win" ]]; then
  for _ in $(seq 1 600); do
    # Timed from the capture's start: grabbing the window takes a moment, encoding and counting
    # its colours 0.3-0.5 s more on 2 cores, which the window does not wait for.
    began=$(now_ns)
    colours=$(import -silent -window "$win" png:- 2>/dev/null | identify -format '%k' - 2>/dev/null)
    if [[ "${colours:-0}" -gt 50 ]]; then
      painted=$(((began - start) / 1000000))
      break
    fi
    sleep 0.05
  done
  for _ in $(seq 1 1200); do
    at=$(sed -n 's/^train-pressable //p' "$home/.startup.log" 2>/dev/null | head -1)
    if [[ -n "$at" ]]; then
      train=$((at - start / 1000000))
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  class=$(xprop -id "$win" WM_CLASS | sed -n 's/.*= "\([^"]*\)".*/\1/p')
  if [[ -n "$shot" ]]; then
    sleep 5
    import -silent -window root "$shot" 2>/dev/null
  fi
else
  tail -5 "$home/.launch.log" >&2
fi
kill -TERM "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
cache="-"
[[ -e "$home/.openjfx" ]] && cache="openjfx-cache"
echo "window $mapped $painted $train ${class:--} $cache"
