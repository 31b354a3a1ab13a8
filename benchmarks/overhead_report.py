#!/usr/bin/env python3
"""Turns benchmarks/overhead.py's runs into the section "Application under load (issue 20)".

Per variant over the measured rounds (the first round is a warm-up when there are several):
median and min..max of each figure, the 95% confidence interval of the mean for the noisy ones,
the ratios to no agent, the added CPU per request paired by round with its confidence interval,
the calibration check, and the issue's targets for cachedb-agent.

usage: overhead_report.py RUN_DIR COMMAND [RESULTS_MD]   (without RESULTS_MD: to stdout)
       overhead_report.py --keep FROM_MD TO_MD   (copies the section: run.sh rewrites RESULTS.md)
"""
import glob
import json
import math
import os
import platform
import statistics
import subprocess
import sys

TITLE = "## Application under load (issue 20)"
VARIANTS = ["none", "off", "cachedb", "otel", "otel-db", "calibration"]
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
       9: 2.262, 10: 2.228, 15: 2.131, 20: 2.086, 30: 2.042}

# (key, column heading, format, better when lower)
FIGURES = [
    ("rps", "req/s", "%.0f", False),
    ("mean", "mean ms", "%.2f", True),
    ("p50", "p50 ms", "%.2f", True),
    ("p99", "p99 ms", "%.2f", True),
    ("cpu", "CPU ms / 1,000 req", "%.0f", True),
    ("work", "work CPU ms / 1,000 req", "%.0f", True),
    ("alloc", "alloc KB / req", "%.2f", True),
    ("gc", "GC ms / 1,000 req", "%.1f", True),
    ("jit", "JIT CPU ms / 1,000 req", "%.1f", True),
    ("rss", "RSS MB", "%.0f", True),
    ("threads", "live threads", "%.0f", True),
    ("startup", "startup s", "%.2f", True),
]


def derive(run):
    """One run's figures, per request where the issue asks so."""
    b, a, n = run["before"], run["after"], run["requests"]
    return {
        "round": run["round"],
        "rps": n / run["seconds"],
        "mean": run["meanMicros"] / 1e3,
        "p50": run["p50Micros"] / 1e3,
        "p99": run["p99Micros"] / 1e3,
        "cpu": (a["cpuNanos"] - b["cpuNanos"]) / 1e6 / n * 1000,
        "cpuNanosPerRequest": (a["cpuNanos"] - b["cpuNanos"]) / n,
        # The requests' own work: Java threads' CPU (agents' threads included, they are part of
        # an agent's cost), without the JIT's compiler threads and the GC's threads.
        "work": work(b, a) / 1e6 / n * 1000,
        "workNanosPerRequest": work(b, a) / n,
        "jit": (a.get("cpuJitThreadsNanos", 0) - b.get("cpuJitThreadsNanos", 0)) / 1e6 / n * 1000,
        "alloc": (a["allocatedOtherThreads"] - b["allocatedOtherThreads"]) / n / 1024,
        "agentBytesPerScrape": ((a["allocatedAgentThreads"] - b["allocatedAgentThreads"])
                                / run["scrapes"]) if run.get("scrapes") else None,
        "agentBytesPerRequest": (a["allocatedAgentThreads"] - b["allocatedAgentThreads"]) / n,
        "gc": (a["gcMillis"] - b["gcMillis"]) / n * 1000,
        "rss": run["rssKb"] / 1024,
        "threads": a["liveThreads"],
        "osThreads": run["osThreads"],
        "startup": run["startupSeconds"],
        "calls": (a["calibrationCalls"] - b["calibrationCalls"]) / n,
        "burned": (a.get("calibrationBurnedNanos", 0) - b.get("calibrationBurnedNanos", 0)) / n,
        "burnNanos": run["burnNanos"],
        "missRatio": run["redisMisses"] / max(1, run["redisHits"] + run["redisMisses"]),
        "load": run["loadAverage"],
        "requests": n,
    }


