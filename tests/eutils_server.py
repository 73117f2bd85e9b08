#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Loopback fake of NCBI E-utilities (esearch, efetch) for trialmine's tests.

Serves PubMed records from local PubmedArticleSet files (and PMC JATS files)
in the shapes eutils.ncbi.nlm.nih.gov uses, and injects the faults the real
service shows: 429 + Retry-After, 5xx HTML pages, stalls, TCP resets,
truncated or corrupted bodies, errors inside HTTP 200, missing records.
Standard library only.  Usage, the fault SPEC language and the log format
are in tests/eutils_server.md; "ref §x" below points to
shared/reference/ecosystem-reliability.md.
"""
import argparse, collections, gzip, hashlib, html, json, os, re, secrets, shutil, signal
import socket, socketserver, struct, subprocess, sys, tempfile, threading, time, traceback
import http.client, urllib.error, urllib.parse, urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ESEARCH_PATH = "/entrez/eutils/esearch.fcgi"
EFETCH_PATH = "/entrez/eutils/efetch.fcgi"
PUBMED_CAP = 9999   # PubMed ESearch/history serve only the first 9,999 UIDs (ref §1.3)
XML_TYPE, JSON_TYPE, HTML_TYPE = ("text/xml; charset=UTF-8", "application/json; charset=UTF-8",
                                  "text/html; charset=UTF-8")

# Prologues as NCBI sends them (fixtures/eutils/*.xml and captured efetch errors).
ESEARCH_PROLOG = (b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC '
                  b'"-//NLM//DTD esearch 20060628//EN" '
                  b'"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n')
# sic: the real efetch error DOCTYPE names its root "eEfetchResult".
EFETCH_ERR_PROLOG = (b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC '
                     b'"-//NLM//DTD efetch 20131226//EN" '
                     b'"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n')
PUBMED_PROLOG = (b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD '
                 b'PubMedArticle, 1st January 2025//EN" '
                 b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n')
PMC_PROLOG = (b'<?xml version="1.0" ?>\n<!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD ARTICLE SET '
              b'2.0//EN" "https://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd">\n')

# Real messages (ref §1.3, §1.6; exact wording from captured responses).
CAP_ERROR = ("Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
             "ESearch can only retrieve the first 9,999 records matching the query. To obtain more "
             "than 9,999 PubMed records, consider using EDirect that contains additional logic to "
             "batch PubMed search results automatically so that an arbitrary number can be "
             "retrieved. For details see https://www.ncbi.nlm.nih.gov/books/NBK25499/")
ESEARCH_BACKEND_ERROR = "Search Backend failed: Pubmed 2.0 search API: HTTP request returned 502 status."
RATE_BODY = b'{"error":"API rate limit exceeded","count":"11"}'
ERROR_PAGES = {404: "404 Not Found", 500: "WWW Error 500 Diagnostic", 502: "502 Proxy Error",
               503: "Service unavailable!"}
# An HTML page where XML is expected, not even well-formed (unclosed <br>).
INVALID_BODY = (b"<html>\n<body>\n<br/><h2>Error occurred: Unable to obtain query #1</h2><br/>\n"
                b"<p>The server is temporarily unable to service your request.<br>\n</body>\n</html>\n")


def html_page(status):
    title = ERROR_PAGES[status]
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>eutils_server: simulated HTTP {status}.</p></body></html>\n").encode()


def esc(text):
    return html.escape(str(text), quote=False)


# -------- Records ---------------------------------------------------------------------------------
RECORD_RE = re.compile(rb"<(PubmedArticle|PubmedBookArticle)\b[^>]*>.*?</\1\s*>", re.S)
PMID_RE = re.compile(rb"<PMID\b[^>]*>\s*(\d+)\s*</PMID>")   # the first PMID is the record's own
PUBMED_TEXT_RE = re.compile(
    rb"<(ArticleTitle|BookTitle|VernacularTitle|AbstractText)\b[^>]*>(.*?)</\1>", re.S)
PMC_TEXT_RE = re.compile(rb"<(article-title|abstract)\b[^>]*>(.*?)</\1>", re.S)
DATE_RES = {  # esearch datetype -> where a PubMed record keeps that date
    "pdat": re.compile(rb"<PubDate>(.*?)</PubDate>", re.S),
    "edat": re.compile(rb'<PubMedPubDate PubStatus="entrez">(.*?)</PubMedPubDate>', re.S),
    "mdat": re.compile(rb"<DateRevised>(.*?)</DateRevised>", re.S),
}
DATE_LABELS = {"pdat": "Date - Publication", "edat": "Date - Entry", "mdat": "Date - Modification"}
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
SYNTHETIC = ('<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{p}'
             '</PMID><Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate>'
             '<Year>{y}</Year></PubDate></JournalIssue><Title>Synthetic Journal</Title></Journal>'
             '<ArticleTitle>Synthetic record {p}.</ArticleTitle><Abstract><AbstractText>Synthetic '
             '{parity} abstract.</AbstractText></Abstract></Article></MedlineCitation><PubmedData>'
             '<ArticleIdList><ArticleId IdType="pubmed">{p}</ArticleId></ArticleIdList></PubmedData>'
             '</PubmedArticle>')


def searchable(raw, text_re):
    """Lower-case plain text of a record's title(s) and abstract, for word search."""
    parts = [m.group(2).decode("utf-8", "replace") for m in text_re.finditer(raw)]
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", " ".join(parts))).lower().split())


def parse_date(block):
    """(year, month, day) from a PubDate-like block (also MedlineDate "1978 Jul-Sep" and JATS
    <year>); a missing month or day counts as 1."""
    t = block.decode("utf-8", "replace")
    y = re.search(r"<year>\s*(\d{4})", t, re.I) or re.search(r"\b(\d{4})\b", t)
    if not y:
        return None
    m = re.search(r"<month>\s*(\w+)", t, re.I) or re.search(r"\d{4}\s+([A-Za-z]{3})", t)
    d = re.search(r"<day>\s*(\d+)", t, re.I)
    month = 1
    if m:
        month = int(m.group(1)) if m.group(1).isdigit() else MONTHS.get(m.group(1)[:3].lower(), 1)
    return (int(y.group(1)), month, int(d.group(1)) if d else 1)


