#!/usr/bin/env python3
"""Whole-process benchmark: the test-app with no agent, with cachedb-agent, and with the
OpenTelemetry agent, interleaved, at least 7 runs each; medians into a Markdown table (stdout).

Per run: JVM uptime when the workload is ready (printed by test-app), wall time until /metrics
first answers (the agent's endpoint, or OpenTelemetry's Prometheus endpoint), then, after the
workload has run, a full GC and: heap used, metaspace used, loaded classes, RSS, OS threads.

usage: process_bench.py RUNS AGENT_JAR OTEL_JAR TEST_APP_JAR
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


def variant_cmd(variant, port, agent, otel, app):
    cmd = ["java", "-Xmx256m"]
    if variant == "cachedb":
        cmd.append("-javaagent:%s=port=%d,host=127.0.0.1,log.level=warn" % (agent, port))
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


def one_run(variant, agent, otel, app):
    port = free_port()
    start = time.monotonic()
    p = subprocess.Popen(variant_cmd(variant, port, agent, otel, app), stdout=subprocess.PIPE,
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
        p.kill()
        p.wait()


def main():
    runs, agent, otel, app = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    variants = ["none", "cachedb", "otel"]
    results = {v: [] for v in variants}
    for r in range(runs):
        for i in range(3):
            v = variants[(i + r) % 3]
            results[v].append(one_run(v, agent, otel, app))
    keys = [("uptime_ms", "JVM uptime at workload ready (ms)"),
            ("metrics_ms", "time until /metrics answers (ms)"),
            ("heap_kb", "heap used after full GC (KB)"),
            ("metaspace_kb", "metaspace used (KB)"),
            ("classes", "loaded classes"),
            ("rss_kb", "RSS (KB)"),
            ("threads", "OS threads")]
    print("Medians of %d interleaved runs per variant.\n" % runs)
    print("| measure | no agent | cachedb-agent | added | OpenTelemetry agent | added |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, label in keys:
        med = {}
        for v in variants:
            vals = [x[key] for x in results[v] if x[key] is not None]
            med[v] = statistics.median(vals) if vals else None
        def fmt(x):
            return "-" if x is None else "%.0f" % x
        def added(v):
            return "-" if med[v] is None or med["none"] is None else "%+.0f" % (med[v] - med["none"])
        print("| %s | %s | %s | %s | %s | %s |" % (label, fmt(med["none"]), fmt(med["cachedb"]),
              added("cachedb"), fmt(med["otel"]), added("otel")))


if __name__ == "__main__":
    main()
