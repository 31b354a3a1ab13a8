#!/usr/bin/env python3
"""Writes cachedb-dashboard.json: one panel per metric of the contract, plus the extras.

The dashboard is generated so that every panel has the same shape and the test that runs each
expression against a real Prometheus (PrometheusEndToEndIT) reads exactly what Grafana will. Re-run after
editing: python3 deploy/grafana/generate-dashboard.py
"""
import json
import os

SEL = 'job=~"$job", instance=~"$instance"'
POOL = SEL + ', pool=~"$pool"'
SERVER = SEL + ', server=~"$server"'

ROWS = [
    ("Redis cache", [
        ("Hit rate since start (%)", "stat", "percent",
         [("max by (instance) (cache_hit_rate{%s})" % SEL, "{{instance}}")]),
        ("Hit ratio, last 5 minutes", "timeseries", "percentunit",
         [("sum by (instance) (rate(cache_operations_total{%s, result=\"hit\"}[$__rate_interval]))"
           " / sum by (instance) (rate(cache_operations_total{%s, result=~\"hit|miss\"}[$__rate_interval]))"
           % (SEL, SEL), "{{instance}}")]),
        # Key prefixes (cache_key_prefix_reads_total): which kind of key misses.
        ("Hit ratio per key prefix", "timeseries", "percentunit",
         [("sum by (prefix) (rate(cache_key_prefix_reads_total{%s, result=\"hit\"}[$__rate_interval]))"
           " / sum by (prefix) (rate(cache_key_prefix_reads_total{%s}[$__rate_interval]))"
           % (SEL, SEL), "{{prefix}}")]),
        ("Commands per second by result", "timeseries", "ops",
         [("sum by (operation, result) (rate(cache_operations_total{%s}[$__rate_interval]))" % SEL,
           "{{operation}} {{result}}")]),
        ("Command latency p50 / p99", "timeseries", "s",
         [("histogram_quantile(0.5, sum by (le, operation) (rate(cache_operation_duration_seconds_bucket{%s}[$__rate_interval])))" % SEL,
           "p50 {{operation}}"),
          ("histogram_quantile(0.99, sum by (le, operation) (rate(cache_operation_duration_seconds_bucket{%s}[$__rate_interval])))" % SEL,
           "p99 {{operation}}")]),
        ("Redis memory used", "timeseries", "bytes",
         [("cache_memory_usage_bytes{%s}" % SERVER, "{{server}}")]),
    ]),
    # The Redis server's own view (INFO memory and stats, polled by the agent). Several instances
    # of an application poll the same server: max by (server) shows it once.
    ("Redis server", [
        ("Evictions per second", "timeseries", "ops",
         [("max by (server) (rate(cache_server_evicted_keys_total{%s}[$__rate_interval]))" % SERVER,
           "{{server}}")]),
        ("Memory against maxmemory", "timeseries", "percentunit",
         [("max by (server) (cache_memory_usage_bytes{%s})"
           " / max by (server) (cache_memory_max_bytes{%s} > 0)" % (SERVER, SERVER),
           "{{server}}")]),
    ]),
    ("Connection pools", [
        ("Pool size", "timeseries", "short",
         [("db_connection_pool_size{%s}" % POOL, "{{pool}}")]),
        ("Available (idle) connections", "timeseries", "short",
         [("db_connection_pool_available{%s}" % POOL, "{{pool}}")]),
        ("Active (borrowed) / max", "timeseries", "short",
         [("db_connection_pool_active{%s}" % POOL, "active {{pool}}"),
          ("db_connection_pool_max{%s}" % POOL, "max {{pool}}")]),
        ("Threads waiting for a connection", "timeseries", "short",
         [("db_connection_pool_pending{%s}" % POOL, "{{pool}}")]),
        ("Acquire time p99", "timeseries", "s",
         [("histogram_quantile(0.99, sum by (le, pool) (rate(db_connection_acquire_duration_seconds_bucket{%s}[$__rate_interval])))" % POOL,
           "{{pool}}")]),
        ("Acquire errors", "timeseries", "short",
         [("sum by (pool) (increase(db_connection_acquire_errors_total{%s}[$__rate_interval]))" % POOL,
           "{{pool}}")]),
        ("Connection usage time p99", "timeseries", "s",
         [("histogram_quantile(0.99, sum by (le, pool) (rate(db_connection_usage_duration_seconds_bucket{%s}[$__rate_interval])))" % POOL,
           "{{pool}}")]),
    ]),
    ("SQL queries", [
        ("Queries per second by type and table", "timeseries", "ops",
         [("sum by (query_type, table) (rate(db_queries_total{%s}[$__rate_interval]))" % SEL,
           "{{query_type}} {{table}}")]),
        ("Query latency p99 by type and table", "timeseries", "s",
         [("histogram_quantile(0.99, sum by (le, query_type, table) (rate(db_query_duration_seconds_bucket{%s}[$__rate_interval])))" % SEL,
           "{{query_type}} {{table}}")]),
        ("Query errors", "timeseries", "short",
         [("sum by (query_type, table) (increase(db_query_errors_total{%s}[$__rate_interval]))" % SEL,
           "{{query_type}} {{table}}")]),
        ("Slow queries", "timeseries", "short",
         [("sum by (query_type, table) (increase(db_slow_queries_total{%s}[$__rate_interval]))" % SEL,
           "{{query_type}} {{table}}")]),
    ]),
    ("Application caches (Spring cache abstraction, JCache)", [
        ("Hit ratio per cache", "timeseries", "percentunit",
         [("sum by (cache, provider) (rate(cache_gets_total{%s, result=\"hit\"}[$__rate_interval]))"
           " / sum by (cache, provider) (rate(cache_gets_total{%s, result=~\"hit|miss\"}[$__rate_interval]))"
           % (SEL, SEL), "{{cache}} ({{provider}})")]),
    ]),
]


