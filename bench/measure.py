#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run commands several times on the same input and print a table.

    bench/measure.py --input FILE --reps N --ref NAME [--ref NAME2 ...]
                     [--cpu-ref NAME ...] [--records R] [--quiet NAME ...]
                     -- NAME='CMD' ...

Each CMD is split like a shell command line (no redirections) and run
directly with stdout to /dev/null, the repetitions interleaved (every
command once, then every command again); wall time comes from time.monotonic,
CPU time (user + system, the command's threads and children) from wait4,
peak RSS from GNU time (/usr/bin/time) around that very run.  The table
gives median, min and max wall seconds, the median CPU seconds, MB/s of
the input, peak RSS, and the ratio of each command's median wall time to
the median of each reference command (one "vs NAME" column per --ref)
and of its median CPU time to each --cpu-ref command's ("CPU vs NAME"),
all measured in the same run.  With --records, a records/s column divides the
record count by the median.  --quiet NAME sends that command's stderr to
/dev/null too (for tools that print a warning per record); a failing
command is still reported by its exit status.  While a terminal is
attached, progress goes to stderr.
"""
import argparse
import os
import shlex
import tempfile
import statistics
import sys
import time


GNU_TIME = "/usr/bin/time"


def run_once(cmd, quiet=False):
    # Wall time here; peak RSS from GNU time (Debian package "time") when
    # present.  Measuring it from this process would not do: a child exec'd
    # from Python starts with Python's resident size as its peak.
    argv = shlex.split(cmd)
    rss_file = None
    if os.path.exists(GNU_TIME):
        fd, rss_file = tempfile.mkstemp()
        os.close(fd)
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv
    actions = [(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)]
    if quiet:
        actions.append((os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0))
    t0 = time.monotonic()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    wall = time.monotonic() - t0
    cpu = ru.ru_utime + ru.ru_stime
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        if rss_file:
            os.unlink(rss_file)
        sys.exit("command failed (%d): %s" % (code, cmd))
    rss = ru.ru_maxrss / 1024.0
    if rss_file:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1]) / 1024.0
        os.unlink(rss_file)
    return wall, cpu, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--ref", required=True, action="append",
                    help="reference command NAME; repeat for more columns")
    ap.add_argument("--cpu-ref", action="append", default=[],
                    help="command NAME whose CPU time the others are compared "
                    "to; repeat for more columns")
    ap.add_argument("--records", type=int, default=0,
                    help="records in the input, for a records/s column")
    ap.add_argument("--quiet", action="append", default=[],
                    help="send command NAME's stderr to /dev/null")
    ap.add_argument("cmds", nargs="+", help="NAME=CMD")
    a = ap.parse_args()
    specs = []
    for spec in a.cmds:
        if "=" not in spec:
            ap.error("not NAME=CMD: %s" % spec)
        specs.append(spec.split("=", 1))
    names = [n for n, _c in specs]
    for n in a.ref + a.cpu_ref + a.quiet:
        if n not in names:
            ap.error("no command named %r" % n)
    size_mb = os.path.getsize(a.input) / 1e6
    progress = sys.stderr.isatty()
    # Round robin: repetition i of every command before repetition i + 1
    # of any, so a machine whose speed drifts over minutes (a shared
    # virtual machine) tilts every command alike and the ratios hold.
    times = dict((n, []) for n in names)
    cpus = dict((n, []) for n in names)
    rss = dict((n, []) for n in names)
    for i in range(a.reps):
        for name, cmd in specs:
            w, c, r = run_once(cmd, quiet=name in a.quiet)
            times[name].append(w)
            cpus[name].append(c)
            rss[name].append(r)
            if progress:
                sys.stderr.write("  %s: rep %d/%d %.3f s\n"
                                 % (name, i + 1, a.reps, w))
    rows = [(n, statistics.median(times[n]), min(times[n]), max(times[n]),
             statistics.median(cpus[n]), max(rss[n])) for n in names]
    med = dict((r[0], r[1]) for r in rows)
    cpu_med = dict((r[0], r[4]) for r in rows)
    refs = []
    for n in a.ref:
        if n not in refs:
            refs.append(n)
    cpu_refs = []
    for n in a.cpu_ref:
        if n not in cpu_refs:
            cpu_refs.append(n)
    vs = ["vs " + n for n in refs]
    widths = [max(9, len(v)) for v in vs]
    cvs = ["CPU vs " + n for n in cpu_refs]
    cwidths = [max(9, len(v)) for v in cvs]
    namew = max([22] + [len(n) for n in names])
    head = "%-*s %8s %8s %8s %8s %9s %9s" % (
        namew, "command", "median s", "min s", "max s", "CPU s", "MB/s",
        "peak MiB")
    for v, wd in zip(vs + cvs, widths + cwidths):
        head += " %*s" % (wd, v)
    if a.records:
        head += " %10s" % "records/s"
    print("input: %s (%.1f MB), %d repetitions" % (a.input, size_mb, a.reps))
    print(head)
    for name, m, lo, hi, cpu, rss in rows:
        line = "%-*s %8.3f %8.3f %8.3f %8.3f %9.1f %9.1f" % (
            namew, name, m, lo, hi, cpu, size_mb / m, rss)
        for n, wd in zip(refs, widths):
            line += " %*.2fx" % (wd - 1, m / med[n])
        for n, wd in zip(cpu_refs, cwidths):
            line += " %*.2fx" % (wd - 1, cpu / cpu_med[n])
        if a.records:
            line += " %10.0f" % (a.records / m)
        print(line)


if __name__ == "__main__":
    main()
