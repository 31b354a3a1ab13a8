#!/usr/bin/env python3
"""Draws cachedb-dashboard.json as a static HTML page from a real Prometheus, for docs/dashboard.png.

There is no Grafana in the build, so this reads the dashboard the way Grafana does (panels, their
grid positions, units and PromQL targets; the template variables resolved from Prometheus's label
values, as "All" selects them) and draws each panel from /api/v1/query_range as an inline SVG chart
in Grafana's dark style. render-preview.sh runs the test application and Prometheus around it and
takes the screenshot.

  render-preview.py --prometheus http://127.0.0.1:9090 --start EPOCH --end EPOCH --out page.html
"""
import argparse
import html
import json
import math
import os
import re
import urllib.parse
import urllib.request

COLORS = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c", "#5794f2", "#b877d9",
          "#705da0", "#37872d", "#fade2a", "#c4162a", "#1f60c4", "#fa6400", "#8f3bb8"]
COL_PX = 78       # one of Grafana's 24 grid columns
ROW_PX = 34       # one grid row
PAD = 8


def api(base, path, **params):
    url = base.rstrip("/") + "/api/v1/" + path + "?" + urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(url, timeout=30) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise SystemExit("query failed: %s -> %s" % (params, body))
    return body["data"]


def regex_of(values):
    escaped = [re.sub(r"([\\^$*+?.()|\[\]{}])", r"\\\\\1", v) for v in values]
    return escaped[0] if len(escaped) == 1 else "(" + "|".join(escaped) + ")"


def substitute(text, values):
    for name in sorted(values, key=len, reverse=True):
        text = text.replace("${%s}" % name, values[name]).replace("$" + name, values[name])
    return text


def fmt(v, unit):
    if v is None or math.isnan(v):
        return "-"
    a = abs(v)
    if unit == "s":
        for scale, suffix in ((1, " s"), (1e-3, " ms"), (1e-6, " µs")):
            if a >= scale or scale == 1e-6:
                return "%.3g%s" % (v / scale, suffix)
    if unit == "bytes":
        for scale, suffix in ((2**30, " GiB"), (2**20, " MiB"), (2**10, " KiB"), (1, " B")):
            if a >= scale or scale == 1:
                return "%.3g%s" % (v / scale, suffix)
    if unit == "percent":
        return "%.1f%%" % v
    if unit == "percentunit":
        return "%.1f%%" % (100 * v)
    if unit == "ops":
        return "%.3g ops/s" % v
    return "%.3g" % v