def work(b, a):
    """Work CPU between two /internal/stats reads, in ns: the Java threads', agents' included."""
    return sum(a.get(k, 0) - b.get(k, 0) for k in ("cpuOtherThreadsNanos", "cpuAgentThreadsNanos"))


def t95(df):
    """Student's t for a two-sided 95% interval; between table rows the wider (smaller df)."""
    return next(v for k, v in sorted(T95.items(), reverse=True) if k <= df)


def ci_half(xs):
    return t95(len(xs) - 1) * statistics.stdev(xs) / math.sqrt(len(xs)) if len(xs) > 1 else None


def load(run_dir):
    runs = [json.load(open(p)) for p in glob.glob(os.path.join(run_dir, "[0-9]*-*.json"))]
    rounds = max(r["round"] for r in runs) + 1
    by_variant = {v: [] for v in VARIANTS}
    for r in runs:
        if rounds > 1 and r["round"] == 0:
            continue
        by_variant.setdefault(r["variant"], []).append(derive(r))
    return {v: sorted(ds, key=lambda d: d["round"]) for v, ds in by_variant.items() if ds}, rounds


def med(ds, key):
    return statistics.median(d[key] for d in ds)


def paired_added(data, variant, key):
    """Mean of (variant - none) per round, and its 95% CI half-width."""
    none = {d["round"]: d[key] for d in data["none"]}
    diffs = [d[key] - none[d["round"]] for d in data[variant] if d["round"] in none]
    return (statistics.mean(diffs), ci_half(diffs), len(diffs)) if diffs else (None, None, 0)


def figures_table(data):
    lines = ["| variant | runs | " + " | ".join(h for _, h, _, _ in FIGURES) + " |",
             "|---|---:|" + "---:|" * len(FIGURES)]
    for v, ds in data.items():
        cells = []
        for key, _, fmt, _ in FIGURES:
            xs = [d[key] for d in ds]
            cell = fmt % statistics.median(xs)
            if len(xs) > 1:
                cell += " (" + fmt % min(xs) + ".." + fmt % max(xs) + ")"
            cells.append(cell)
        lines.append("| %s | %d | %s |" % (v, len(ds), " | ".join(cells)))
    return lines


def ci_table(data):
    keys = [f for f in FIGURES if f[0] in ("rps", "p99", "cpu", "work", "alloc")]
    lines = ["| variant | " + " | ".join(h + ": mean ± 95% CI" for _, h, _, _ in keys)
             + " | added work CPU µs / req vs none, paired by round (95% CI) |",
             "|---|" + "---:|" * (len(keys) + 1)]
    for v, ds in data.items():
        cells = []
        for key, _, fmt, _ in keys:
            xs = [d[key] for d in ds]
            half = ci_half(xs)
            cells.append(fmt % statistics.mean(xs) + ("" if half is None else " ± " + fmt % half))
        added, half, n = paired_added(data, v, "workNanosPerRequest") if v != "none" else (
            None, None, 0)
        cells.append("" if added is None else "%+.1f" % (added / 1e3) + (
            "" if half is None else " (%+.1f..%+.1f)" % ((added - half) / 1e3,
                                                        (added + half) / 1e3)))
        lines.append("| %s | %s |" % (v, " | ".join(cells)))
    return lines


def ratio_table(data):
    lines = ["| variant | " + " | ".join(h for _, h, _, _ in FIGURES) + " |",
             "|---|" + "---:|" * len(FIGURES)]
    for v, ds in data.items():
        if v == "none":
            continue
        cells = ["%.3f" % (med(ds, k) / med(data["none"], k)) if med(data["none"], k) else ""
                 for k, _, _, _ in FIGURES]
        lines.append("| %s | %s |" % (v, " | ".join(cells)))
    return lines


