#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run commands several times on the same input and print a table.

    bench/measure.py --input FILE --reps N --ref NAME -- NAME='CMD' ...

Each CMD is split like a shell command line (no redirections) and run
directly with stdout to /dev/null; wall time comes from time.monotonic,
peak RSS from GNU time (/usr/bin/time) around that very run.  The table gives median, min and max seconds,
MB/s of the input, peak RSS, and the ratio of each command's median to the
reference command's median, all measured in the same run.
"""
import argparse
import os
import shlex
import tempfile
import statistics
import sys
import time


GNU_TIME = "/usr/bin/time"


def run_once(cmd):
    # Wall time here; peak RSS from GNU time (Debian package "time") when
    # present.  Measuring it from this process would not do: a child exec'd
    # from Python starts with Python's resident size as its peak.
    argv = shlex.split(cmd)
    rss_file = None
    if os.path.exists(GNU_TIME):
        fd, rss_file = tempfile.mkstemp()
        os.close(fd)
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv
    t0 = time.monotonic()
    pid = os.posix_spawnp(argv[0], argv, os.environ,
                          file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null",
                                         os.O_WRONLY, 0)])
    _, status, ru = os.wait4(pid, 0)
    wall = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("command failed (%d): %s" % (code, cmd))
    rss = ru.ru_maxrss / 1024.0
    if rss_file:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1]) / 1024.0
        os.unlink(rss_file)
    return wall, rss


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