class Database:
    """One Entrez database: uid -> exact record bytes, plus text and dates for esearch."""

    def __init__(self, prolog, root):
        self.prolog, self.root = prolog, root
        self.records, self.text, self.dates = {}, {}, {}
        self.ids_desc = []   # PubMed's default order: most recent first ~ descending PMID

    def add(self, uid, raw, text, dates):
        if uid in self.records:
            return False
        self.records[uid], self.text[uid], self.dates[uid] = raw, text, dates
        return True

    def finish(self):
        self.ids_desc = sorted(self.records, reverse=True)

    def document(self, raws):
        """The efetch answer: records wrapped in the set element, after the prologue."""
        if not raws:
            return self.prolog + b"<%s></%s>\n" % (self.root, self.root)
        return self.prolog + b"<%s>\n%s\n</%s>\n" % (self.root, b"\n".join(raws), self.root)


def read_maybe_gz(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def record_files(paths):
    """Files named on the command line, and *.xml / *.xml.gz inside named directories."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith((".xml", ".xml.gz")))
        else:
            out.append(p)
    return out


def add_pubmed_record(db, raw):
    pmid = PMID_RE.search(raw)
    if not pmid:
        return None
    dates = {k: parse_date(m.group(1)) for k, rx in DATE_RES.items() if (m := rx.search(raw))}
    return db.add(int(pmid.group(1)), raw, searchable(raw, PUBMED_TEXT_RE), dates)


def load_databases(records=(), synthetic=None, pmc_dir=None, warn=print):
    """Build {"pubmed": Database, "pmc": Database} from the command-line sources."""
    pubmed = Database(None, b"PubmedArticleSet")
    for path in record_files(records):
        data = read_maybe_gz(path)
        start = data.find(b"<PubmedArticleSet")
        if start < 0:
            warn(f"eutils_server: {path}: no <PubmedArticleSet>, skipped")
            continue
        if pubmed.prolog is None and data[:start].strip():
            pubmed.prolog = data[:start].strip() + b"\n"   # first file's XML decl + DOCTYPE
        for m in RECORD_RE.finditer(data, start):
            if add_pubmed_record(pubmed, m.group(0)) is False:
                warn(f"eutils_server: {path}: duplicate PMID, first copy kept")
    if synthetic:   # "N[:START]": N generated records with PMIDs START.. (default 1)
        count, _, first = synthetic.partition(":")
        for p in range(int(first or 1), int(first or 1) + int(count)):
            raw = SYNTHETIC.format(p=p, y=2000 + p % 25, parity="odd" if p % 2 else "even")
            add_pubmed_record(pubmed, raw.encode())
    pubmed.prolog = pubmed.prolog or PUBMED_PROLOG
    pmc = Database(PMC_PROLOG, b"pmc-articleset")
    for name in sorted(os.listdir(pmc_dir)) if pmc_dir else []:
        m = re.fullmatch(r"PMC(\d+)\.nxml(\.gz)?", name)
        art = m and re.search(rb"<article\b.*</article\s*>", read_maybe_gz(os.path.join(pmc_dir, name)), re.S)
        if not art:
            continue
        raw = art.group(0)
        front = re.search(rb"<front\b.*?</front>", raw, re.S)
        head = front.group(0) if front else raw
        pub = re.search(rb"<pub-date\b[^>]*>(.*?)</pub-date>", head, re.S)
        date = parse_date(pub.group(1)) if pub else None
        pmc.add(int(m.group(1)), raw, searchable(head, PMC_TEXT_RE),
                {k: date for k in DATE_RES} if date else {})
    pubmed.finish()
    pmc.finish()
    return {"pubmed": pubmed, "pmc": pmc}


# -------- The esearch term language: AND of `all`, N:M[uid], N[uid], words, "phrases" -------------
class TermError(ValueError):
    """A request the fake answers with an <ERROR> inside HTTP 200, as esearch does."""


TEXT_TAGS = {"": "All Fields", "all fields": "All Fields", "all": "All Fields",
             "tiab": "Title/Abstract", "title/abstract": "Title/Abstract", "ti": "Title",
             "title": "Title", "ab": "Abstract", "abstract": "Abstract", "tw": "Text Word"}
TOKEN_RE = re.compile(r'''\s*(?:
      (?P<paren>[()])
    | (?P<lo>\d+)\s*:\s*(?P<hi>\d+)\s*\[(?:uid|pmid)\]
    | (?P<one>\d+)\s*\[(?:uid|pmid)\]
    | "(?P<phrase>[^"]*)"(?:\s*\[(?P<ptag>[^\]]*)\])?
    | (?P<word>[^\s()"\[\]]+)(?:\s*\[(?P<wtag>[^\]]*)\])?
    )''', re.I | re.X)


# --canned-search: every term matches every record, as if replaying a
# search recorded from the real service (used to build corpus/cache).
CANNED_SEARCH = False


def parse_term(term):
    """AND-ed clauses: ("all",), ("range", lo, hi) or ("text", phrase, field label).
    Parentheses are dropped (harmless with AND only); OR/NOT and other field tags are refused
    so a test notices instead of getting a silently wrong set."""
    clauses, pos = [], 0
    while pos < len(term):
        m = TOKEN_RE.match(term, pos)
        if not m or m.end() == pos:
            raise TermError(f"eutils_server: cannot parse term at {term[pos:]!r}")
        pos, g = m.end(), m.groupdict()
        if g["paren"]:
            continue
        if g["lo"] or g["one"]:
            clauses.append(("range", int(g["lo"] or g["one"]), int(g["hi"] or g["one"])))
            continue
        text = g["phrase"] if g["phrase"] is not None else g["word"]
        tag = ((g["ptag"] if g["phrase"] is not None else g["wtag"]) or "").strip().lower()
        if g["word"] and not tag:
            if text.upper() == "AND":
                continue
            if text.upper() in ("OR", "NOT"):
                raise TermError(f"eutils_server: {text.upper()} is not emulated (only AND)")
            if text.isdigit():   # PubMed maps a bare number to that PMID
                clauses.append(("range", int(text), int(text)))
                continue
        if text.lower() == "all" and tag in ("", "sb"):
            clauses.append(("all",))
        elif tag not in TEXT_TAGS:
            raise TermError(f"eutils_server: field tag [{tag}] is not emulated")
        elif text.split():
            clauses.append(("text", " ".join(text.lower().split()), TEXT_TAGS[tag]))
    if not clauses:
        raise TermError(f"eutils_server: nothing to search for in {term!r}")
    return clauses


def parse_date_filter(p):
    """(datetype, low, high) from mindate/maxdate (YYYY[/MM[/DD]]), or None."""
    if not (p.get("mindate") or p.get("maxdate")):
        return None
    bounds = []
    for name, high in (("mindate", False), ("maxdate", True)):
        m = re.fullmatch(r"\s*(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?\s*", p.get(name, ""))
        if not m:
            raise TermError(f"eutils_server: {name} must be YYYY[/MM[/DD]] and used with its pair")
        bounds.append((int(m.group(1)), int(m.group(2) or (12 if high else 1)),
                       int(m.group(3) or (31 if high else 1))))
    datetype = (p.get("datetype") or "pdat").lower()
    if datetype not in DATE_LABELS:
        raise TermError(f"eutils_server: datetype {datetype} is not emulated")
    return (datetype, bounds[0], bounds[1])


def run_search(db, clauses, dates):
    """Matching uids in descending order, and the words/phrases no record contains."""
    ids, not_found = db.ids_desc, []
    for clause in clauses:
        if clause[0] == "range":
            ids = [i for i in ids if clause[1] <= i <= clause[2]]
        elif clause[0] == "text":   # whole-word, case-insensitive; a trailing * is a prefix
            core = re.escape(clause[1].rstrip("*"))
            rx = re.compile(r"(?<!\w)" + core + ("" if clause[1].endswith("*") else r"(?!\w)"))
            hits = {i for i, text in db.text.items() if rx.search(text)}
            if not hits:
                not_found.append(clause[1])
            ids = [i for i in ids if i in hits]
    if dates:
        kind, lo, hi = dates
        ids = [i for i in ids if db.dates[i].get(kind) and lo <= db.dates[i][kind] <= hi]
    return ids, not_found


def translation(clauses, dates):
    parts = {"all": lambda c: "all[sb]", "range": lambda c: f"{c[1]}:{c[2]}[uid]",
             "text": lambda c: f'"{c[1]}"[{c[2]}]'}
    out = " AND ".join(parts[c[0]](c) for c in clauses)
    if dates:
        lo, hi = ("%04d/%02d/%02d" % d for d in dates[1:])
        out += f" AND {lo}:{hi}[{DATE_LABELS[dates[0]]}]"
    return out


def intparam(p, name, default):
    try:
        return max(0, int(p.get(name, default)))
    except ValueError:
        return default


# -------- Faults ----------------------------------------------------------------------------------
Rule = collections.namedtuple("Rule", "endpoint lo hi name arg text")
PLAIN_FAULTS = {"500", "502", "503", "reset", "error", "invalid", "empty", "blank", "dup",
                "corrupt", "expire", "echo-key"}


def parse_fault(text):
    name, _, arg = (s.strip() for s in text.strip().partition(":"))
    name = name.lower()
    if name in PLAIN_FAULTS and not arg:
        return name, None
    if name in ("429", "slow", "stall", "hang") and (arg or name == "429"):
        seconds = float(arg or 1)
        if not 0 <= seconds <= 3600:
            raise ValueError(f"bad seconds in fault {text!r}")
        return name, seconds
    if name == "truncate" and arg in ("", "nolen"):
        return name, arg or None
    if name == "drop" and re.fullmatch(r"\d+(\+\d+)*", arg):
        return name, {int(x) for x in arg.split("+")}
    raise ValueError(f"unknown fault {text!r}")


def parse_spec(spec):
    """SPEC = ITEM[,ITEM...], ITEM = ENDPOINT:SEL=FAULT; SEL = N | N-M | N- | *."""
    rules = []
    for item in (s.strip() for s in spec.split(",")):
        if not item:
            continue
        where, eq, what = item.partition("=")
        endpoint, colon, sel = (s.strip() for s in where.partition(":"))
        m = re.fullmatch(r"\*|(\d+)(?:(-)(\d*))?", sel)
        if not (eq and colon and endpoint.lower() in ("esearch", "efetch", "*") and m):
            raise ValueError(f"bad fault item {item!r} (want ENDPOINT:N=FAULT)")
        lo = int(m.group(1)) if m.group(1) else 1
        hi = None if sel == "*" or (m.group(2) and not m.group(3)) else int(m.group(3) or lo)
        rules.append(Rule(endpoint.lower(), lo, hi, *parse_fault(what), what.strip()))
    return rules


def listed(uids, fault):
    """The drop / dup / empty faults, applied to the uids an answer is about to list."""
    name, arg = (fault.name, fault.arg) if fault else (None, None)
    if name == "drop":
        uids = [i for i in uids if i not in arg]
    if name == "dup" and uids:
        uids = [uids[0]] + uids
    return [] if name == "empty" else uids


def corrupt(body):
    """Rename a closing tag in the second half to </habel> (as seen from PMC, ref §1.6)."""
    m = re.compile(rb"</[A-Za-z][\w.:-]*>").search(body, len(body) // 2)
    return body[:m.start()] + b"</habel>" + body[m.end():] if m else body[:-1] + b"\x00"


# -------- Server state, shared by the handler threads ---------------------------------------------
class State:
    def __init__(self, dbs, spec="", rate_limit=None, log_path=None):
        self.dbs, self.rate_limit = dbs, rate_limit
        self.rules, self.spec = parse_spec(spec), spec.strip()
        self.lock = threading.Lock()
        self.counters = collections.Counter()        # requests per endpoint, 1-based index
        self.windows = collections.defaultdict(collections.deque)   # rate-limit arrival times
        self.history = {}                             # WebEnv -> [(db, [uids]) per query_key]
        self.log_lines = []
        self.log_file = open(log_path, "a", encoding="utf-8") if log_path else None

    def set_faults(self, spec):
        rules = parse_spec(spec)   # raises ValueError before anything changes
        with self.lock:
            self.rules, self.spec = rules, spec.strip()
            self.counters.clear()   # N counts from the next request after a change

    def arrival(self, endpoint, api_key, now):
        """Count a request; return (n, Rule or None).  The rate limit comes before faults."""
        with self.lock:
            self.counters[endpoint] += 1
            n = self.counters[endpoint]
            if self.rate_limit:
                limit = self.rate_limit[1 if api_key else 0]
                bucket = hashlib.sha256(api_key.encode()).hexdigest() if api_key else ""
                window = self.windows[bucket]
                while window and window[0] <= now - 1.0:
                    window.popleft()
                window.append(now)          # rejected arrivals count too
                if len(window) > limit:
                    return n, Rule("*", n, n, "ratelimit", (len(window), limit), "ratelimit")
            for r in self.rules:
                if r.endpoint in (endpoint, "*") and r.lo <= n and (r.hi is None or n <= r.hi):
                    return n, r
        return n, None

    def remember(self, webenv, db, ids):
        """Store a result set on the history server; returns (WebEnv, query_key)."""
        with self.lock:
            if webenv not in self.history:
                webenv = "MCID_" + secrets.token_hex(12)
                self.history[webenv] = []
            self.history[webenv].append((db, list(ids)))
            return webenv, len(self.history[webenv])

    def recall(self, webenv, query_key):
        with self.lock:
            sets = self.history.get(webenv, [])
            return sets[query_key - 1][1] if 1 <= query_key <= len(sets) else None

    def log(self, entry):
        line = json.dumps(entry, separators=(",", ":"), ensure_ascii=False)
        with self.lock:
            self.log_lines.append(line)
            if self.log_file:
                self.log_file.write(line + "\n")
                self.log_file.flush()


def redacted(params):
    """Parameters for the log: api_key values replaced by <redacted-len-N>; repeats -> list."""
    out = {}
    for k, v in params:
        if k.lower() == "api_key":
            v = f"<redacted-len-{len(v)}>"
        if k not in out:
            out[k] = v
        elif isinstance(out[k], list):
            out[k].append(v)
        else:
            out[k] = [out[k], v]
    return out


# -------- ESearch and EFetch answers: (status, content type, body) --------------------------------
def esearch_xml(r):
    if "ERROR" in r:
        return b"<eSearchResult><ERROR>%s</ERROR></eSearchResult>\n" % esc(r["ERROR"]).encode()
    x = f"<eSearchResult><Count>{r['count']}</Count><RetMax>{r['retmax']}</RetMax><RetStart>{r['retstart']}</RetStart>"
    if "webenv" in r:
        x += f"<QueryKey>{r['querykey']}</QueryKey><WebEnv>{r['webenv']}</WebEnv>"
    ids = "".join(f"<Id>{i}</Id>\n" for i in r["idlist"])
    x += (f"<IdList>\n{ids}</IdList>" if ids else "<IdList/>") + "<TranslationSet/>"
    x += f"<QueryTranslation>{esc(r['querytranslation'])}</QueryTranslation>"
    if "errorlist" in r:
        x += "<ErrorList>" + "".join(f"<PhraseNotFound>{esc(w)}</PhraseNotFound>"
                                     for w in r["errorlist"]["phrasesnotfound"]) + "</ErrorList>"
    if "warninglist" in r:
        x += "<WarningList>" + "".join(f"<OutputMessage>{esc(w)}</OutputMessage>"
                                       for w in r["warninglist"]["outputmessages"]) + "</WarningList>"
    return (x + "</eSearchResult>\n").encode()


def esearch_answer(st, p, fault):
    name = fault.name if fault else None

    def answer(r):
        if p.get("retmode", "").lower() == "json":
            doc = {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": r}
            return 200, JSON_TYPE, json.dumps(doc).encode()
        return 200, XML_TYPE, ESEARCH_PROLOG + esearch_xml(r)

    dbname = (p.get("db") or "pubmed").lower()
    term = p.get("term", "").strip()
    try:
        if name == "error":
            raise TermError(ESEARCH_BACKEND_ERROR)
        if name == "echo-key":
            raise TermError(echo_key_message(p))
        if dbname not in st.dbs:
            raise TermError(f"Invalid db name specified: {dbname}")
        if not term:
            raise TermError("Empty term and query_key - nothing todo")
        clauses = [("all",)] if CANNED_SEARCH else parse_term(term)
        dates = parse_date_filter(p)
        retstart, retmax = intparam(p, "retstart", 0), intparam(p, "retmax", 20)
        if dbname == "pubmed" and retstart >= PUBMED_CAP:
            raise TermError(CAP_ERROR)
    except TermError as e:
        return answer({"ERROR": str(e)})
    ids, not_found = run_search(st.dbs[dbname], clauses, dates) if name != "empty" else ([], [])
    warnings = []
    if dbname == "pubmed" and retstart + retmax > PUBMED_CAP:   # ref §1.3
        retmax = PUBMED_CAP - retstart
        warnings.append(f"Restrictions achieved. start and count adjusted to {retstart}, {retmax}")
    page = listed(ids[retstart:retstart + min(retmax, 10000)], fault)   # drop: Count stays
    r = {"count": str(len(ids)), "retmax": str(len(page)), "retstart": str(retstart)}
    if p.get("usehistory", "").lower() == "y":
        r["webenv"], key = st.remember(p.get("webenv", ""), dbname, ids)
        r["querykey"] = str(key)
    r.update(idlist=[str(i) for i in page], translationset=[],
             querytranslation=translation(clauses, dates))
    if not_found:
        r["errorlist"] = {"phrasesnotfound": not_found, "fieldsnotfound": []}
    if not ids and name != "empty":
        warnings.append("No items found.")
    if warnings:
        r["warninglist"] = {"phrasesignored": [], "quotedphrasesnotfound": [], "outputmessages": warnings}
    return answer(r)


def echo_key_message(p):
    """The one answer that carries the caller's key, as NCBI's own answers about a key do
    (ref §1.1); the client must redact it.  Two lines, as NCBI's <ERROR> texts can be."""
    return f"API key invalid\n\tapi-key: {p.get('api_key', '')}"


def efetch_error(status, message):
    return status, XML_TYPE, EFETCH_ERR_PROLOG + (
        b"<eFetchResult>\n\t<ERROR>%s</ERROR>\n</eFetchResult>\n" % esc(message).encode())


def efetch_answer(st, p, fault):
    dbname = (p.get("db") or "pubmed").lower()
    if fault and fault.name == "error":
        return efetch_error(200, "Unable to obtain query #1")
    if fault and fault.name == "echo-key":
        return efetch_error(200, echo_key_message(p))
    if dbname not in st.dbs:
        return efetch_error(400, f"Invalid db name specified: {dbname}")
    if p.get("retmode", "xml").lower() != "xml" or p.get("rettype", "").lower() not in ("", "xml", "null"):
        return efetch_error(400, "eutils_server: only retmode=xml without rettype is emulated")
    if "id" in p:
        ids, seen = [], set()
        for tok in re.split(r"[,\s]+", p["id"]):
            tok = tok[3:] if tok[:3].upper() == "PMC" else tok   # NCBI strips PMC (ref §1.4)
            if tok.isdigit() and int(tok) not in seen:
                seen.add(int(tok))
                ids.append(int(tok))
        if not ids:
            return efetch_error(400, "Empty id list - nothing todo")
    elif "webenv" in p or "query_key" in p:
        key = intparam(p, "query_key", 1)
        ids = st.recall(p.get("webenv", ""), key)
        if ids is None:                      # unknown or expired WebEnv (ref §1.2)
            return efetch_error(200, f"Unable to obtain query #{key}")
        start, count = intparam(p, "retstart", 0), intparam(p, "retmax", 10000)
        if dbname == "pubmed":               # the history server caps PubMed too (ref §1.3)
            if start >= PUBMED_CAP:
                return efetch_error(400, CAP_ERROR)
            count = min(count, PUBMED_CAP - start)
        if start >= len(ids):
            return efetch_error(400, f"Cannot retrieve history data: OUT OF RANGE. Parameter "
                                f"retstart={start} + 1 is greater than number of records "
                                f"available in history. History includes {len(ids)} IDs.")
        ids = ids[start:start + min(count, 10000)]
    else:
        return efetch_error(400, "Empty id list - nothing todo")
    db = st.dbs[dbname]
    found = listed([i for i in ids if i in db.records], fault)   # unknown ids: silently missing
    return 200, XML_TYPE, db.document([db.records[i] for i in found])


# -------- HTTP ------------------------------------------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"      # keep-alive, as NCBI; libcurl reuses connections
    timeout = 30                       # idle keep-alive connections are dropped after 30 s

    def version_string(self):
        return "eutils_server"

    def log_message(self, fmt, *args):
        pass   # the default writes the URL to stderr, and a URL may carry api_key

    def do_GET(self):
        st = self.server.state
        t_mono, t_wall = time.monotonic(), time.time()
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        if url.path.startswith("/_control/"):
            return self.control(st, url.path, body)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        form = (urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
                if body and ctype in ("", "application/x-www-form-urlencoded") else [])
        p = {k.lower(): v for k, v in query + form}   # names are case-insensitive; body wins
        endpoint = {ESEARCH_PATH: "esearch", EFETCH_PATH: "efetch"}.get(url.path)
        n, fault = st.arrival(endpoint, p.get("api_key", ""), t_mono) if endpoint else (None, None)
        try:
            status, sent = self.respond(st, endpoint, p, fault)
        except Exception:   # a bug here must not look like an injected reset
            traceback.print_exc()
            self.close_connection = True
            status, sent = self.send(500, "text/plain", b"eutils_server: internal error, see its stderr\n")
        st.log({"t_mono": t_mono, "t_wall": t_wall, "method": self.command, "path": url.path,
                "endpoint": endpoint, "n": n, "params": redacted(query + form),
                "query_keys": [k for k, _ in query], "body_keys": [k for k, _ in form],
                "api_key_present": bool(p.get("api_key")), "fault": fault.text if fault else None,
                "status": status, "bytes": sent, "duration": round(time.monotonic() - t_mono, 6)})

    do_POST = do_GET

    def respond(self, st, endpoint, p, fault):
        """Apply the fault (if any) and answer; returns (status or None, body bytes sent)."""
        name, arg = (fault.name, fault.arg) if fault else (None, None)
        if endpoint is None:
            return self.send(404, HTML_TYPE, html_page(404))
        if name == "ratelimit":   # NCBI's 429 (ref §1.1); it also echoes the key, we never do
            body = {"error": "API rate limit exceeded", "count": str(arg[0]), "limit": str(arg[1])}
            if not p.get("api_key"):
                body = {"error": body["error"], "api-key": self.client_address[0], **body}
            return self.send(429, JSON_TYPE, json.dumps(body, separators=(",", ":")).encode(),
                             {"Retry-After": "1", "X-RateLimit-Limit": str(arg[1]),
                              "X-RateLimit-Remaining": "0"})
        if name == "429":
            return self.send(429, JSON_TYPE, RATE_BODY, {"Retry-After": "%g" % arg})
        if name in ("500", "502", "503"):
            return self.send(int(name), HTML_TYPE, html_page(int(name)))
        if name == "reset":
            return self.reset()
        if name == "invalid":
            return self.send(200, HTML_TYPE, INVALID_BODY)
        if name == "blank":
            return self.send(200, XML_TYPE, b"")
        if name == "slow":
            time.sleep(arg)
        if name == "expire":
            with st.lock:
                st.history.clear()
        status, ctype, body = (esearch_answer if endpoint == "esearch" else efetch_answer)(st, p, fault)
        if name == "corrupt":
            body = corrupt(body)
        return self.send(status, ctype, body, mode=name, arg=arg)

    def send(self, status, ctype, body, headers=None, mode=None, arg=None):
        """Send a response.  mode "stall"/"truncate": half the body, then wait S s / close;
        "hang": the headers, then nothing for S s, then the body."""
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if mode == "truncate" and arg == "nolen":   # no length: only the XML shows the cut
            self.send_header("Connection", "close")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        half, sent = (0 if mode == "hang" else len(body) // 2), 0
        try:
            if mode in ("stall", "hang", "truncate"):
                self.wfile.write(body[:half])
                sent = half
                if mode == "truncate":
                    self.close_connection = True
                    return status, sent
                time.sleep(arg)
                body = body[half:]
            self.wfile.write(body)
            sent += len(body)
        except OSError:   # the client gave up (e.g. its low-speed limit during a stall)
            self.close_connection = True
        return status, sent

    def reset(self):
        """Abort with a TCP RST and no response: SO_LINGER 0, then close at once (no FIN)."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()   # drop makefile()'s reference, or close() would be deferred
        self.connection.close()
        return None, 0

    def control(self, st, path, body):
        """/_control/faults (GET/POST SPEC) and /_control/log (GET); never logged."""
        if path == "/_control/faults" and self.command == "POST":
            try:
                st.set_faults(body.decode("utf-8"))
            except ValueError as e:
                return self.send(400, "text/plain", f"{e}\n".encode())
            return self.send(200, "text/plain", b"ok\n")
        if path == "/_control/faults":
            return self.send(200, "text/plain", st.spec.encode() + b"\n")
        if path == "/_control/log":
            with st.lock:
                text = "".join(line + "\n" for line in st.log_lines)
            return self.send(200, "application/x-ndjson", text.encode())
        return self.send(404, HTML_TYPE, html_page(404))


class EutilsServer(ThreadingHTTPServer):
    daemon_threads = True

    def server_bind(self):   # skip HTTPServer's getfqdn(): no DNS lookups in offline builds
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def start_server(state, port=0):
    """Bind 127.0.0.1:port (0 = any free port) and serve in a daemon thread."""
    srv = EutilsServer(("127.0.0.1", port), Handler)
    srv.state = state
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def write_port_file(path, port):
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w") as f:
        f.write(f"{port}\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)   # atomic: a waiting test never reads a half-written file


def parse_rate(value):
    """--rate-limit [NOKEY[,KEY]]: bare flag = NCBI's 3 rps without a key, 10 with one."""
    if value is None:
        return None
    nokey, _, key = value.partition(",")
    return (int(nokey), int(key or nokey))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Loopback fake of NCBI E-utilities for tests.")
    ap.add_argument("--records", nargs="+", action="extend", default=[], metavar="DIR_OR_FILE",
                    help="PubmedArticleSet files (.xml, .xml.gz) or directories of them")
    ap.add_argument("--synthetic", metavar="N[:START]", help="add N generated PubMed records")
    ap.add_argument("--pmc", metavar="DIR", help="directory of PMCnnn.nxml JATS files (db=pmc)")
    ap.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = any free port)")
    ap.add_argument("--port-file", help="write the port here (atomically) once listening")
    ap.add_argument("--log", help="append one JSON line per request here")
    ap.add_argument("--faults", default="", metavar="SPEC", help="e.g. efetch:1=429,esearch:*=slow:1")
    ap.add_argument("--rate-limit", nargs="?", const="3,10", metavar="NOKEY[,KEY]",
                    help="answer 429 above this many requests per second (bare: 3,10)")
    ap.add_argument("--max-seconds", type=float, default=300, help="exit after this long (0 = never)")
    ap.add_argument("--canned-search", action="store_true",
                    help="answer every esearch term with all records (replay a recorded search)")
    ap.add_argument("--selftest", action="store_true", help="run the built-in self-check")
    args = ap.parse_args(argv)
    global CANNED_SEARCH
    CANNED_SEARCH = args.canned_search
    if args.selftest:
        return selftest(args)
    if not (args.records or args.synthetic or args.pmc):
        ap.error("give --records, --synthetic or --pmc")
    warn = lambda msg: print(msg, file=sys.stderr)
    try:
        state = State(load_databases(args.records, args.synthetic, args.pmc, warn),
                      args.faults, parse_rate(args.rate_limit), args.log)
        if args.port_file and os.path.exists(args.port_file):
            os.unlink(args.port_file)        # a stale file would fool a waiting test
        srv = start_server(state, args.port)
    except (OSError, ValueError) as e:
        warn(f"eutils_server: {e}")
        return 2
    port = srv.server_address[1]
    if args.port_file:
        write_port_file(args.port_file, port)
    warn(f"eutils_server: listening on http://127.0.0.1:{port}/ ({len(state.dbs['pubmed'].records)}"
         f" PubMed, {len(state.dbs['pmc'].records)} PMC records)")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    if not stop.wait(args.max_seconds or None):
        warn(f"eutils_server: --max-seconds {args.max_seconds:g} reached, exiting")
    srv.shutdown()
    srv.server_close()
    return 0


# -------- Self-check: python3 tests/eutils_server.py --selftest -----------------------------------
SELFTEST_RECORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                                "fixtures", "pubmed", "ncbiutils_pubmed_5rec.xml")
SELFTEST_PMC = (b'<?xml version="1.0" ?>\n<article><front><article-meta><title-group><article-title>'
                b'A selftest trial</article-title></title-group><pub-date><year>2021</year></pub-date>'
                b'</article-meta></front><body><p>n = 30</p></body></article>\n')


