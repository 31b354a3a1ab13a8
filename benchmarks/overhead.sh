#!/usr/bin/env bash
# The application-level overhead benchmark (issue 20): a petclinic-like Spring Boot service
# (benchmarks/petclinic) under a fixed-concurrency load, in six variants interleaved run by run:
# no agent, cachedb-agent off, cachedb-agent, the OpenTelemetry agent (metrics only), the same
# with its database metrics, and a calibration agent burning a known CPU time per intercepted
# call. Writes the section "Application under load (issue 20)" of benchmarks/RESULTS.md.
#
#   benchmarks/overhead.sh           full run: RUNS=4 rounds (the first a warm-up, not counted);
#                                    per run WARMUP=60 s at WARMUP_CONNECTIONS=4 on both CPUs,
#                                    then the service pinned to CPU 1, SETTLE=5 s at all
#                                    connections, SECONDS=40 s measured (about 48 minutes)
#   benchmarks/overhead.sh --smoke   one short run per variant, checks each works end to end
#
# Other sizes: CONNECTIONS=16, OWNERS=20000, UPDATE_PERCENT=10, SCRAPE_INTERVAL=5 (seconds),
# REDIS_MAX_MEMORY (bytes, sets the cache's miss ratio), CALIBRATION_SHARE=0.02, PIN=0 (no
# taskset), VARIANTS="none cachedb" (a subset, for trying things), CACHEDB_OPTIONS (more options
# for this agent), SERVICE_JAVA_OPTIONS (more JVM options for the service, e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=()
[ "${1:-}" = "--smoke" ] && SMOKE=(--smoke)

[ -f agent/target/cachedb-agent.jar ] && [ -f benchmarks/target/cachedb-benchmarks.jar ] &&
  [ -f benchmarks/target/calibration-agent.jar ] &&
  [ -f benchmarks/target/opentelemetry-javaagent.jar ] &&
  [ -f benchmarks/petclinic/target/cachedb-bench-petclinic.jar ] ||
  mvn -B -q -DskipTests package -pl agent,benchmarks,benchmarks/petclinic -am

OUT=benchmarks/target/overhead
rm -rf "$OUT" && mkdir -p "$OUT"
started=$(date +%s)
python3 benchmarks/overhead.py "$OUT" "${SMOKE[@]}"
echo "overhead runs took $(( $(date +%s) - started )) s"
COMMAND="benchmarks/overhead.sh${SMOKE:+ --smoke}"
# printenv, not ${!v}: bash's own SECONDS counts up from the value it was given.
for v in UPDATE_PERCENT OWNERS CONNECTIONS SETTLE WARMUP_CONNECTIONS WARMUP SECONDS RUNS; do
  value=$(printenv "$v" || true)
  if [ -n "$value" ]; then COMMAND="$v=$value $COMMAND"; fi
done
if [ ${#SMOKE[@]} -gt 0 ]; then
  python3 benchmarks/overhead_report.py "$OUT" "$COMMAND"
else
  python3 benchmarks/overhead_report.py "$OUT" "$COMMAND" benchmarks/RESULTS.md
  echo "wrote the section 'Application under load (issue 20)' of benchmarks/RESULTS.md"
fi
