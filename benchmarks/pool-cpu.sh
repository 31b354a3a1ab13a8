#!/usr/bin/env bash
# The pool benches (AbstractPoolBench's subclasses, the Redis clients' pools of RedisPoolBench) by
# CPU time per borrow and return (PoolCpuTime), for a machine too loaded for JMH's wall time;
# BENCHES=JedisBench.pipelined64 times a pipelined Jedis command the same way. The Floor rows time
# no library: one System.nanoTime(), and the three clock readings and two histogram updates any
# timing of a borrow's acquire and usage needs (the machine's floor). ROUNDS rounds, each
# running every variant in its own JVM, the order rotated per round. Prints each variant's median
# of its rounds with the lowest and highest, and its cost over `none` paired within each round.
#   VARIANTS="none cachedb noprefix" adds the agent with key prefixes off.
#
#   benchmarks/pool-cpu.sh [ROUNDS]     default 5 rounds of none, off, cachedb
#   BEFORE_AGENT_JAR=path adds an earlier agent build as the variant `before`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
BENCHES=${BENCHES:-Floor.clockReading Floor.timedBorrow PoolBench DruidBench ViburBench AgroalBench UcpBench RedisPoolBench.jedisBorrowAndReturn RedisPoolBench.lettuceBorrowAndReturn}
BENCH=benchmarks/target/cachedb-benchmarks.jar
AGENT=agent/target/cachedb-agent.jar
[ -f "$AGENT" ] && [ -f "$BENCH" ] || mvn -B -q -DskipTests package -pl agent,benchmarks -am

read -r -a VARIANTS <<< "${VARIANTS:-none off cachedb} ${BEFORE_AGENT_JAR:+before}"
args() {
  case "$1" in
    none) echo "-Dbench.variant=none" ;;
    off) echo "-javaagent:$AGENT=enabled=false,port=0,host=127.0.0.1,log.level=warn" ;;
    cachedb) echo "-javaagent:$AGENT=port=0,host=127.0.0.1,log.level=warn" ;;
    noprefix) echo "-javaagent:$AGENT=port=0,host=127.0.0.1,log.level=warn,redis.key_prefix.enabled=false" ;;
    before) echo "-javaagent:$BEFORE_AGENT_JAR=port=0,host=127.0.0.1,log.level=warn" ;;
  esac
}
OUT=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!VARIANTS[@]}"; do
    v=${VARIANTS[$(( (i + round - 1) % ${#VARIANTS[@]} ))]}
    # shellcheck disable=SC2046 # the variant's options are separate words
    java $(args "$v") -cp "$BENCH" dev.cachedb.bench.PoolCpuTime 15 $BENCHES 2>/dev/null |
      sed "s/^/$v $round /" >> "$OUT"
  done
done
python3 - "$OUT" <<'PY'
import collections, statistics, sys
by = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    variant, rnd, bench, median = line.split()[:4]
    by[bench, variant][rnd] = float(median)
print("| benchmark | variant | CPU ns per call, median of rounds [lowest, highest] | added over none, paired by round: median [lowest, highest] |")
print("|---|---|---:|---:|")
for bench in sorted({b for b, _ in by}):
    none = by.get((bench, "none"), {})
    for variant in ["none", "off", "cachedb", "noprefix", "before"]:
        runs = by.get((bench, variant))
        if not runs:
            continue
        v = list(runs.values())
        added = [runs[r] - none[r] for r in runs if r in none and variant != "none"]
        extra = (f"{statistics.median(added):+.1f} [{min(added):+.1f}, {max(added):+.1f}]"
                 if added else "")
        print(f"| {bench} | {variant} | {statistics.median(v):.1f} "
              f"[{min(v):.1f}, {max(v):.1f}] | {extra} |")
PY
rm -f "$OUT"
