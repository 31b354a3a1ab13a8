#!/usr/bin/env python3
"""Aggregates JMH JSON results of benchmarks/run.sh into RESULTS.md (stdout).

Per benchmark and variant: mean score over forks (ns/op) and allocation (B/op, from -prof gc),
then what each agent adds against no agent and against itself switched off (OpenTelemetry:
against an empty agent), and the targets.
"""
import glob
import json
import os
import platform
import statistics
import subprocess
import sys

TIME_TARGET_NS = 100.0
ALLOC_NOISE_B = 16.0


def load(results_dir):
    data = {}  # (benchmark, variant) -> {"score": [...], "alloc": [...]}
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        variant = os.path.basename(path).rsplit("-", 1)[0]
        with open(path) as f:
            for run in json.load(f):
                name = run["benchmark"].replace("dev.cachedb.bench.", "")
                entry = data.setdefault((name, variant), {"score": [], "alloc": []})
                entry["score"].append(run["primaryMetric"]["score"])
                alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                if alloc:
                    entry["alloc"].append(alloc["score"])
    return data


def mean(xs):
    return statistics.mean(xs) if xs else float("nan")


def fmt(x, pattern):
    return "" if x != x else pattern % x  # NaN: no such figure


def verdict(x, limit, unit):
    if x != x:
        return "no agent-off run"
    return "%s on over off: %+.1f %s" % ("met" if x <= limit else "NOT met", x, unit)


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    return out.splitlines()[0] if out else "unknown"


def main():
    results_dir, smoke = sys.argv[1], sys.argv[2] == "true"
    data = load(results_dir)
    benches = sorted({b for b, _ in data})
    print("# Benchmark results\n")
    if smoke:
        print("**Smoke run** (one short iteration, one fork): figures are not meaningful.\n")
    print("- Machine: %s, %d cores, %s" % (platform.machine(), os.cpu_count(), platform.platform()))
    print("- JDK: %s" % java_version())
    print("- Command: `benchmarks/run.sh`%s\n" % (" --smoke" if smoke else ""))
    print("Variants: `none` (no agent); `empty` (a -javaagent that does nothing: what starting the")
    print("JVM with any agent costs); `off` (this agent with `enabled=false`: loaded, instruments")
    print("nothing); `cachedb` (this agent); `otel` (the OpenTelemetry Java agent). \"Added\" is against")
    print("`none`; \"own\" is this agent on against off (the same JVM with the same agent jar, so only")
    print("what the instrumentation itself costs) and, for OpenTelemetry, against `empty`.\n")
    print("| benchmark | variant | ns/op | B/op | added ns/op | added B/op | own ns/op | own B/op |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    verdicts = []
    for b in benches:
        base = data.get((b, "none"))
        for v in ("none", "empty", "off", "cachedb", "otel"):
            e = data.get((b, v))
            if not e:
                continue
            s, a = mean(e["score"]), mean(e["alloc"])
            if v == "none" or not base:
                print("| %s | %s | %.1f | %.0f | | | | |" % (b, v, s, a))
                continue
            ds, da = s - mean(base["score"]), a - mean(base["alloc"])
            own = data.get((b, {"cachedb": "off", "otel": "empty"}.get(v)))
            es = s - mean(own["score"]) if own else float("nan")
            ea = a - mean(own["alloc"]) if own else float("nan")
            print("| %s | %s | %.1f | %.0f | %+.1f | %+.0f | %s | %s |" % (
                b, v, s, a, ds, da, fmt(es, "%+.1f"), fmt(ea, "%+.0f")))
            if v == "cachedb":
                otel = data.get((b, "otel"))
                otel_added = mean(otel["score"]) - mean(base["score"]) if otel else float("nan")
                verdicts.append((b, ds, da, otel_added, es, ea))
    print("\n## Targets (per intercepted call)\n")
    print("Against no agent, as the targets are stated; in brackets, this agent on against off.\n")
    print("| benchmark | added time <= 100 ns | added time <= 1/10 of OpenTelemetry's | added allocation <= 16 B |")
    print("|---|---|---|---|")
    for b, ds, da, otel_added, es, ea in verdicts:
        print("| %s | %s (%+.1f ns) [%s] | %s (ours %+.1f, OTel %+.1f) | %s (%+.0f B) [%s] |" % (
            b,
            "met" if ds <= TIME_TARGET_NS else "NOT met", ds,
            verdict(es, TIME_TARGET_NS, "ns"),
            "met" if otel_added > 0 and ds <= otel_added / 10 else "NOT met", ds, otel_added,
            "met" if da <= ALLOC_NOISE_B else "NOT met", da,
            verdict(ea, ALLOC_NOISE_B, "B")))
    fixes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "FIXES.md")
    if os.path.exists(fixes):
        print()
        with open(fixes) as f:
            print(f.read().rstrip())


if __name__ == "__main__":
    main()
