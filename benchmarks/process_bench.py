#!/usr/bin/env python3
"""Whole-process benchmark: the test-app with no agent, with cachedb-agent, and with the
OpenTelemetry agent, interleaved, at least 7 runs each; medians into a Markdown table (stdout).

Per run: JVM uptime when the workload is ready (printed by test-app), wall time until /metrics
first answers (the agent's endpoint, or OpenTelemetry's Prometheus endpoint), then, after the
workload has run, a full GC and: heap used, metaspace used, loaded classes, RSS, OS threads.

Then the targets, each stated as met or not: startup at most 300 ms added, heap after GC at most
5 MB more, RSS at most 50 MB more, at most 2 more live threads (all against no agent).

usage: process_bench.py RUNS AGENT_JAR OTEL_JAR TEST_APP_JAR [BEFORE_AGENT_JAR]

BEFORE_AGENT_JAR, when given, adds a fourth variant in the same interleaved runs: an earlier
build of the agent, to show what a change bought.
"""
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def variant_cmd(variant, port, agent, otel, app, before=None):
    cmd = ["java", "-Xmx256m"]
    if variant in ("cachedb", "before"):
        jar = agent if variant == "cachedb" else before
        cmd.append("-javaagent:%s=port=%d,host=127.0.0.1,log.level=warn" % (jar, port))
    elif variant == "otel":
        cmd += ["-javaagent:" + otel, "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none",
                "-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
                "-Dotel.exporter.prometheus.port=%d" % port,
                "-Dotel.semconv-stability.opt-in=database", "-Dotel.javaagent.logging=none"]
    return cmd + ["-jar", app, "--linger", "--rounds=50", "--interval-ms=20"]


def jcmd(pid, *args):
    return subprocess.run(["jcmd", str(pid)] + list(args), capture_output=True, text=True).stdout


def proc_status(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def one_run(variant, agent, otel, app, before=None):
    port = free_port()
    start = time.monotonic()
    p = subprocess.Popen(variant_cmd(variant, port, agent, otel, app, before), stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    uptime_ms, metrics_ms = None, None
    try:
        for line in p.stdout:
            m = re.search(r"workload ready .* uptime_ms=(\d+)", line)
            if m:
                uptime_ms = int(m.group(1))
            if "lingering" in line:
                break
        if variant != "none":
            while metrics_ms is None and time.monotonic() - start < 60:
                try:
                    urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port, timeout=2).read()
                    metrics_ms = (time.monotonic() - start) * 1000
                except OSError:
                    time.sleep(0.01)
        jcmd(p.pid, "GC.run")
        heap = re.search(r"used (\d+)K", jcmd(p.pid, "GC.heap_info"))
        meta = re.search(r"Metaspace\s+used (\d+)K", jcmd(p.pid, "GC.heap_info"))
        classes = re.search(r"(\d+)\s*$", jcmd(p.pid, "PerfCounter.print").split(
            "java.cls.loadedClasses=")[1].splitlines()[0]) if "java.cls.loadedClasses=" in jcmd(
            p.pid, "PerfCounter.print") else None
        return {
            "uptime_ms": uptime_ms,
            "metrics_ms": metrics_ms,
            "heap_kb": int(heap.group(1)) if heap else None,
            "metaspace_kb": int(meta.group(1)) if meta else None,
            "classes": int(classes.group(1)) if classes else None,
            "rss_kb": proc_status(p.pid, "VmRSS"),
            "threads": proc_status(p.pid, "Threads"),
        }
    finally:
        stop(p)


def stop(p):
    # SIGTERM first: the test-app's shutdown hook stops the redis-server it started and the JVM
    # deletes the agent's temporary bootstrap jar; SIGKILL would leave both behind.
    p.terminate()
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


# (key, limit over no agent, unit divisor, label)
TARGETS = [("uptime_ms", 300, 1, "startup (uptime at workload ready) at most 300 ms added"),
           ("heap_kb", 5 * 1024, 1024, "heap used after full GC at most 5 MB more"),
           ("rss_kb", 50 * 1024, 1024, "RSS at most 50 MB more"),
           ("threads", 2, 1, "at most 2 more live threads")]


def main():
    runs, agent, otel, app = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    before = sys.argv[5] if len(sys.argv) > 5 else None
    variants = ["none", "cachedb", "otel"] + (["before"] if before else [])
    names = {"none": "no agent", "cachedb": "cachedb-agent", "otel": "OpenTelemetry agent",
             "before": "cachedb-agent before"}
    results = {v: [] for v in variants}
    for r in range(runs):
        for i in range(len(variants)):
            v = variants[(i + r) % len(variants)]
            results[v].append(one_run(v, agent, otel, app, before))
    keys = [("uptime_ms", "JVM uptime at workload ready (ms)"),
            ("metrics_ms", "time until /metrics answers (ms)"),
            ("heap_kb", "heap used after full GC (KB)"),
            ("metaspace_kb", "metaspace used (KB)"),
            ("classes", "loaded classes"),
            ("rss_kb", "RSS (KB)"),
            ("threads", "OS threads")]
    med = {}
    for key, _ in keys:
        for v in variants:
            vals = [x[key] for x in results[v] if x[key] is not None]
            med[(key, v)] = statistics.median(vals) if vals else None

    def fmt(x):
        return "-" if x is None else "%.0f" % x

    def added(key, v):
        a, b = med[(key, v)], med[(key, "none")]
        return None if a is None or b is None else a - b

    def fmt_added(key, v):
        d = added(key, v)
        return "-" if d is None else "%+.0f" % d

    shown = [v for v in ("cachedb", "before", "otel") if v in variants]
    print("Medians of %d interleaved runs per variant.\n" % runs)
    print("| measure | no agent | " + " | ".join("%s | added" % names[v] for v in shown) + " |")
    print("|---|---:|" + "---:|---:|" * len(shown))
    for key, label in keys:
        print("| %s | %s | " % (label, fmt(med[(key, "none")])) + " | ".join(
            "%s | %s" % (fmt(med[(key, v)]), fmt_added(key, v)) for v in shown) + " |")
    print("\n### Whole-process targets (cachedb-agent against no agent, same run)\n")
    for key, limit, div, label in TARGETS:
        d = added(key, "cachedb")
        unit = "ms" if key == "uptime_ms" else ("MB" if div == 1024 else "")
        if d is None:
            print("- %s: **not measured**" % label)
            continue
        print("- %s: **%s** (%+.1f %s added%s)" % (
            label, "met" if d <= limit else "NOT met", d / div, unit,
            "" if added(key, "otel") is None
            else "; OpenTelemetry agent %+.1f" % (added(key, "otel") / div)))


if __name__ == "__main__":
    main()
