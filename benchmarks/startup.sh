#!/usr/bin/env bash
# Start-up time to ready and resident memory (RSS) of the real runnable jar, measured from outside
# the JVM, once per set of JVM options:
#   ask    `java OPTS -jar confbot.jar ask QUESTION`: wall time to the printed answer, peak RSS
#          (/usr/bin/time -v when installed, else VmHWM sampled from /proc until the process ends);
#   serve  `java OPTS -jar confbot.jar serve` against the fake Bot API on 127.0.0.1 (a process of its
#          own): time until /readyz answers 200, VmRSS once ready, the peak VmRSS while the fake feeds
#          it UPDATES questions at once, and VmHWM at the end.
# Writes startup.properties to $CONFBOT_BENCH_OUT (default benchmarks/target/bench). Needs the two
# jars built (benchmarks/run builds them). Each figure is the median of ROUNDS runs, the variants
# interleaved, so a burst of load from elsewhere on the machine does not land on one variant only.
# Usage: benchmarks/startup.sh [UPDATES] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/adapters/cli/target/confbot.jar"
bench="$root/benchmarks/target/benchmarks.jar"
out="${CONFBOT_BENCH_OUT:-$root/benchmarks/target/bench}"
eval_file="${CONFBOT_BENCH_EVAL:-$root/../shared/eval/public.jsonl}"
updates="${1:-2000}"
rounds="${2:-3}"
question="When and where was KubeCon China 2019?"
token="123456789:AAH-bench_token_0123456789abcdef" # LoadFeed.TOKEN; a fake, not a secret
mkdir -p "$out"
work="$(mktemp -d)"
fake_pid=""
bot_pid=""
cleanup() {
  [ -n "$bot_pid" ] && kill -KILL "$bot_pid" 2>/dev/null || true
  [ -n "$fake_pid" ] && kill -KILL "$fake_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The variants: the launcher's flags first; the others are proposals for CONFBOT_JAVA_OPTS. Each is
# "name|serve options|ask options"; @SERVE and @ASK stand for the class-data archives made below (serve's
# from a serve run, as the launcher makes its own; ask's from an ask run), an empty ask part repeats the
# serve part.
ask_jsa="$out/confbot-ask.jsa"
serve_jsa="$out/confbot-serve.jsa"
lean="-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m"
variants=(
  "launcher|$lean -Xms64m -XX:SharedArchiveFile=@SERVE|$lean -XX:TieredStopAtLevel=1 -Xms32m -XX:SharedArchiveFile=@ASK"
  "launcher-before|$lean -XX:SharedArchiveFile=@ASK|"
  "jvm-defaults||"
  "serve-c1|$lean -Xms64m -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=@SERVE|"
  "serve-small|$lean -Xmx128m -XX:SharedArchiveFile=@SERVE|"
)
if [ -n "${CONFBOT_BENCH_VARIANTS:-}" ]; then # names of the variants to measure alone, e.g. "launcher serve-c1"
  chosen=()
  for variant in "${variants[@]}"; do
    case " $CONFBOT_BENCH_VARIANTS " in *" ${variant%%|*} "*) chosen+=("$variant") ;; esac
  done
  variants=("${chosen[@]}")
fi

now_ms() { date +%s%3N; }
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
mb() { echo $(( ${1:-0} / 1024 )); }
results="$work/startup.properties"
: > "$results"
put() { echo "$1=$2" >> "$results"; }

# AppCDS archives (JDK 13+ dynamic archives), made once per jar: one of the classes an `ask` loads, and
# one of those a `serve` loads, dumped when that serve stops (serve_once below, not counted).
if [ ! -f "$ask_jsa" ] || [ "$jar" -nt "$ask_jsa" ]; then
  rm -f "$ask_jsa"
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$ask_jsa" -jar "$jar" ask "$question" > /dev/null 2>&1 || true
fi
archives() { # options -> the same with @SERVE and @ASK replaced
  local opts="${1//@SERVE/$serve_jsa}"
  echo "${opts//@ASK/$ask_jsa}"
}

ask_once() { # opts -> "millis peak_kb"
  local opts="$1" start end peak=0 pid hwm
  if [ -x /usr/bin/time ]; then
    start=$(now_ms)
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/time.txt" java $opts -jar "$jar" ask "$question" > /dev/null 2> "$work/ask.err"
    end=$(now_ms)
    peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  else
    start=$(now_ms)
    # shellcheck disable=SC2086
    java $opts -jar "$jar" ask "$question" > /dev/null 2> "$work/ask.err" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(status_kb "$pid" VmHWM); [ -n "$hwm" ] && peak=$hwm
      sleep 0.01
    done
    wait "$pid" || true
    end=$(now_ms)
  fi
  echo "$(( end - start )) $peak"
}

