#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How long an HTML report takes to open, filter and follow a link in
Debian's headless chromium (through chromedriver, as tests/report.sh
drives it).  Never part of `make check`.

    bench/report-open.py PAGE.html [RUNS]

Prints the page's size, records and rows, and the median over RUNS
(default 3) of: load (navigation start to the load event, from the
Navigation Timing API), script (until the page's script has run: its
filters and counts), a type filter toggled off and on, a document filter,
and a click on the last study-table link until its span is shown.
"""
import importlib.util
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "rb", os.path.join(here, "..", "tests", "report-browser.py"))
rb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rb)


def main():
    page = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cd, d = rb.start(subprocess.DEVNULL)
    res = {"load": [], "script": [], "type filter": [], "doc filter": [],
           "link": []}
    try:
        for _ in range(runs):
            d.s("POST", "/url", {"url": "about:blank"})
            t0 = time.monotonic()
            d.go("file://" + page)
            res["script"].append(time.monotonic() - t0)
            nav = d.js("var n = performance.getEntriesByType('navigation')[0];"
                       "return n.loadEventEnd - n.startTime")
            res["load"].append(nav / 1000)
            info = d.js("return [document.querySelectorAll('mark[data-type]')"
                        ".length, document.querySelectorAll('#studies tbody "
                        "tr').length, document.querySelectorAll('details.doc')"
                        ".length]")
            t = d.js("""var t0 = performance.now(),
                c = document.querySelector('#filters input[data-type]');
                c.click(); c.click(); document.body.offsetHeight;
                return performance.now() - t0""")
            res["type filter"].append(t / 1000)
            t = d.js("""var t0 = performance.now(), s = document.getElementById('f-doc');
                s.value = s.options[s.options.length - 1].value;
                s.dispatchEvent(new Event('change'));
                s.value = ''; s.dispatchEvent(new Event('change'));
                document.body.offsetHeight; return performance.now() - t0""")
            res["doc filter"].append(t / 1000)
            t = d.js("""var a = Array.from(document.querySelectorAll(
                  '#studies a[data-field]')).pop(), t0 = performance.now();
                a.click(); var e = document.getElementById(
                  a.getAttribute('href').slice(1));
                e.getBoundingClientRect();
                return performance.now() - t0""")
            res["link"].append(t / 1000)
    finally:
        rb.stop(cd, d)
    print("%s: %.1f MB, %d documents, %d records, %d study rows"
          % (sys.argv[1], os.path.getsize(page) / 1e6, info[2], info[0],
             info[1]))
    for k, v in res.items():
        print("  %-12s %.3f s (median of %d)" % (k, statistics.median(v),
                                                  len(v)))


if __name__ == "__main__":
    main()