def panel(pid, title, kind, unit, targets, x, y):
    return {
        "id": pid,
        "type": kind,
        "title": title,
        "datasource": {"type": "prometheus", "uid": "${datasource}"},
        "gridPos": {"h": 8, "w": 8, "x": x, "y": y},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {},
        "targets": [
            {"refId": chr(ord("A") + i), "expr": expr, "legendFormat": legend,
             "datasource": {"type": "prometheus", "uid": "${datasource}"}}
            for i, (expr, legend) in enumerate(targets)
        ],
    }


def variable(name, query, label):
    return {
        "name": name, "label": label, "type": "query",
        "datasource": {"type": "prometheus", "uid": "${datasource}"},
        "query": {"query": query, "refId": name},
        "definition": query, "refresh": 2, "includeAll": True, "multi": True,
        "allValue": ".*", "current": {"text": "All", "value": "$__all"}, "sort": 1,
    }


def dashboard():
    panels, pid, y = [], 1, 0
    for row_title, row_panels in ROWS:
        panels.append({"id": pid, "type": "row", "title": row_title, "collapsed": False,
                       "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
        pid, y = pid + 1, y + 1
        for i, (title, kind, unit, targets) in enumerate(row_panels):
            panels.append(panel(pid, title, kind, unit, targets, (i % 3) * 8, y + (i // 3) * 8))
            pid += 1
        y += ((len(row_panels) + 2) // 3) * 8
    return {
        "uid": "cachedb-agent",
        "title": "cachedb-agent: Redis cache and SQL database",
        "tags": ["cachedb-agent", "redis", "jdbc"],
        "schemaVersion": 39,
        "version": 1,
        "editable": True,
        "time": {"from": "now-1h", "to": "now"},
        "refresh": "30s",
        "templating": {"list": [
            {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source",
             "current": {}},
            variable("job", 'label_values(cachedb_agent_info, job)', "Job"),
            variable("instance", 'label_values(cachedb_agent_info{job=~"$job"}, instance)', "Instance"),
            variable("pool", 'label_values(db_connection_pool_size{job=~"$job", instance=~"$instance"}, pool)', "Pool"),
            variable("server", 'label_values(cache_memory_usage_bytes{job=~"$job", instance=~"$instance"}, server)', "Redis server"),
        ]},
        "panels": panels,
    }


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cachedb-dashboard.json")
    with open(out, "w") as f:
        json.dump(dashboard(), f, indent=2)
        f.write("\n")
    print("wrote", out)
