#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run commands several times on the same input and print a table.

    bench/measure.py --input FILE --reps N --ref NAME -- NAME='CMD' ...

Each CMD is run by /bin/sh with stdout to /dev/null (or as the command
redirects); wall time comes from time.monotonic, peak RSS from wait4's
rusage of that very run.  The table gives median, min and max seconds,
MB/s of the input, peak RSS, and the ratio of each command's median to the
reference command's median, all measured in the same run.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("command failed (%d): %s" % (p.returncode, cmd))
    return wall, ru.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--records", type=int, default=0,
                    help="records in the input, for a records/s column")
    ap.add_argument("cmds", nargs="+", help="NAME=CMD")
    a = ap.parse_args()
    size_mb = os.path.getsize(a.input) / 1e6
    rows = []
    for spec in a.cmds:
        name, cmd = spec.split("=", 1)
        times, rss = [], []
        for _ in range(a.reps):
            w, r = run_once(cmd)
            times.append(w)
            rss.append(r)
        rows.append((name, statistics.median(times), min(times), max(times),
                     max(rss)))
    ref = dict((r[0], r[1]) for r in rows)[a.ref]
    head = "%-22s %8s %8s %8s %9s %9s %9s" % (
        "command", "median s", "min s", "max s", "MB/s", "peak MiB",
        "vs " + a.ref)
    if a.records:
        head += " %10s" % "records/s"
    print("input: %s (%.1f MB), %d repetitions" % (a.input, size_mb, a.reps))
    print(head)
    for name, med, lo, hi, rss in rows:
        line = "%-22s %8.3f %8.3f %8.3f %9.1f %9.1f %8.2fx" % (
            name, med, lo, hi, size_mb / med, rss, med / ref)
        if a.records:
            line += " %10.0f" % (a.records / med)
        print(line)


if __name__ == "__main__":
    main()