def selftest(args):
    tmp = tempfile.mkdtemp(prefix="eutils_selftest.")
    try:
        return run_selftest(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def well_formed(body):
    try:
        ET.fromstring(body)
        return True
    except ET.ParseError:
        return False


def run_selftest(args, tmp):
    """Three in-process servers: A (the records + a PMC article + a log), B (the records
    gzipped + 10,050 synthetic ones, for the 9,999 cap), C (rate-limited).  Each check
    is a function; failures are reported and counted, never fatal."""
    key = "SELFTEST-" + secrets.token_hex(12)        # must never reach the log
    sources = args.records or [SELFTEST_RECORDS]
    synthetic = None
    if not args.records and not os.path.exists(SELFTEST_RECORDS):   # no ../shared beside us
        sources, synthetic = [], "5:90000001"
    source_bytes = b"".join(read_maybe_gz(f) for f in record_files(sources))
    gz, pmc, log_path = (os.path.join(tmp, n) for n in ("copy.xml.gz", "pmc", "log.jsonl"))
    os.mkdir(pmc)
    with open(os.path.join(pmc, "PMC7654321.nxml"), "wb") as f:
        f.write(SELFTEST_PMC)
    quiet = lambda msg: None
    st_a = State(load_databases(sources, synthetic, pmc, quiet), "", None, log_path)
    if synthetic:
        source_bytes = b"".join(st_a.dbs["pubmed"].records.values())
    with gzip.open(gz, "wb") as f:   # the same records again, gzipped, for server B
        f.write(st_a.dbs["pubmed"].document(st_a.dbs["pubmed"].records.values()))
    st_b = State(load_databases([gz], "10050", None, quiet))
    st_c = State(load_databases([], "3"), rate_limit=(3, 10))
    servers = [start_server(s) for s in (st_a, st_b, st_c)]
    A, B, C = (s.server_address[1] for s in servers)
    pub = st_a.dbs["pubmed"]
    ids, all_ids = pub.ids_desc, ",".join(map(str, pub.ids_desc))
    assert len(ids) >= 3, "the selftest needs at least 3 records"

    def call(port, path, method="GET", raw=None, **params):
        """One request with urllib -> (status, headers, body); HTTP errors are answers too."""
        data = urllib.parse.urlencode(params)
        url = f"http://127.0.0.1:{port}{path}" + (f"?{data}" if method == "GET" and data else "")
        body = raw if raw is not None else data.encode() if method == "POST" else None
        try:
            with urllib.request.urlopen(urllib.request.Request(url, body, method=method), timeout=10) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    es = lambda port=A, **p: call(port, ESEARCH_PATH, **p)
    ef = lambda port=A, **p: call(port, EFETCH_PATH, **p)
    idlist = lambda body: [int(e.text) for e in ET.fromstring(body).iter("Id")]
    pmids = lambda body: [int(a.find(".//PMID").text) for a in ET.fromstring(body)]
    checks = []

    def check(fn, name=None):
        checks.append((name or fn.__name__, fn))

    @check
    def port_file():
        write_port_file(os.path.join(tmp, "port"), A)
        assert open(os.path.join(tmp, "port")).read() == f"{A}\n"

    @check
    def esearch_all_descending_paging():
        s, _, b = es(term="all", retmax=len(ids))
        assert s == 200 and b.startswith(ESEARCH_PROLOG) and idlist(b) == ids, b[:300]
        assert ET.fromstring(b).findtext("Count") == str(len(ids)) and b"<WebEnv>" not in b
        b = es(term="all", retstart=1, retmax=2)[2]
        assert idlist(b) == ids[1:3] and ET.fromstring(b).findtext("RetStart") == "1"

    @check
    def esearch_post_word_uid_range():
        word = re.findall(r"[a-z]{6,}", pub.text[ids[0]])[0]
        b = es(method="POST", term=f"{word.upper()}[tiab]", api_key=key)[2]
        assert ids[0] in idlist(b) and all(word in pub.text[i] for i in idlist(b)), b
        assert idlist(es(term=f"(all) AND {ids[2]}:{ids[1]} [UID]")[2]) == ids[1:3]
        assert idlist(es(term=f"{ids[0]}[uid]")[2]) == [ids[0]] == idlist(es(term=str(ids[0]))[2])
        phrase = " ".join(pub.text[ids[0]].split()[:2])
        assert ids[0] in idlist(es(term=f'"{phrase}" AND all', retmax=len(ids))[2])

    @check
    def esearch_not_found_errors_json():
        b = es(term="zzqxnotaword")[2]
        assert b"<PhraseNotFound>zzqxnotaword</PhraseNotFound>" in b and b"No items found." in b
        assert b"<ERROR>" in es(term="a OR b")[2] and b"<ERROR>Empty term" in es(term="")[2]
        r = json.loads(es(term="all", retmode="json")[2])["esearchresult"]
        assert r["count"] == str(len(ids)) and r["idlist"] == [str(i) for i in ids[:20]]

    @check
    def history_webenv():
        r = ET.fromstring(es(term="all", usehistory="y")[2])
        hist = dict(WebEnv=r.findtext("WebEnv"), query_key=r.findtext("QueryKey"))
        assert hist["WebEnv"].startswith("MCID_") and hist["query_key"] == "1"
        s, _, b = ef(method="POST", retstart=1, retmax=2, **hist)
        assert s == 200 and pmids(b) == ids[1:3]
        s, _, b = ef(retstart=len(ids), **hist)
        assert s == 400 and b"OUT OF RANGE" in b, b
        s, _, b = ef(WebEnv="MCID_000000000000000000000000", query_key="1")
        assert s == 200 and b"<ERROR>Unable to obtain query #1</ERROR>" in b, b

    @check
    def efetch_ids_order_exact_bytes():
        s, h, b = ef(db="pubmed", id=f"{ids[2]},99999999,PMC{ids[0]}", retmode="xml")
        assert s == 200 and h["Content-Type"].startswith("text/xml") and pmids(b) == [ids[2], ids[0]]
        assert b.startswith(pub.prolog) and pub.records[ids[0]] in b and pub.records[ids[0]] in source_bytes
        assert pmids(ef(method="POST", id=all_ids, api_key=key)[2]) == ids
        s, _, b = ef(db="pubmed")
        assert s == 400 and b"Empty id list" in b

    @check
    def pmc_efetch_esearch():
        s, _, b = ef(db="pmc", id="PMC7654321")
        assert s == 200 and ET.fromstring(b).tag == "pmc-articleset" and b"<body><p>n = 30" in b
        assert idlist(es(db="pmc", term="trial")[2]) == [7654321]

    @check
    def pubmed_cap_9999():
        r = ET.fromstring(es(B, term="all", retmax=10000)[2])
        assert r.findtext("Count") == str(len(st_b.dbs["pubmed"].records)) and len(r.find("IdList")) == 9999
        assert "adjusted to 0, 9999" in r.findtext(".//OutputMessage")
        b = es(B, term="all", retstart=9990, retmax=100)[2]
        assert len(idlist(b)) == 9 and b"adjusted to 9990, 9" in b
        assert b"cannot be larger than 9998" in es(B, term="all", retstart=9999)[2]

    @check
    def pubmed_cap_history_bisection_dates():
        r = ET.fromstring(es(B, term="all", usehistory="y", retmax=0)[2])
        hist = dict(WebEnv=r.findtext("WebEnv"), query_key="1")
        assert len(pmids(ef(B, retstart=9990, retmax=100, **hist)[2])) == 9
        assert ef(B, retstart=9999, **hist)[0] == 400
        assert idlist(es(B, term="synthetic AND 1:5000[uid]", retmax=5000)[2]) == list(range(5000, 0, -1))
        b = es(B, term="1:100[uid]", mindate="2003", maxdate="2003/12", datetype="pdat")[2]
        assert idlist(b) == [78, 53, 28, 3] and b"[Date - Publication]" in b, b
        assert ids[0] in idlist(es(B, term=f"{ids[0]}[uid]")[2])    # the .gz copy was loaded

    # Each fault once: (SPEC for the next efetch/esearch, what its outcome must satisfy).
    # The outcome is (status or exception, headers, body, seconds taken).
    E = "efetch:1="
    fault_cases = [
        (E + "429", lambda s, h, b, t: s == 429 and h["Retry-After"] == "1" and b == RATE_BODY),
        (E + "429:2", lambda s, h, b, t: s == 429 and h["Retry-After"] == "2"),
        (E + "500", lambda s, h, b, t: s == 500 and b"WWW Error 500 Diagnostic" in b),
        (E + "502", lambda s, h, b, t: s == 502 and b"Proxy Error" in b),
        (E + "503", lambda s, h, b, t: s == 503 and b"Service unavailable!" in b),
        (E + "slow:0.3", lambda s, h, b, t: s == 200 and t >= 0.3 and pmids(b) == ids),
        (E + "stall:0.3", lambda s, h, b, t: s == 200 and t >= 0.3 and pmids(b) == ids),
        (E + "hang:0.3", lambda s, h, b, t: s == 200 and t >= 0.3 and pmids(b) == ids),
        # an RST surfaces as ConnectionResetError; a FIN would be its subclass RemoteDisconnected
        (E + "reset", lambda s, h, b, t: type(s) is ConnectionResetError),
        (E + "truncate", lambda s, h, b, t: isinstance(s, http.client.IncompleteRead)),
        (E + "truncate:nolen", lambda s, h, b, t: s == 200 and "Content-Length" not in h
         and 0 < len(b) < len(pub.document(pub.records[i] for i in ids)) and not well_formed(b)),
        (E + "echo-key", lambda s, h, b, t: s == 200
         and ET.fromstring(b).findtext("ERROR").startswith("API key invalid")),
        (E + "error", lambda s, h, b, t: s == 200 and b"<eFetchResult>\n\t<ERROR>Unable to obtain "
         b"query #1</ERROR>" in b and well_formed(b)),
        ("esearch:1=error", lambda s, h, b, t: s == 200
         and ET.fromstring(b).findtext("ERROR").startswith("Search Backend failed")),
        (E + "invalid", lambda s, h, b, t: s == 200 and b"<html>" in b and not well_formed(b)),
        (E + "empty", lambda s, h, b, t: s == 200 and ET.fromstring(b).tag == "PubmedArticleSet"
         and len(ET.fromstring(b)) == 0),
        (E + "blank", lambda s, h, b, t: s == 200 and b == b""),
        (E + "corrupt", lambda s, h, b, t: s == 200 and b"</habel>" in b and not well_formed(b)),
        (E + f"drop:{ids[1]}", lambda s, h, b, t: pmids(b) == [ids[0]] + ids[2:]),
        (E + "dup", lambda s, h, b, t: pmids(b) == [ids[0]] + ids),
        (f"esearch:1=drop:{ids[0]}", lambda s, h, b, t: idlist(b) == ids[1:20]
         and ET.fromstring(b).findtext("Count") == str(len(ids))),
    ]

    def fault_check(spec, ok):
        def run():
            assert call(A, "/_control/faults", "POST", raw=spec.encode())[0] == 200
            t = time.monotonic()
            try:
                s, h, b = ef(id=all_ids) if spec.startswith("efetch") else es(term="all")
            except Exception as e:   # reset / truncate end in an exception
                s, h, b = e, {}, b""
            assert ok(s, h, b, time.monotonic() - t), (s, b[:120])
        check(run, f"fault {spec}")

    for spec, ok in fault_cases:
        fault_check(spec, ok)

    @check
    def fault_expire_selectors_control():
        r = ET.fromstring(es(term="all", usehistory="y")[2])
        call(A, "/_control/faults", "POST", raw=b"efetch:1=expire,esearch:2-3=503,esearch:5-=500")
        assert b"Unable to obtain query #1" in ef(WebEnv=r.findtext("WebEnv"), query_key="1")[2]
        assert [es(term="all")[0] for _ in range(6)] == [200, 503, 503, 200, 500, 500]
        assert call(A, "/_control/faults", "POST", raw=b"efetch:1=bogus")[0] == 400
        assert call(A, "/_control/faults", "POST", raw=b"")[0] == 200 and es(term="all")[0] == 200

    @check
    def rate_limit():
        got = [es(C, term="all")[0] for _ in range(5)]
        assert got[:3] == [200] * 3 and 429 in got, got
        time.sleep(1.05)
        assert [es(C, term="all", api_key=key)[0] for _ in range(5)] == [200] * 5

    @check
    def log_redacts_key():
        text = open(log_path, encoding="utf-8").read()
        lines = [json.loads(x) for x in text.splitlines()]
        assert key not in text and key not in call(A, "/_control/log")[2].decode()
        keyed = [x for x in lines if x["api_key_present"]]
        assert keyed and all(x["params"]["api_key"] == f"<redacted-len-{len(key)}>" for x in keyed)
        assert all("api_key" in x["body_keys"] and "api_key" not in x["query_keys"] for x in keyed)
        assert {"429", "reset", "truncate", "stall:0.3"} <= {x["fault"] for x in lines}
        assert all(isinstance(x["t_mono"], float) and x["bytes"] >= 0 for x in lines)

    @check
    def process_port_file_sigterm_max_seconds():
        pf, log = os.path.join(tmp, "p.port"), os.path.join(tmp, "p.log")
        cmd = [sys.executable, os.path.abspath(__file__), "--synthetic", "5", "--port-file", pf,
               "--log", log, "--faults", "esearch:1=503"]
        proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if os.path.exists(pf):
                break
            time.sleep(0.025)
        port = int(open(pf).read())
        assert es(port, term="all")[0] == 503 and es(port, term="all")[0] == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(5) == 0 and len(open(log).readlines()) == 2
        proc = subprocess.Popen(cmd[:-2] + ["--max-seconds", "0.3"], stderr=subprocess.DEVNULL)
        assert proc.wait(5) == 0

    passed = failed = 0
    t0 = time.monotonic()
    for name, fn in checks:
        try:
            fn()
            passed += 1
            print(f"ok   {name}")
        except Exception as e:
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
    for srv in servers:
        srv.shutdown()
        srv.server_close()
    print(f"selftest took {time.monotonic() - t0:.1f} s")
    print(f"selftest: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
