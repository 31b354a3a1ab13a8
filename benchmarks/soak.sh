#!/usr/bin/env bash
# Soak: runs the test-app with the agent under steady load (JDBC, HikariCP, Jedis, Lettuce, all five
# pool kinds) plus churn (pools and Redis clients created and closed as it goes, --churn), and every
# interval records heap after a full GC, live threads, series count (lines of /metrics not starting
# with #) and scrape latency into docs/soak.csv, then plots docs/soak.png with gnuplot.
#
#   benchmarks/soak.sh                         30 minutes, one sample a minute (writes docs/)
#   benchmarks/soak.sh 45                      45 minutes
#   benchmarks/soak.sh --minutes 1 --interval-s 10   short form for CI (writes target/soak/)
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=30
INTERVAL_S=60
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --interval-s) INTERVAL_S=$2; shift 2 ;;
    [0-9]*) MINUTES=$1; shift ;;
    *) echo "usage: $0 [minutes] [--minutes N] [--interval-s N]" >&2; exit 2 ;;
  esac
done
# A full run writes the committed results under docs/; a short one keeps them in target/.
OUT=docs
[ "$MINUTES" -lt 30 ] && OUT=benchmarks/target/soak
# Each run works in a folder of its own, so a short run never disturbs a long one.
WORK=benchmarks/target/soak/run-$$
mkdir -p "$OUT" "$WORK"
CSV=$OUT/soak.csv
PNG=$OUT/soak.png
LOG=$WORK/app.log

[ -f agent/target/cachedb-agent.jar ] && [ -f test-app/target/cachedb-test-app.jar ] ||
  mvn -B -q -DskipTests package -pl agent,test-app -am

# Private copies: a rebuild during a long soak must not rewrite the jars the JVM has open.
cp agent/target/cachedb-agent.jar test-app/target/cachedb-test-app.jar "$WORK/"
java -Xmx256m -javaagent:"$PWD/$WORK/cachedb-agent.jar=port=0,host=127.0.0.1" \
  -jar "$WORK/cachedb-test-app.jar" --interval-ms=20 --pools=all --churn \
  > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT

PORT=
for _ in $(seq 1 120); do
  PORT=$(sed -n 's#.*serving metrics on http://[^:]*:\([0-9]*\)/metrics.*#\1#p' "$LOG" | head -1)
  [ -n "$PORT" ] && grep -q "workload ready" "$LOG" && break
  kill -0 $APP 2>/dev/null || { echo "test-app died:"; cat "$LOG"; exit 1; }
  sleep 0.5
done
[ -n "$PORT" ] || { echo "agent did not start serving:"; cat "$LOG"; exit 1; }
echo "soak: test-app pid $APP, metrics on port $PORT, $MINUTES min, a sample every $INTERVAL_S s"

echo "minute,heap_after_gc_kb,live_threads,series,scrape_ms" > "$CSV"
sample() {
  jcmd $APP GC.run > /dev/null
  # G1: "garbage-first heap   total 262144K, used 51234K"
  local heap threads t0 t1 series
  heap=$(jcmd $APP GC.heap_info | sed -n 's/.*heap.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  threads=$(jcmd $APP Thread.print | grep -c '^"')
  t0=$(date +%s%N)
  series=$(curl -sf "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')
  t1=$(date +%s%N)
  printf '%s,%s,%s,%s,%s\n' "$1" "$heap" "$threads" "$series" "$(( (t1 - t0) / 1000000 ))" >> "$CSV"
  tail -1 "$CSV"
}

end=$(( $(date +%s) + MINUTES * 60 ))
start=$(date +%s)
sleep "$INTERVAL_S"
while :; do
  kill -0 $APP 2>/dev/null || { echo "test-app died:"; tail -50 "$LOG"; exit 1; }
  sample "$(awk -v s=$(( $(date +%s) - start )) 'BEGIN { printf "%.2f", s / 60 }')"
  [ "$(date +%s)" -lt "$end" ] || break
  sleep "$INTERVAL_S"
done

# The app and its libraries log to the same file; an exception there means the churn broke.
if grep -q -i 'exception' "$LOG"; then
  echo "soak: the application logged an exception:"; grep -i -m5 'exception' "$LOG"; exit 1
fi

gnuplot <<GP
set terminal pngcairo size 1000,700 noenhanced
set output "$PNG"
set datafile separator ","
set key autotitle columnhead
set multiplot layout 2,2 title "cachedb-agent soak: test-app, all workloads + churn, ${MINUTES} min"
set xlabel "minute"
set yrange [0:*]
set title "heap after full GC (KB)";  plot "$CSV" using 1:2 with linespoints notitle
set title "live threads";            plot "$CSV" using 1:3 with linespoints notitle
set title "series in /metrics";      plot "$CSV" using 1:4 with linespoints notitle
set title "scrape latency (ms)";     plot "$CSV" using 1:5 with linespoints notitle
unset multiplot
GP
echo "soak: wrote $CSV and $PNG"

# Flat means: no series and no threads left behind by the churn, heap after GC not creeping. The
# slack covers a pool or Lettuce client that happens to be open at the sample (each adds a few
# series and threads for a moment).
awk -F, 'NR == 2 { h = $2; t = $3; s = $4 } NR > 1 { lh = $2; lt = $3; ls = $4 }
  END {
    printf "soak: first heap %d KB, threads %d, series %d; last heap %d KB, threads %d, series %d\n",
      h, t, s, lh, lt, ls
    if (ls > s + 20 || lt > t + 10 || lh > 2 * h + 16384) { print "soak: NOT FLAT"; exit 1 }
    print "soak: flat"
  }' "$CSV"