serve_once() { # name opts
  local name="$1" opts="$2" fakedir="$work/fake-$1" start ready=0 port="" deadline peak=0 rss
  mkdir -p "$fakedir"
  java -Dconfbot.bench.eval="$eval_file" -cp "$bench" confbot.telegram.StandaloneFakeApi "$fakedir" "$updates" \
    > "$fakedir/fake.log" 2>&1 &
  fake_pid=$!
  for _ in $(seq 1 500); do [ -f "$fakedir/url" ] && break; sleep 0.02; done
  start=$(now_ms)
  # shellcheck disable=SC2086
  # In its own folder: a fresh state file, as the journal of an earlier run would drop these update ids.
  (cd "$fakedir" && exec env -u DISCORD_BOT_TOKEN -u DISCORD_BOT_TOKEN_FILE -u TELEGRAM_BOT_TOKEN_FILE -u CONFBOT_CONFIG \
      TELEGRAM_BOT_TOKEN="$token" TELEGRAM_API_URL="$(cat "$fakedir/url")" \
      java $opts -jar "$jar" serve --http-port 0) > "$fakedir/serve.out" 2> "$fakedir/serve.err" &
  bot_pid=$!
  deadline=$(( start + 60000 ))
  while [ "$(now_ms)" -lt "$deadline" ] && kill -0 "$bot_pid" 2>/dev/null; do
    if [ -z "$port" ]; then
      port=$(sed -n 's/.*Health and metrics on port \([0-9]*\).*/\1/p' "$fakedir/serve.err" | head -1)
    fi
    if [ -n "$port" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then
      ready=$(now_ms)
      break
    fi
    sleep 0.01
  done
  if [ "$ready" -eq 0 ]; then
    echo "startup.sh: $name never became ready; its stderr:" >&2
    tail -20 "$fakedir/serve.err" >&2
  else
    put "$name.ready_ms" $(( ready - start ))
    # The process's CPU time until ready (utime + stime, in clock ticks): on a shared machine it moves
    # much less with the load than the wall time does.
    put "$name.ready_cpu_ms" "$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$bot_pid/stat")"
    sleep 1 # settled: what the process holds once ready, not what start-up allocated on the way
    put "$name.rss_ready_mb" "$(mb "$(status_kb "$bot_pid" VmRSS)")"
    touch "$fakedir/go"
    deadline=$(( $(now_ms) + 130000 ))
    while [ ! -f "$fakedir/done" ] && [ "$(now_ms)" -lt "$deadline" ]; do
      rss=$(status_kb "$bot_pid" VmRSS); [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
      sleep 0.05
    done
    put "$name.rss_load_peak_mb" "$(mb "$peak")"
    put "$name.hwm_mb" "$(mb "$(status_kb "$bot_pid" VmHWM)")"
    if [ -f "$fakedir/done" ]; then
      read -r answered seconds < "$fakedir/done"
      put "$name.load_answered" "$answered"
      put "$name.load_seconds" "$seconds"
    fi
  fi
  kill -TERM "$bot_pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$bot_pid" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$bot_pid" 2>/dev/null || true
  wait "$bot_pid" 2>/dev/null || true
  bot_pid=""
  touch "$fakedir/stop"
  wait "$fake_pid" 2>/dev/null || true
  fake_pid=""
}

ask_once "-XX:+UseSerialGC" > /dev/null # the first run after a build pays for the page cache; not counted
if [ ! -f "$serve_jsa" ] || [ "$jar" -nt "$serve_jsa" ]; then
  rm -f "$serve_jsa"
  serve_once archive "-XX:+UseSerialGC -XX:ArchiveClassesAtExit=$serve_jsa"
  : > "$results" # that run made the archive; its figures are not counted
fi
for round in $(seq 1 "$rounds"); do
  for variant in "${variants[@]}"; do
    name="${variant%%|*}"
    rest="${variant#*|}"
    serve_opts="${rest%%|*}"
    ask_opts="${rest#*|}"
    [ -z "$ask_opts" ] && ask_opts="$serve_opts"
    put "$name.opts" "$serve_opts"
    put "$name.ask_opts" "$ask_opts"
    read -r ask_ms ask_kb <<< "$(ask_once "$(archives "$ask_opts")")"
    put "$name.ask_ms" "$ask_ms"
    put "$name.ask_peak_mb" "$(mb "$ask_kb")"
    serve_once "$name" "$(archives "$serve_opts")"
  done
done
put "load_updates" "$updates"
put "rounds" "$rounds"
put "rss_source" "$([ -x /usr/bin/time ] && echo '/usr/bin/time -v (ask), /proc/PID/status (serve)' || echo '/proc/PID/status')"
# The median of each figure over the rounds (a text value: its first).
awk -F= '
  { key = $1; value = substr($0, length($1) + 2)
    if (!(key in n)) { order[++keys] = key; n[key] = 0 }
    values[key, ++n[key]] = value }
  END {
    for (k = 1; k <= keys; k++) {
      key = order[k]; m = n[key]
      if (values[key, 1] !~ /^[0-9.]+$/) { print key "=" values[key, 1]; continue }
      for (i = 1; i <= m; i++) sorted[i] = values[key, i] + 0
      for (i = 2; i <= m; i++) { v = sorted[i]; j = i - 1; while (j > 0 && sorted[j] > v) { sorted[j + 1] = sorted[j]; j-- } sorted[j + 1] = v }
      print key "=" sorted[int((m + 1) / 2)]
    }
  }' "$results" > "$out/startup.properties"
