#!/usr/bin/env python3
"""Runs the application-level overhead benchmark (issue 20); benchmarks/overhead.sh calls it.

The petclinic service (benchmarks/petclinic) runs once per variant and round; PostgreSQL, Redis
and the load generator run on CPU 0. Rounds rotate the variants' order. Each run: launch, time to
the first answered request, WARMUP seconds of one connection on both CPUs, then the service
pinned to CPU 1 and all connections: SETTLE seconds, then the measured window (the load
generator reads the service's /internal/stats around it), Prometheus-style scrapes of the
agent's endpoint every SCRAPE_INTERVAL seconds, RSS at the end. One JSON file per run into
the output folder; overhead_report.py turns them into the table.

usage: overhead.py OUT_DIR [--smoke]     (sizes from the environment, see overhead.sh)
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from overhead_report import work
from process_bench import free_port, proc_status

VARIANTS = ["none", "off", "cachedb", "otel", "otel-db", "calibration"]
SCRAPED = {"cachedb", "otel", "otel-db"}
BENCH = "benchmarks/target/cachedb-benchmarks.jar"
SERVICE = "benchmarks/petclinic/target/cachedb-bench-petclinic.jar"
AGENT = "agent/target/cachedb-agent.jar"
OTEL = "benchmarks/target/opentelemetry-javaagent.jar"
CALIBRATION = "benchmarks/target/calibration-agent.jar"
# More agent options for the cachedb variant (CACHEDB_OPTIONS="jdbc.enabled=false ..."), to
# find which part of the agent a cost comes from.
CACHEDB_OPTIONS = os.environ.get("CACHEDB_OPTIONS", "").split()
# More JVM options for the service of every variant (SERVICE_JAVA_OPTIONS="-XX:StartFlightRecording
# ..."), for profiling it; the load generator and the servers' launcher do not get them.
SERVICE_JAVA_OPTIONS = os.environ.get("SERVICE_JAVA_OPTIONS", "").split()
# First-round guess, replaced after the warm-up round by the share of none's CPU per request.
FIRST_BURN_NANOS = 2000


def env(name, default):
    return type(default)(os.environ.get(name, default))


def pinning():
    """(service CPU, rest prefix): CPU 1 for the service's measured load, CPU 0 for the rest."""
    wanted = os.environ.get("PIN", "1") != "0"
    if wanted and shutil.which("taskset") and os.cpu_count() and os.cpu_count() >= 2:
        return ["1"], ["taskset", "-c", "0"]
    return [], []


def agent_args(variant, metrics_port, burn_nanos):
    otel = ["-javaagent:" + OTEL, "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none",
            "-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
            "-Dotel.exporter.prometheus.port=%d" % metrics_port]
    return {
        "none": [],
        "off": ["-javaagent:%s=enabled=false,log.level=warn" % AGENT],
        "cachedb": ["-javaagent:%s=port=%d,host=127.0.0.1,log.level=warn%s" % (
            AGENT, metrics_port, "".join("," + o for o in CACHEDB_OPTIONS))],
        "otel": otel,
        "otel-db": otel + ["-Dotel.semconv-stability.opt-in=database"],
        "calibration": ["-javaagent:%s=burnNanos=%d" % (CALIBRATION, burn_nanos)],
    }[variant]


def http(method, url, timeout=5.0):
    req = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, ""


