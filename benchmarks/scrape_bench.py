#!/usr/bin/env python3
"""Scrape cost: /metrics latency with about 1,000 and 10,000 exposition lines while the test-app
workload runs, and the workload's own slowdown while it is scraped. Markdown on stdout.

Per size: the test-app with cachedb-agent and --tables=N (about 100 lines per table) runs its
rounds flat out (--interval-ms=0) for SECONDS, twice: once left alone ("quiet") and once with a
scraper that sends GET /metrics back to back over one HTTP/1.1 keep-alive connection (a worst
case: Prometheus scrapes every 15 s or so). Latency is request sent to last body byte read, plain
text format, no compression; the first WARMUP scrapes (JIT warm-up of the exposition code) are
sent but not counted. Rounds per second come from the app's "done after N rounds".

usage: scrape_bench.py SCRAPES SECONDS AGENT_JAR TEST_APP_JAR
"""
import http.client
import re
import socket
import subprocess
import sys
import threading
import time

# (label, extra tables, p99 target in ms)
SIZES = [("~1,000 lines", 5, 10.0), ("~10,000 lines", 95, 50.0)]
WARMUP = 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(sorted_ms, p):
    # nearest rank
    k = max(0, min(len(sorted_ms) - 1, int(round(p / 100.0 * len(sorted_ms) + 0.5)) - 1))
    return sorted_ms[k]


class App:
    """The test-app with the agent; a reader thread follows its stdout."""

    def __init__(self, agent, app, tables, seconds):
        self.port = free_port()
        cmd = ["java", "-Xmx256m",
               "-javaagent:%s=port=%d,host=127.0.0.1,log.level=warn" % (agent, self.port),
               "-jar", app, "--linger", "--interval-ms=0", "--seconds=%d" % seconds,
               "--tables=%d" % tables]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True)
        self.ready = threading.Event()
        self.done = threading.Event()
        self.rounds = None
        threading.Thread(target=self._follow, daemon=True).start()

    def _follow(self):
        for line in self.proc.stdout:
            if "workload ready" in line:
                self.ready.set()
            m = re.search(r"done after (\d+) rounds", line)
            if m:
                self.rounds = int(m.group(1))
                self.done.set()
        self.ready.set()
        self.done.set()

    def connect(self):
        deadline = time.monotonic() + 60
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                scrape(c)
                return c
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        # SIGTERM first: the test-app's shutdown hook stops its redis-server and the JVM deletes
        # the agent's temporary bootstrap jar; SIGKILL would leave both behind.
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def scrape(conn):
    conn.request("GET", "/metrics", headers={"Accept": "text/plain; version=0.0.4"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise OSError("status %d" % r.status)
    return body


def one_run(agent, app, tables, seconds, scrapes):
    """Returns (rounds per second, latencies in ms or None, exposition lines)."""
    a = App(agent, app, tables, seconds)
    try:
        if not a.ready.wait(120):
            raise RuntimeError("test-app did not get ready")
        latencies, during = None, 0
        if scrapes:
            conn = a.connect()
            for _ in range(WARMUP):
                scrape(conn)
            latencies = []
            # Scrape while the workload runs; if it ends first, finish the count (still timed).
            while not a.done.is_set() or len(latencies) < scrapes:
                t = time.perf_counter()
                scrape(conn)
                latencies.append((time.perf_counter() - t) * 1000)
                if not a.done.is_set():
                    during += 1
            conn.close()
        a.done.wait(seconds + 120)
        conn = a.connect()
        lines = len(scrape(conn).splitlines())
        conn.close()
        return a.rounds / float(seconds), latencies, lines, during
    finally:
        a.stop()


def main():
    scrapes, seconds, agent, app = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    print("Each size: one run left alone, one run scraped back to back, %d s of workload each;"
          " at least %d scrapes after %d warm-up scrapes.\n" % (seconds, scrapes, WARMUP))
    print("| exposition lines | scrapes (during workload) | p50 ms | p99 ms | p99 target |"
          " workload rounds/s quiet | scraped | slowdown |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    verdicts = []
    for label, tables, target in SIZES:
        quiet, _, _, _ = one_run(agent, app, tables, seconds, 0)
        busy, lat, lines, during = one_run(agent, app, tables, seconds, scrapes)
        lat.sort()
        p50, p99 = percentile(lat, 50), percentile(lat, 99)
        met = p99 <= target
        verdicts.append((label, lines, p99, target, met))
        print("| %d (%s) | %d (%d) | %.1f | %.1f | <= %.0f ms: %s | %.0f | %.0f | %+.1f%% |" % (
            lines, label, len(lat), during, p50, p99, target, "met" if met else "NOT met",
            quiet, busy, (busy - quiet) / quiet * 100 if quiet else float("nan")))
    print()
    for label, lines, p99, target, met in verdicts:
        print("- Target `/metrics` p99 <= %.0f ms at %s: **%s** (p99 %.1f ms at %d lines)" % (
            target, label, "met" if met else "NOT met", p99, lines))


if __name__ == "__main__":
    main()
