"""Time and peak memory of ``geopol analyze`` at three corpus sizes.

Each size runs as its own process (``python -m geopol analyze CORPUS -o /dev/null``),
so its peak resident memory is its own. Time should grow linearly with the size
and memory should stay flat, because documents stream from load to write::

    python -m benchmarks.scaling --sizes 10MB 100MB 1GB --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpus import parse_size
from benchmarks.throughput import RESULTS, corpus_path, machine


def run_once(path: Path, *, workers: int = 1) -> dict[str, Any]:
    """Run the CLI over *path* in a fresh process; wall seconds and peak RSS in MB."""
    command = [sys.executable, "-m", "geopol", "analyze", str(path), "-o", os.devnull, "--quiet"]
    if workers > 1:
        command += ["--workers", str(workers)]
    # A small launcher starts the CLI and reports its peak memory. Measured from here,
    # the peak would be at least this process's size: a process forked from a large one
    # (the suite, once stanza is loaded) keeps the parent's high-water mark through exec.
    launched = subprocess.run([sys.executable, "-c", _LAUNCHER, *command],
                              capture_output=True, text=True, check=False)
    if launched.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {launched.stderr[-2000:]}")
    report = json.loads(launched.stdout.strip().splitlines()[-1])
    if report["exit"] != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {report['exit']}: "
                           f"{launched.stderr[-2000:]}")
    seconds = report["seconds"]
    return {
        "bytes": path.stat().st_size,
        "seconds": round(seconds, 2),
        "mb_per_s": round(path.stat().st_size / seconds / 1e6, 3),
        "peak_rss_mb": round(report["maxrss_kb"] / 1024, 1),
    }


# Runs the command in argv, then prints its wall time, exit status and peak RSS (ru_maxrss,
# in kilobytes on Linux). wait4 reports the child together with the children it waited for,
# so with workers this is the largest single process of the tree.
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"seconds": time.perf_counter() - start, "maxrss_kb": usage.ru_maxrss,
                  "exit": os.waitstatus_to_exitcode(status)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs=3, type=parse_size,
                        default=[parse_size(s) for s in ("5MB", "10MB", "20MB")])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    rows = [run_once(corpus_path(size, args.seed), workers=args.workers) for size in args.sizes]
    base = rows[0]
    print(f"{'MB':>8}{'seconds':>10}{'MB/s':>8}{'time/size':>11}{'peak MB':>9}")
    for row in rows:
        per_size = (row["seconds"] / row["bytes"]) / (base["seconds"] / base["bytes"])
        row["time_per_size_vs_smallest"] = round(per_size, 2)
        print(f"{row['bytes'] / 1e6:>8.0f}{row['seconds']:>10.1f}{row['mb_per_s']:>8.2f}"
              f"{per_size:>11.2f}{row['peak_rss_mb']:>9.0f}")
    result = {"workers": args.workers, "machine": machine(), "runs": rows}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scaling.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    from benchmarks.__main__ import save_tables, scaling_table_from_runs

    save_tables([scaling_table_from_runs(rows, workers=args.workers)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
