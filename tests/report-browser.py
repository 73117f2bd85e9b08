#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The HTML report in a real browser: Debian's chromium, headless, driven
through chromedriver's W3C WebDriver HTTP API with the standard library
alone (nothing is downloaded).

    report-browser.py TRIALMINE CACHE WORKDIR [SCREENSHOT.png]

1. `run` the quick start; load out/report.html.
2. Every record of out/records.jsonl is one element [data-type] with its
   own data-start/data-end, exactly once, and nothing else is.
3. Clicking a study-table cell link shows the span it names (its document
   opens, the span is in the viewport and marked as the target).
4. Review in the page: edit the p-value of a row through the panel, reject
   a record the table does not use, export corrections.tsv from the page.
5. Rerun with --corrections: exactly the edited cell and that row's check
   column change in studies.csv, the rejected record is gone from
   records.jsonl, the new page marks the corrected value, and exporting
   from it again gives the same file.
6. A hostile abstract renders as text: no element, script or URL of its
   own reaches the DOM.
7. A PMC article's tables are tables, every record still highlighted
   once; OCR repairs show raw -> repaired on hover; printing (print
   media emulated) hides the controls and opens every document.
8. A screenshot, for the README.

Prints "report-browser: N passed, N failed"; exits 1 on a failure and 77
when no browser can be started (the shell wrapper decides whether that
is a skip or, in CI, a failure).
"""
import base64
import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ELEM = "element-6066-11e4-a52e-4f735466cecf"
passed = failed = 0


def ok(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, flush=True)
        if os.environ.get("TM_DEBUG"):
            import traceback; traceback.print_stack()
    return cond


class Driver:
    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": os.environ.get("TM_CHROMIUM", "/usr/bin/chromium"),
                "args": ["--headless", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1400,1000",
                         "--no-first-run", "--disable-extensions"]}}}}
        self.sid = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data,
                                     method=method)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.load(r)["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError("%s %s: %s" % (method, path,
                                              e.read().decode()[:400]))

    def s(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.sid, path), body)

    def go(self, url):
        self.s("POST", "/url", {"url": url})
        for _ in range(100):
            if self.js("return document.body && document.body.dataset.ready"):
                return
            time.sleep(0.05)
        raise RuntimeError("the page's script did not finish")

    def js(self, script, *args):
        return self.s("POST", "/execute/sync",
                      {"script": script, "args": list(args)})

    def find(self, css):
        return self.s("POST", "/element",
                      {"using": "css selector", "value": css})[ELEM]

    def click(self, el):
        self.s("POST", "/element/%s/click" % el, {})

    def type(self, el, text):
        self.s("POST", "/element/%s/clear" % el, {})
        self.s("POST", "/element/%s/value" % el, {"text": text})

    def quit(self):
        try:
            self.call("DELETE", "/session/" + self.sid)
        except Exception:
            pass


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start(log):
    """Start chromedriver (output to the file log) and a session on it.
    Returns (process, Driver); raises OSError when chromedriver cannot
    run, RuntimeError when chromium does not start."""
    port = free_port()
    cd = subprocess.Popen(["chromedriver", "--port=%d" % port],
                          stdout=log, stderr=log)
    for _ in range(100):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/status" % port,
                                   timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    try:
        return cd, Driver(port)
    except Exception as e:
        stop(cd, None)
        raise RuntimeError(str(e))


def stop(cd, d):
    if d is not None:
        d.quit()
    cd.terminate()
    try:
        cd.wait(10)
    except subprocess.TimeoutExpired:
        cd.kill()


def run(trialmine, cache, out, *extra):
    p = subprocess.run([trialmine, "run", "mesenchymal stem cells AND ARDS",
                        "--offline", "--cache", cache, "-j", "1", "-o", out]
                       + list(extra), capture_output=True, text=True)
    return p


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def table(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def main():
    trialmine, cache, work = sys.argv[1:4]
    shot = sys.argv[4] if len(sys.argv) > 4 else None
    out1, out2 = os.path.join(work, "out1"), os.path.join(work, "out2")
    p = run(trialmine, cache, out1)
    if not ok(p.returncode == 0, "run: exit %d %s" % (p.returncode, p.stderr)):
        return 1
    page = os.path.join(out1, "report.html")
    recs = records(os.path.join(out1, "records.jsonl"))

    drv_log = open(os.path.join(work, "chromedriver.log"), "w")
    try:
        cd, d = start(drv_log)
    except OSError as e:
        print("report-browser: cannot start chromedriver: %s" % e)
        return 77
    except RuntimeError as e:
        print("report-browser: cannot start chromium: %s" % e)
        return 77
    try:
        t0 = time.monotonic()
        d.go("file://" + os.path.abspath(page))
        ok(True, "load")
        print("report-browser: quick start page loaded in %.2f s (%d bytes)"
              % (time.monotonic() - t0, os.path.getsize(page)))

        # --- every record exactly once --------------------------------
        dom = d.js("""return Array.from(document.querySelectorAll('[data-type]'))
            .filter(e => e.tagName === 'MARK').map(e =>
            [e.closest('details.doc').dataset.doc, e.dataset.type,
             +e.dataset.start, +e.dataset.end, e.textContent]);""")
        want = sorted((r["doc"], r["type"], r["start"], r["end"])
                      for r in recs)
        got = sorted((x[0], x[1], x[2], x[3]) for x in dom)
        ok(len(dom) == len(recs) == 132,
           "%d highlighted, %d records (quick start: 132)" % (len(dom),
                                                                len(recs)))
        ok(got == want, "highlighted spans differ from records.jsonl")
        # Each element holds its record's text (a continuation of a crossing
        # span is the only way it may hold less).
        text = {(r["doc"], r["type"], r["start"], r["end"]): r["text"]
                for r in recs}
        short = [x for x in dom
                 if x[4] != text[(x[0], x[1], x[2], x[3])] and
                 not text[(x[0], x[1], x[2], x[3])].startswith(x[4])]
        ok(not short, "elements whose text is not their record's: %r"
           % short[:3])

        # --- a cell link shows its span --------------------------------
        link = d.find("#studies tbody tr:nth-child(2) a[data-field]")
        target = d.js("return arguments[0].getAttribute('href').slice(1)",
                      {ELEM: link})
        ok(not d.js("return document.getElementById(arguments[0])"
                    ".closest('details').open", target),
           "the target's document is open before the click")
        d.click(link)
        seen = d.js("""var e = document.getElementById(arguments[0]),
            r = e.getBoundingClientRect();
            return [e.closest('details').open, e.classList.contains('target'),
                    r.top >= 0 && r.bottom <= innerHeight && r.width > 0,
                    location.hash];""", target)
        ok(seen[0] and seen[1] and seen[2] and seen[3] == "#" + target,
           "after the click on a link to %s: open %s, target %s, "
           "in view %s, hash %s" % (target, *seen))

        # --- print: controls hidden, every document opened -----------------
        d.s("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia",
                                          "params": {"media": "print"}})
        pr = d.js("""window.dispatchEvent(new Event('beforeprint'));
            return [getComputedStyle(document.getElementById('filters')).display,
                    getComputedStyle(document.querySelector('.scroll')).overflowY,
                    document.querySelectorAll('details.doc:not([open])').length,
                    getComputedStyle(document.querySelector('mark[data-type]'))
                      .backgroundColor];""")
        ok(pr[0] == "none" and pr[1] == "visible" and pr[2] == 0 and
           pr[3] not in ("rgba(0, 0, 0, 0)", "transparent"),
           "print: filters %s, table overflow %s, %d documents closed, "
           "highlight %s" % tuple(pr))
        d.s("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia",
                                          "params": {"media": ""}})
        d.js("document.querySelectorAll('details.doc').forEach("
             "function (x) { x.open = false; })")

        # --- review: edit a p-value, reject an unused record, export -----
        ncol = d.js("""return Array.from(document.querySelectorAll(
            '#studies thead th')).map(t => t.textContent)""")
        pcol = ncol.index("p_value")
        row = d.js("""var rows = document.querySelectorAll('#studies tbody tr');
            for (var i = 0; i < rows.length; i++) {
              var a = rows[i].cells[arguments[0]].querySelector('a');
              if (a) return [i, a.getAttribute('href').slice(1),
                             rows[i].cells[arguments[0]].textContent];
            }
            return null;""", pcol)
        ok(row is not None, "a row with a p-value")
        ri, pid, pval = row
        cell = d.find("#studies tbody tr:nth-child(%d) td:nth-child(%d) a"
                      % (ri + 1, pcol + 1))
        d.click(cell)
        d.click(d.find("#" + pid))
        ok(d.js("return !document.getElementById('panel').hidden"),
           "the review panel opens on a click on the value")
        ok(d.js("return document.getElementById('p-field').value") ==
           "value", "the panel offers the cell's field")
        new_p = "0.0123"
        d.type(d.find("#p-value"), new_p)
        # A tab or newline in a note must not break the file's columns
        # (set by script: a typed tab would move the focus).
        d.js("document.getElementById('p-note').value = "
             "'typo in the PDF;\\tchecked\\nthe table'")
        d.click(d.find("#p-edit"))
        ok(d.js("return document.getElementById(arguments[0])"
                ".classList.contains('dec-edit')", pid),
           "an edited value is marked")
        # A record no table cell links to: rejecting it changes no cell.
        unused = d.js("""var cited = new Set(Array.from(document.querySelectorAll(
              '#studies a[data-field]')).map(a => a.getAttribute('href').slice(1)));
            var m = Array.from(document.querySelectorAll('mark[data-type]'))
              .find(m => !cited.has(m.id) && m.dataset.type === 'dose');
            return m ? [m.id, m.closest('details.doc').dataset.doc,
                        m.dataset.type, +m.dataset.start, +m.dataset.end] : null;""")
        ok(unused is not None, "a dose record the table does not use")
        # Keyboard: the record is focusable and Enter opens the panel.
        el = d.find("#" + unused[0])
        d.js("arguments[0].scrollIntoView(); arguments[0].focus()", {ELEM: el})
        d.s("POST", "/actions", {"actions": [{"type": "key", "id": "kb",
            "actions": [{"type": "keyDown", "value": "\ue007"},
                        {"type": "keyUp", "value": "\ue007"}]}]})
        ok(d.js("return !document.getElementById('panel').hidden && "
                "document.activeElement.id === 'p-accept'"),
           "Enter on a focused record opens the panel, focus on Accept")
        d.click(d.find("#p-reject"))
        d.type(d.find("#reviewer"), "R. Viewer")
        d.click(d.find("#export"))
        tsv = d.js("return document.getElementById('tsv').value")
        href = d.js("return document.getElementById('dl').href")
        ok(href.startswith("data:text/tab-separated-values"),
           "the download link is a data: URL")
        lines = tsv.rstrip("\n").split("\n")
        ok(lines[0] == "doc\ttype\tspan\taction\tedit\tnote\treviewer\tdate",
           "export header: %r" % lines[0])
        ok(len(lines) == 3 and all(len(l.split("\t")) == 8 for l in lines),
           "export: %r" % lines)
        cpath = os.path.join(work, "corrections.tsv")
        with open(cpath, "w", encoding="utf-8") as f:
            f.write(tsv)

        # --- rerun with the page's corrections ---------------------------
        before = table(os.path.join(out1, "studies.csv"))
        p = run(trialmine, cache, out2, "--corrections", cpath)
        ok(p.returncode == 0 and p.stderr == "",
           "run --corrections: exit %d, stderr %r" % (p.returncode, p.stderr))
        after = table(os.path.join(out2, "studies.csv"))
        head = before[0]
        changed = [(i, head[j]) for i in range(1, len(before))
                   for j in range(len(head))
                   if before[i][j] != after[i][j]]
        ok(len(before) == len(after), "the table's rows changed in number")
        ok(changed == [(ri + 1, "p_value"), (ri + 1, "check")],
           "changed cells: %r, want the p_value and check of row %d"
           % (changed, ri + 1))
        ok(after[ri + 1][head.index("p_value")] == new_p and
           "p_value: corrected" in after[ri + 1][head.index("check")],
           "row %d: %r" % (ri + 1, after[ri + 1]))
        recs2 = records(os.path.join(out2, "records.jsonl"))
        gone = [r for r in recs if (r["doc"], r["type"], r["start"],
                                    r["end"]) == tuple(unused[1:])]
        ok(len(gone) == 1 and len(recs2) == len(recs) - 1 and
           gone[0] not in recs2, "the rejected record is still written")
        d.go("file://" + os.path.abspath(os.path.join(out2, "report.html")))
        ok(d.js("return document.querySelectorAll('mark[data-type]').length")
           == len(recs2), "the corrected page highlights every record")
        ok(d.js("""var e = document.getElementById(arguments[0]);
            return e.classList.contains('corr') && /corrected/.test(e.title)""",
                pid), "the corrected value is marked in the new page")
        ok(d.js("""var rows = document.querySelectorAll('#studies tbody tr');
            return rows[arguments[0]].cells[arguments[1]].textContent""",
                ri, pcol) == new_p, "the new page's table has the new value")
        # The new page starts from the applied decisions: exported again
        # without a change, they come back as they were (the rejected
        # record, which the page no longer shows, included).
        ok(d.js("return document.getElementById(arguments[0])"
                ".classList.contains('dec-edit')", pid),
           "the applied edit is a decision of the new page")
        d.click(d.find("#export"))
        again = d.js("return document.getElementById('tsv').value")
        ok(again == tsv, "re-export differs:\n%s\nwas\n%s" % (again, tsv))

        # --- a hostile abstract ------------------------------------------
        hostile = os.path.join(work, "hostile.txt")
        with open(hostile, "wb") as f:
            f.write(b"<script>document.title='pwned'</script>"
                    b"<img src=x onerror=\"document.title='pwned'\">"
                    b" <a href=\"javascript:alert(1)\">click</a> '\" "
                    b"\xe2\x80\xae RTL override 9 = n \xe2\x80\xac "
                    b"\xd8\xa7\xd9\x84\xd9\x85\xd8\xb1\xd8\xb6\xd9\x89 40 "
                    b"\xff\xfe invalid " + b"W" * 5000 +
                    b"\nMortality was 15% (3 of 20) vs 35% (7 of 20); "
                    b"P = 0.02 <script>x</script>\n")
        hp = os.path.join(work, "hostile.html")
        p = subprocess.run([trialmine, "report", "-o", hp, hostile],
                           capture_output=True, text=True)
        ok(p.returncode == 0, "report of the hostile text: %d %s"
           % (p.returncode, p.stderr))
        d.go("file://" + hp)
        h = d.js("""return [document.scripts.length,
            document.querySelectorAll('img, iframe, object, embed').length,
            Array.from(document.querySelectorAll('a[href]')).filter(a =>
              !/^(#|https:)/.test(a.getAttribute('href'))).length,
            document.title,
            document.querySelector('.text').textContent,
            document.documentElement.scrollWidth <= innerWidth + 1,
            document.querySelectorAll('mark[data-type]').length];""")
        ok(h[0] == 1, "scripts in the hostile page: %d" % h[0])
        ok(h[1] == 0, "hostile markup became elements")
        ok(h[2] == 0, "a link that is neither in-page nor https")
        ok(h[3] != "pwned", "the hostile script ran")
        ok("<script>document.title='pwned'</script>" in h[4] and
           'href="javascript:alert(1)"' in h[4] and "[U+202E]" in h[4] and
           "\ufffd" in h[4], "the hostile text is not shown as text")
        ok(h[5], "a 5000-letter word widens the page")
        ok(h[6] >= 3, "records of the hostile text: %d" % h[6])
        # Defence in depth: the page's Content-Security-Policy names its own
        # script and style sheet by hash, so a script or style that got
        # into the page anyway would not run.
        with open(hp, encoding="utf-8") as f:
            src = f.read()
        inj = os.path.join(work, "injected.html")
        with open(inj, "w", encoding="utf-8") as f:
            f.write(src.replace('<div class="text"',
                                "<script>document.title='pwned'</script>"
                                "<style>body{display:none}</style>"
                                '<img src="https://example.org/x.png">'
                                '<div class="text"', 1))
        d.go("file://" + inj)
        inj_state = d.js("return [document.title, getComputedStyle("
                         "document.body).display, document.body.dataset.ready]")
        ok(inj_state[0] != "pwned" and inj_state[1] != "none" and
           inj_state[2] == "1",
           "an injected script or style ran, or the page's own did not: %r"
           % inj_state)

        # --- a PMC article: its tables as tables, every record still once --
        pmc = os.path.join(os.path.dirname(os.path.abspath(cache)), "pmc",
                           "PMC9900001.nxml")
        pp = os.path.join(work, "pmc.html")
        p = subprocess.run([trialmine, "report", "-o", pp, pmc],
                           capture_output=True, text=True)
        x = subprocess.run([trialmine, "extract", pmc], capture_output=True,
                           text=True)
        ok(p.returncode == 0 and x.returncode == 0, "report of a PMC article")
        d.go("file://" + pp)
        t = d.js("return [document.querySelectorAll('mark[data-type]').length,"
                 "document.querySelectorAll('.text table.doctab').length,"
                 "document.querySelectorAll('.text table.doctab mark"
                 "[data-type]').length]")
        ok(t[0] == len(x.stdout.splitlines()),
           "PMC article: %d highlighted, %d records" % (t[0],
                                                       len(x.stdout.splitlines())))
        ok(t[1] == 2 and t[2] > 0, "PMC article: %d tables, %d records in "
           "them" % (t[1], t[2]))

        # --- repairs on hover: raw -> repaired ------------------------------
        ocr = os.path.join(os.path.dirname(os.path.abspath(cache)), "..",
                           "tests", "fixtures", "text", "ocr_damage.txt")
        op = os.path.join(work, "ocr.html")
        p = subprocess.run([trialmine, "report", "-o", op, ocr],
                           capture_output=True, text=True)
        ok(p.returncode == 0, "report of the OCR fixture")
        d.go("file://" + op)
        titles = d.js("return Array.from(document.querySelectorAll("
                      "'mark.rep')).map(m => m.title)")
        ok(len(titles) == 5 and
           any("repaired: 10 \u00ae \u2192 10^6" in t for t in titles),
           "repairs on hover: %r" % titles[:2])

        # --- the screenshot ------------------------------------------------
        d.go("file://" + os.path.abspath(page) + "#" + pid)
        d.click(d.find("#" + pid))  # the review panel, open
        png = base64.b64decode(d.s("GET", "/screenshot"))
        ok(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000,
           "screenshot")
        with open(os.path.join(work, "report.png"), "wb") as f:
            f.write(png)
        if shot:
            with open(shot, "wb") as f:
                f.write(png)
    except Exception as e:
        if os.environ.get("TM_DEBUG"):
            import traceback
            traceback.print_exc()
        ok(False, "browser session: %s" % str(e)[:300])
    finally:
        stop(cd, d)
    print("report-browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
