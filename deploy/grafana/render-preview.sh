#!/usr/bin/env bash
# Renders docs/dashboard.png: the test application runs with the agent for a few minutes (every
# workload, every pool kind, and --trouble: failing and slow queries, a starved pool), a local
# Prometheus scrapes it every second, render-preview.py draws each dashboard panel from
# Prometheus's data, and headless Chromium takes the screenshot. Not part of the build.
#
# Needs: a built tree (mvn -B -q -DskipTests package), prometheus and chromium on the PATH
# (Debian: apt-get install -y prometheus chromium). Usage: deploy/grafana/render-preview.sh [seconds]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-150}"
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
agent_port="$(free_port)"
prom_port="$(free_port)"

cat > "$work/prometheus.yml" <<EOF
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: cachedb-agent
    static_configs: [{targets: ['127.0.0.1:$agent_port']}]
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
prom_pid=$!
java -javaagent:"$root/agent/target/cachedb-agent.jar=port=$agent_port,host=127.0.0.1,jdbc.slow_query_threshold=100ms,redis.memory.interval=2s" \
  -jar "$root/test-app/target/cachedb-test-app.jar" \
  --pools=all --trouble --interval-ms=100 --seconds="$seconds" --linger > "$work/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid $prom_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "running test-app for ${seconds}s (logs in $work)"
until grep -q "workload ready" "$work/app.log"; do
  kill -0 $app_pid 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done
start=$(($(date +%s) - 2))
until grep -q "lingering" "$work/app.log"; do
  kill -0 $app_pid 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 2
done
sleep 3
end=$(date +%s)

python3 "$root/deploy/grafana/render-preview.py" --prometheus "http://127.0.0.1:$prom_port" \
  --start "$start" --end "$end" --step 2 --rate-interval 10s --out "$work/dashboard.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --window-size=1900,2090 --screenshot="$root/docs/dashboard.png" "file://$work/dashboard.html" \
  2> "$work/chromium.log" || { cat "$work/chromium.log"; exit 1; }
echo "wrote $root/docs/dashboard.png"