def nice(x):
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above x: round axis steps."""
    if x <= 0:
        return 1.0
    p = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * p >= x * 0.999:
            return m * p
    return 10 * p


def legend(fmt_text, metric):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: metric.get(m.group(1), ""), fmt_text).strip()


def chart(series, unit, w, h, start, end):
    """An SVG time-series chart: y axis with 4 ticks, time axis, one polyline per series."""
    left, right, top, bottom = 62, 8, 6, 18
    pw, ph = w - left - right, h - top - bottom
    values = [v for _, pts in series for _, v in pts if v is not None and math.isfinite(v)]
    lo = min(0.0, min(values)) if values else 0.0
    hi = max(values) if values else 1.0
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    step = nice((hi - lo) * 1.05 / 4)
    hi = lo + 4 * step
    out = ['<svg width="%d" height="%d">' % (w, h)]
    for i in range(5):
        y = top + ph - ph * i / 4
        out.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#2c3235"/>' % (left, w - right, y, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end" class="tick">%s</text>'
                   % (left - 4, y + 4, html.escape(fmt(lo + (hi - lo) * i / 4, unit))))
    span = max(1, end - start)
    for i in range(5):
        t = start + span * i / 4
        x = left + pw * i / 4
        label = "%02d:%02d:%02d" % (int(t // 3600 % 24), int(t // 60 % 60), int(t % 60))
        out.append('<text x="%.1f" y="%d" text-anchor="middle" class="tick">%s</text>' % (x, h - 4, label))
    for idx, (_, pts) in enumerate(series):
        segments, current = [], []
        for t, v in pts:
            if v is None or not math.isfinite(v):
                if current:
                    segments.append(current)
                current = []
                continue
            x = left + pw * (t - start) / span
            y = top + ph - ph * (v - lo) / (hi - lo)
            current.append("%.1f,%.1f" % (x, y))
        if current:
            segments.append(current)
        color = COLORS[idx % len(COLORS)]
        for seg in segments:
            if len(seg) == 1:
                x, y = seg[0].split(",")
                out.append('<circle cx="%s" cy="%s" r="1.5" fill="%s"/>' % (x, y, color))
            else:
                out.append('<polyline fill="none" stroke="%s" stroke-width="1.4" points="%s"/>'
                           % (color, " ".join(seg)))
    out.append("</svg>")
    return "".join(out)


def panel_html(base, p, values, start, end, step):
    x, y = p["gridPos"]["x"] * COL_PX, p["gridPos"]["y"] * ROW_PX
    w, h = p["gridPos"]["w"] * COL_PX - PAD, p["gridPos"]["h"] * ROW_PX - PAD
    style = 'style="left:%dpx;top:%dpx;width:%dpx;height:%dpx"' % (x, y, w, h)
    title = html.escape(p["title"])
    if p["type"] == "row":
        return '<div class="row" %s>%s</div>' % (style.replace("height:%dpx" % h, "height:24px"), title)
    unit = p.get("fieldConfig", {}).get("defaults", {}).get("unit", "short")
    series = []
    for target in p["targets"]:
        expr = substitute(target["expr"], values)
        data = api(base, "query_range", query=expr, start=start, end=end, step=step)
        for r in data["result"]:
            pts = [(float(t), float(v)) for t, v in r["values"]]
            if any(math.isfinite(v) for _, v in pts):
                series.append((legend(target.get("legendFormat", ""), r["metric"]), pts))
    series.sort(key=lambda s: s[0])
    if p["type"] == "stat":
        last = [pts[-1][1] for _, pts in series if pts]
        body = '<div class="stat">%s</div>' % html.escape(fmt(last[0] if last else None, unit))
    else:
        body = chart(series, unit, w - 12, h - 30 - 18 * min(2, math.ceil(len(series) / 3)), start, end)
        shown = series[:9]
        items = "".join('<span><i style="background:%s"></i>%s</span>'
                        % (COLORS[i % len(COLORS)], html.escape(name or "value"))
                        for i, (name, _) in enumerate(shown))
        more = " +%d" % (len(series) - len(shown)) if len(series) > len(shown) else ""
        body += '<div class="legend">%s%s</div>' % (items, more)
    return '<div class="panel" %s><div class="title">%s</div>%s</div>' % (style, title, body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prometheus", required=True)
    ap.add_argument("--start", type=int, required=True)
    ap.add_argument("--end", type=int, required=True)
    ap.add_argument("--step", type=int, default=2)
    ap.add_argument("--rate-interval", default="10s")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "cachedb-dashboard.json")) as f:
        dash = json.load(f)
    values = {"__interval": "%ds" % args.step, "__rate_interval": args.rate_interval,
              "__range": "%ds" % (args.end - args.start)}
    shown = []
    for var in dash["templating"]["list"]:
        if var["type"] != "query":
            continue
        m = re.match(r"label_values\((?:(.*),\s*)?(\w+)\)$", var["definition"])
        params = {"start": args.start, "end": args.end}
        if m.group(1):
            params["match[]"] = substitute(m.group(1), values)
        found = api(args.prometheus, "label/%s/values" % m.group(2), **params)
        values[var["name"]] = regex_of(found) if found else ".*"
        shown.append("%s: %s" % (var["label"], ", ".join(found) if found else "All"))
    panels = "".join(panel_html(args.prometheus, p, values, args.start, args.end, args.step)
                     for p in dash["panels"])
    height = max((p["gridPos"]["y"] + p["gridPos"]["h"]) * ROW_PX for p in dash["panels"])
    page = """<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#111217;color:#ccccdc;font:12px Inter,Helvetica,Arial,sans-serif}
h1{font-size:16px;font-weight:500;margin:0;padding:10px 12px}
.vars{padding:0 12px 8px;color:#8e8e8e}
.grid{position:relative;margin:0 8px;height:%dpx}
.panel{position:absolute;background:#181b1f;border:1px solid #2c3235;border-radius:2px;overflow:hidden}
.row{position:absolute;font-size:14px;font-weight:500}
.title{padding:6px 8px 2px;font-weight:500}
.tick{fill:#8e8e8e;font-size:10px}
.legend{padding:0 8px;font-size:10px;line-height:16px}
.legend span{margin-right:10px;white-space:nowrap}
.legend i{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}
.stat{font-size:48px;font-weight:500;color:#73bf69;text-align:center;margin-top:60px}
</style></head><body><h1>%s</h1><div class="vars">%s</div><div class="grid">%s</div></body></html>
""" % (height, html.escape(dash["title"]),
       html.escape("   |   ".join(shown)), panels)
    with open(args.out, "w") as f:
        f.write(page)
    print("wrote", args.out, "(%d px high)" % (height + 60))


if __name__ == "__main__":
    main()