def redis_info(port):
    """Redis's INFO fields, over a plain socket."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"INFO\r\n")
        data = b""
        while b"\r\n" not in data or len(data) < int(data.split(b"\r\n")[0][1:]):
            data += s.recv(65536)
    return dict(l.split(":", 1) for l in data.decode().splitlines() if ":" in l)


def redis_stats(port):
    """keyspace_hits and keyspace_misses so far."""
    info = redis_info(port)
    return int(info["keyspace_hits"]), int(info["keyspace_misses"])


class Scraper(threading.Thread):
    """Scrapes like Prometheus: every interval, noting when each scrape completed."""

    def __init__(self, url, interval):
        super().__init__(daemon=True)
        self.url, self.interval, self.times, self.last = url, interval, [], ""
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(self.interval):
            status, self.last = http("GET", self.url)
            if status == 200:
                self.times.append(time.monotonic())


class Servers:
    """BackingServers (PostgreSQL, Redis) in their own JVM on the load generator's CPU."""

    def __init__(self, rest_cpu, redis_max_memory):
        self.p = subprocess.Popen(
            rest_cpu + ["java", "-cp", BENCH, "dev.cachedb.bench.overhead.BackingServers",
                        str(redis_max_memory)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.p.stdout.readline()
        ports = dict(kv.split("=") for kv in line.split())
        if "postgres" not in ports:
            raise SystemExit("backing servers did not start: %r" % line)
        self.postgres, self.redis = int(ports["postgres"]), int(ports["redis"])

    def close(self):
        self.p.stdin.close()
        self.p.wait(timeout=60)


def load_generator(port, connections, settle, seconds, cfg, seed, rest_cpu):
    """One LoadGenerator run: `settle` seconds of load, then `seconds` measured; its JSON."""
    load = subprocess.run(
        rest_cpu + ["java", "-cp", BENCH, "dev.cachedb.bench.overhead.LoadGenerator", str(port),
                    str(connections), str(settle), str(seconds), str(cfg["owners"]),
                    str(cfg["update_percent"]), str(seed)],
        capture_output=True, text=True)
    if load.returncode != 0:
        raise SystemExit("load generator failed\n%s" % load.stderr[-3000:])
    return json.loads(load.stdout)


def run_once(variant, servers, cfg, pins, burn_nanos, seed):
    """Launches the service unpinned (start and warm-up on both CPUs), then pins it to its CPU
    for the measured load."""
    service_cpu, rest_cpu = pins
    port, metrics_port = free_port(), free_port()
    cmd = (["java", "-Xmx512m"] + SERVICE_JAVA_OPTIONS + agent_args(variant, metrics_port, burn_nanos)
           + ["-jar", SERVICE, "--server.port=%d" % port,
              "--spring.datasource.url=jdbc:postgresql://127.0.0.1:%d/postgres" % servers.postgres,
              "--spring.datasource.username=postgres",
              "--spring.data.redis.port=%d" % servers.redis])
    base = "http://127.0.0.1:%d" % port
    launched = time.monotonic()
    service = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = []
    threading.Thread(target=lambda: log.extend(service.stdout), daemon=True).start()
    try:
        startup = None
        while startup is None:
            if service.poll() is not None or time.monotonic() - launched > 180:
                raise SystemExit("%s: service did not answer\n%s" % (variant, "".join(log[-40:])))
            try:
                http("GET", base + "/owners/1", timeout=1)
                startup = time.monotonic() - launched
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                time.sleep(0.02)
        status, seeded = http("POST", base + "/internal/seed?owners=%d" % cfg["owners"], 300)
        if status != 200:
            raise SystemExit("%s: seeding failed with %d" % (variant, status))
        scraper = None
        if variant in SCRAPED:
            scraper = Scraper("http://127.0.0.1:%d/metrics" % metrics_port, cfg["scrape_interval"])
            scraper.start()
        # Warm-up: a few connections, the service on both CPUs, so that the JIT's compiler
        # threads get a CPU's worth. Pinned to one CPU under all connections they would share it
        # with 16 request threads, a slice each, and the service would still be compiling
        # minutes later; with one connection the later load's paths stay cold (the compiler
        # threads' CPU per request in the measured window stayed at a fifth of none's after 20 s
        # of it).
        if cfg["warmup"] > 0:
            load_generator(port, cfg["warmup_connections"], 0, cfg["warmup"], cfg, seed + 1000,
                           rest_cpu)
        if service_cpu:
            subprocess.run(["taskset", "-a", "-p", "-c", service_cpu[-1], str(service.pid)],
                           check=True, capture_output=True)
        hits_before = redis_stats(servers.redis)
        load_started = time.monotonic()
        result = load_generator(port, cfg["connections"], cfg["settle"], cfg["seconds"], cfg,
                                seed, rest_cpu)
        hits_after = redis_stats(servers.redis)
        window = (load_started + cfg["settle"], load_started + cfg["settle"] + cfg["seconds"])
        metrics_text = ""
        if scraper:
            scraper.stopping.set()
            scraper.join()
            result["scrapes"] = sum(1 for t in scraper.times if window[0] <= t <= window[1] + 1)
            metrics_text = http("GET", "http://127.0.0.1:%d/metrics" % metrics_port)[1]
        hits, misses = (a - b for a, b in zip(hits_after, hits_before))
        info = redis_info(servers.redis)
        result["redis"] = {k: info.get(k, "") for k in ("used_memory", "evicted_keys", "db0")}
        result.update(variant=variant, startupSeconds=startup, burnNanos=burn_nanos,
                      redisHits=hits, redisMisses=misses,
                      rssKb=proc_status(service.pid, "VmRSS"),
                      osThreads=proc_status(service.pid, "Threads"),
                      loadAverage=float(open("/proc/loadavg").read().split()[0]),
                      pinned=bool(service_cpu))
        return result, metrics_text
    finally:
        service.terminate()
        try:
            service.wait(timeout=30)
        except subprocess.TimeoutExpired:
            service.kill()


def check_smoke(variant, result, metrics_text):
    """Fails the smoke run where a variant did not do the work the full run measures."""
    problems = []
    if result["requests"] == 0 or result["errors"] > 0:
        problems.append("%d requests, %d errors" % (result["requests"], result["errors"]))
    if variant == "cachedb":
        for needle in ('db_queries_total{query_type="SELECT",table="owner"}',
                       'db_queries_total{query_type="SELECT",table="visit"}',
                       'db_queries_total{query_type="UPDATE",table="owner"}',
                       'cache_gets_total{cache="owners",provider="redis",result="hit"}',
                       'cache_gets_total{cache="owners",provider="redis",result="miss"}'):
            values = [float(l.rsplit(" ", 1)[1]) for l in metrics_text.splitlines()
                      if l.startswith(needle)]
            if not values or values[0] <= 0:
                problems.append("no %s in /metrics" % needle)
    if variant == "calibration" and result["after"]["calibrationCalls"] <= 0:
        problems.append("the calibration agent intercepted nothing")
    if problems:
        raise SystemExit("smoke: %s: %s" % (variant, "; ".join(problems)))


def burn_for(share, results):
    """Burn per call making the calibration's added CPU `share` of none's work CPU per request
    (its Java threads' CPU, the figure the report compares)."""
    none = [r for r in results if r["variant"] == "none"][-1]
    cal = [r for r in results if r["variant"] == "calibration"][-1]
    cpu_per_request = work(none["before"], none["after"]) / none["requests"]
    calls = cal["after"]["calibrationCalls"] - cal["before"]["calibrationCalls"]
    return max(1, int(share * cpu_per_request / (calls / cal["requests"])))


def main():
    out, smoke = sys.argv[1], "--smoke" in sys.argv
    cfg = dict(runs=env("RUNS", 1 if smoke else 4), seconds=env("SECONDS", 3.0 if smoke else 40.0),
               warmup=env("WARMUP", 0.0 if smoke else 60.0), connections=env("CONNECTIONS", 16),
               warmup_connections=env("WARMUP_CONNECTIONS", 4),
               settle=env("SETTLE", 2.0 if smoke else 5.0),
               owners=env("OWNERS", 20000), update_percent=env("UPDATE_PERCENT", 10),
               scrape_interval=env("SCRAPE_INTERVAL", 1.0 if smoke else 5.0),
               redis_max_memory=env("REDIS_MAX_MEMORY", 7 * 1024 * 1024),
               calibration_share=env("CALIBRATION_SHARE", 0.02))
    os.makedirs(out, exist_ok=True)
    pins = pinning()
    print("pinning: %s" % ("the service starts and warms up on both CPUs, then is pinned to"
                           " CPU 1 for the measured load; PostgreSQL, Redis, load generator on"
                           " CPU 0" if pins[0] else "none (PIN=0, no taskset or one CPU)"))
    servers = Servers(pins[1], cfg["redis_max_memory"])
    results, burn = [], FIRST_BURN_NANOS
    try:
        for round_no in range(cfg["runs"]):
            if round_no == 1:
                burn = burn_for(cfg["calibration_share"], results)
            variants = os.environ.get("VARIANTS", " ".join(VARIANTS)).split()
            order = variants[round_no % len(variants):] + variants[:round_no % len(variants)]
            for variant in order:
                seed = round_no * len(VARIANTS) + VARIANTS.index(variant)
                result, metrics_text = run_once(variant, servers, cfg, pins, burn, seed)
                result["round"] = round_no
                result["warmupRound"] = round_no == 0 and cfg["runs"] > 1
                results.append(result)
                with open(os.path.join(out, "%d-%s.json" % (round_no, variant)), "w") as f:
                    json.dump(result, f)
                if metrics_text:
                    with open(os.path.join(out, "%d-%s.metrics" % (round_no, variant)), "w") as f:
                        f.write(metrics_text)
                print("round %d %-11s %7.0f req/s  p99 %7.0f us  startup %5.2f s  %s" % (
                    round_no, variant, result["requests"] / result["seconds"],
                    result["p99Micros"], result["startupSeconds"],
                    "misses %.0f%%" % (100.0 * result["redisMisses"] /
                                       max(1, result["redisHits"] + result["redisMisses"]))),
                    flush=True)
                if smoke:
                    check_smoke(variant, result, metrics_text)
    finally:
        servers.close()
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(dict(cfg, smoke=smoke, pinned=bool(pins[0])), f)


if __name__ == "__main__":
    main()
