#!/usr/bin/python3
"""Markdown tables from `./xeenet bench train` JSON lines (stdin) for BENCHMARKS.md."""
import json
import sys

rows, peaks, rss = [], {}, None
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    d = json.loads(line)
    if d.get("event") == "peak":
        peaks[d["threads"]] = d
    elif d.get("event") == "rss":
        rss = d
    elif "config" in d:
        rows.append(d)

print("| threads | matmul fp32 GFLOP/s (median; runs) | nominal GFLOP/s | bf16 |")
print("|---|---|---|---|")
for t, p in sorted(peaks.items()):
    print("| %d | %s (%s) | %.1f | %s |" % (
        t, p.get("fp32_gflops"), ", ".join(str(x) for x in p.get("fp32_gflops_runs", [])),
        p.get("nominal_gflops", 0), p.get("bf16_error") or p.get("bf16_gflops")))
print()
print("| config | threads | DJL tokens/s (runs) | GFLOP/s | share of nominal | share of measured | PyTorch tokens/s (runs) | DJL / PyTorch |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    runs = ", ".join("%.0f" % x for x in r.get("tokens_per_s_runs", []))
    pruns = ", ".join("%.0f" % x for x in r.get("pytorch_tokens_per_s_runs", []))
    print("| %s: %s | %d | **%.0f** (%s) | %.1f | %.1f%% | %s | %s (%s) | %s |" % (
        r["config"], r["shape"], r["threads"], r["tokens_per_s"] or 0, runs, r["gflops"],
        100 * r["peak_share"],
        ("%.1f%%" % (100 * r["measured_peak_share"])) if "measured_peak_share" in r else "-",
        ("%.0f" % r["pytorch_tokens_per_s"]) if "pytorch_tokens_per_s" in r else "-", pruns,
        ("%.2f×" % r["speedup_vs_pytorch"]) if r.get("speedup_vs_pytorch") else "-"))
if rss:
    print()
    pts = rss.get("step_rss_mb", [])
    print("RSS (tiny, -Xmx%s, %d steps): %s MB at 10%%, %s MB at the end (growth %s MB); samples (step: MB): %s" % (
        rss.get("max_heap"), rss.get("steps"), rss.get("rss_mb_at_10pct"), rss.get("rss_mb_at_end"),
        rss.get("growth_mb"), ", ".join("%d: %d" % (a, b) for a, b in pts)))