def calibration_line(data):
    if "calibration" not in data or "none" not in data:
        return "Calibration: not run."
    cal = data["calibration"]
    expected = med(cal, "burned")
    share = expected / med(data["none"], "workNanosPerRequest")
    added, half, n = paired_added(data, "calibration", "workNanosPerRequest")
    line = ("Calibration (resolution): the do-nothing agent burns at least %d ns of CPU in each"
            " of %.2f intercepted calls per request, **+%.1f µs** CPU per request by its own"
            " count (%.1f%% of none's work CPU): the expected value; measured **%+.1f µs**" % (
                statistics.median(d["burnNanos"] for d in cal), med(cal, "calls"),
                expected / 1e3, share * 100, added / 1e3))
    if half is None:
        return line + " (one round: no confidence interval)."
    inside = added - half <= expected <= added + half
    return line + " (95%% CI %+.1f..%+.1f µs over %d paired rounds): the expected value is %s." % (
        (added - half) / 1e3, (added + half) / 1e3, n,
        "inside the interval" if inside else "**outside** the interval")


def targets(data):
    if "cachedb" not in data or "none" not in data:
        return ["Targets: not evaluated (cachedb or none missing)."]
    ours, none = data["cachedb"], data["none"]
    checks = [
        ("throughput >= 99% of none", med(ours, "rps") / med(none, "rps") >= 0.99,
         "%.3f" % (med(ours, "rps") / med(none, "rps"))),
        ("p99 latency <= +2%", med(ours, "p99") / med(none, "p99") <= 1.02,
         "%+.1f%%" % (100 * (med(ours, "p99") / med(none, "p99") - 1))),
        ("CPU per request <= +2% (work CPU: the Java threads' own counters)",
         med(ours, "work") / med(none, "work") <= 1.02,
         "%+.2f%%" % (100 * (med(ours, "work") / med(none, "work") - 1))),
        ("allocation per request <= +1%", med(ours, "alloc") / med(none, "alloc") <= 1.01,
         "%+.2f%%" % (100 * (med(ours, "alloc") / med(none, "alloc") - 1))),
        ("at most one live thread more", med(ours, "threads") - med(none, "threads") <= 1,
         "%+.0f" % (med(ours, "threads") - med(none, "threads"))),
        ("startup to first answer <= +300 ms", med(ours, "startup") - med(none, "startup") <= 0.3,
         "%+.0f ms" % (1000 * (med(ours, "startup") - med(none, "startup")))),
    ]
    lines = ["| target (cachedb against none, medians) | measured | met |", "|---|---:|---|"]
    lines += ["| %s | %s | %s |" % (name, value, "yes" if ok else "**no**")
              for name, ok, value in checks]
    for otel in ("otel", "otel-db"):
        if otel not in data:
            continue
        lines += ["", "Each added cost at most 1/10 of %s's (added = variant median - none"
                  " median; throughput as requests/s lost):" % otel, "",
                  "| cost | cachedb | %s | 1/10 of %s | met |" % (otel, otel),
                  "|---|---:|---:|---:|---|"]
        for key, head, fmt, lower_better in FIGURES:
            if key in ("mean", "p50"):
                continue
            sign = 1 if lower_better else -1
            ours_added = sign * (med(ours, key) - med(none, key))
            theirs = sign * (med(data[otel], key) - med(none, key))
            ok = "n/a (%s adds nothing)" % otel if theirs <= 0 else (
                "yes" if ours_added <= theirs / 10 else "**no**")
            lines.append("| %s | %s | %s | %s | %s |" % (
                head, fmt % ours_added, fmt % theirs, fmt % (theirs / 10), ok))
    return lines


def machine(data):
    loads = [d["load"] for ds in data.values() for d in ds]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), platform.machine())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    return "%d CPUs (%s), %s; 1-minute load average at the runs' ends %.2f..%.2f" % (
        os.cpu_count(), cpu, java.splitlines()[0] if java else "java ?", min(loads), max(loads))


def section(run_dir, command):
    data, rounds = load(run_dir)
    cfg = json.load(open(os.path.join(run_dir, "config.json")))
    per_scrape = {v: (statistics.median(d["agentBytesPerScrape"] for d in ds),
                      med(ds, "agentBytesPerRequest"))
                  for v, ds in data.items() if ds[0]["agentBytesPerScrape"] is not None}
    out = [TITLE, "",
           "A petclinic-like Spring Boot 3.5 service (benchmarks/petclinic: Hibernate on PostgreSQL,"
           " HikariCP with 8 connections, a Redis `@Cacheable` lookup through Jedis on each request,"
           " %d%% of requests an update) under %d keep-alive connections of a closed-loop load"
           " generator (benchmarks/.../overhead/LoadGenerator, every latency kept). %s. %d rounds,"
           " variants rotated each round, %s; each run: %.0f s warm-up at %d connections on both"
           " CPUs (the JIT's compiler threads get about a CPU), then pinned and all connections, %.0f s settling, then"
           " %.0f s measured;"
           " /metrics scraped every %.0f s. CPU: the service JVM's process CPU time"
           " (OperatingSystemMXBean) over the window; work CPU: the CPU time of its Java threads"
           " (ThreadMXBean's per-thread counters: request threads, the agents' own threads and"
           " the rest, not the JIT's and GC's threads, which ThreadMXBean does not list), the"
           " figure the CPU target and the calibration use; JIT CPU: the compiler threads' CPU"
           " (/proc/self/task), a warm-up cost still fading in the window; allocation: ThreadMXBean's per-thread"
           " allocated bytes of threads not the agents' HTTP threads;"
           " live threads: ThreadMXBean;"
           " RSS: /proc VmRSS at the end; startup: launch to the first HTTP answer." % (
               cfg["update_percent"], cfg["connections"],
               "Service pinned to CPU 1 for the measured load, PostgreSQL, Redis and the load"
               " generator to CPU 0 (taskset)" if cfg["pinned"] else "Not pinned (PIN=0, no"
               " taskset or one CPU)",
               rounds, "the first a warm-up not counted" if rounds > 1 else "no warm-up round",
               cfg["warmup"], cfg.get("warmup_connections", 1), cfg.get("settle", 0),
               cfg["seconds"], cfg["scrape_interval"]),
           "", "Machine: " + machine(data) + ".",
           "", "Command: `%s`" % command,
           "", "Medians (min..max) over the measured runs:", ""]
    out += figures_table(data)
    out += ["", "Means with their 95% confidence intervals:", ""] + ci_table(data)
    out += ["", "Ratios to none (medians):", ""] + ratio_table(data)
    misses = [d["missRatio"] for ds in data.values() for d in ds]
    out += ["", "Redis cache miss ratio per run %.0f..%.0f%%." % (
        100 * min(misses), 100 * max(misses))]
    if per_scrape:
        out += ["Allocation split: the table's alloc/request counts every thread but the agents'"
                " HTTP threads, so its difference to none is an agent's per-call part; the"
                " agents' own threads (per scrape, and any background polling) allocated "
                + ", ".join("%s %.1f KB per scrape (%.0f B per request at this scrape interval)"
                            % (v, b / 1024, r) for v, (b, r) in per_scrape.items()) + "."]
    out += ["", calibration_line(data), ""] + targets(data)
    return "\n".join(out) + "\n"


def write_into(results_md, text):
    old = open(results_md).read() if os.path.exists(results_md) else ""
    start = old.find(TITLE)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(TITLE))
        new = old[:start] + text + ("" if end < 0 else old[end:])
    open(results_md, "w").write(new)


def section_of(results_md):
    """The generated section and the written ones after it on the same benchmark (titles that
    begin with "## Application under load")."""
    text = open(results_md).read() if os.path.exists(results_md) else ""
    start = text.find(TITLE)
    if start < 0:
        return None
    end = text.find("\n## ", start + len(TITLE))
    while end >= 0 and text.startswith("\n## Application under load", end):
        end = text.find("\n## ", end + 1)
    return text[start:] if end < 0 else text[start:end + 1]


def main():
    if sys.argv[1] == "--keep":
        kept = section_of(sys.argv[2])
        if kept:
            write_into(sys.argv[3], kept)
        return
    text = section(sys.argv[1], sys.argv[2])
    if len(sys.argv) > 3:
        write_into(sys.argv[3], text)
    else:
        print(text)


if __name__ == "__main__":
    main()
