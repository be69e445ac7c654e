#!/usr/bin/env python3
"""Proof that a built publicita site works where it is published, by crawling it in
headless Chromium (chromium_driver.py) from its home page along its links.

  --subpath SITE_DIR  a build whose base_url path is /portal/: SITE_DIR is copied to
                      <root>/portal/ and <root> served on 127.0.0.1 by a static host
                      (no folder listings; a missing address under /portal/ gets
                      404.html with status 404, as GitHub Pages does). Every page is
                      answered 200; every request it makes (DevTools Network events)
                      and every address it names (a, link, script, img, source,
                      srcset, data-index, JSON-LD) stays under /portal/ on this
                      server and answers 200, except links to other hosts, which are
                      not followed; the site's data files (xml, json, txt) name only
                      addresses under /portal/; the theme's stylesheet is applied;
                      the home page's search finds a project by a word of its title
                      and its result opens; a deep missing address shows 404.html
                      with its stylesheet and working links.
  --file SITE_DIR     a --relative-links build opened from file://: every page
                      reached from index.html names only files inside SITE_DIR that
                      exist (a folder link is a failure: it must name index.html),
                      requests nothing over the network, has its stylesheet applied,
                      and the search section either stays hidden or works.

One line per failure, then "N passed, M failed"; the exit code is 1 when anything failed.
"""
import argparse
import functools
import http.client
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse

from chromium_driver import start_browser

BASE = "/portal/"
PAGE_LIMIT = 2000
QUIET_SECONDS = 0.3       # no DevTools event for this long: the page has stopped loading
SETTLE_LIMIT_SECONDS = 8  # …or give up waiting after this
SEARCH_TIMEOUT_SECONDS = 10
SCANNED_SUFFIXES = (".xml", ".json", ".txt", ".webmanifest")
SCANNED_FILE_LIMIT = 20 * 1024 * 1024


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, check, where, problems):
        problems = list(dict.fromkeys(problems))
        if problems:
            self.failed += 1
            for problem in problems:
                print(f"FAIL {check} {where}: {problem}", flush=True)
        else:
            self.passed += 1


# ---------------------------------------------------------------- the page, seen from inside

COLLECT = """
const refs = [];
const add = (what, value) => {
  if (value === null || value.trim() === '') return;
  try { refs.push([what, new URL(value, document.baseURI).href]); } catch (e) { refs.push([what, 'invalid:' + value]); }
};
for (const el of document.querySelectorAll('[href]')) {
  const rel = el.getAttribute('rel');
  add(el.tagName.toLowerCase() + '[href]' + (rel ? '[rel=' + rel + ']' : ''), el.getAttribute('href'));
}
for (const el of document.querySelectorAll('[src]')) add(el.tagName.toLowerCase() + '[src]', el.getAttribute('src'));
for (const el of document.querySelectorAll('[srcset]'))
  for (const part of el.getAttribute('srcset').split(','))
    add(el.tagName.toLowerCase() + '[srcset]', part.trim().split(/\\s+/)[0]);
for (const el of document.querySelectorAll('[data-index]')) add('[data-index]', el.getAttribute('data-index'));
const main = document.querySelector('main') || document.body;
const search = document.getElementById('search');
return {
  refs,
  style: [getComputedStyle(main).maxWidth, getComputedStyle(document.body).fontFamily],
  sheets: Array.from(document.querySelectorAll('link[rel~=stylesheet]')).map(l => [l.href, !!l.sheet]),
  jsonLd: Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(s => s.textContent),
  search: search && {hidden: search.hidden || getComputedStyle(search).display === 'none',
                     suffix: search.getAttribute('data-page-suffix')},
  projectTitles: Array.from(document.querySelectorAll('main a[href]'))
    .filter(a => /\\/projekty\\/[^\\/]+\\/(index\\.html)?$/.test(new URL(a.href).pathname))
    .map(a => a.textContent.trim()),
};
"""

UNSTYLED = "data:text/html;charset=utf-8,<!DOCTYPE html><title>x</title><main>x</main>"


def unstyled_style(driver):
    """The computed values COLLECT reads on a page without any stylesheet."""
    driver.get(UNSTYLED)
    return driver.execute_script(COLLECT)["style"]


def network_events(driver):
    """[(url, status or None, error or None, resource type)] from the DevTools log since the last call."""
    requests = {}
    order = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        request_id = params.get("requestId")
        if method == "Network.requestWillBeSent":
            redirect = params.get("redirectResponse")
            if redirect and request_id in requests:
                previous = requests.pop(request_id)
                previous["status"] = redirect.get("status")
                order.append(previous)
            requests[request_id] = {"url": params["request"]["url"], "status": None, "error": None,
                                    "type": params.get("type", "")}
        elif method == "Network.responseReceived" and request_id in requests:
            requests[request_id]["status"] = params["response"].get("status")
        elif method == "Network.loadingFailed" and request_id in requests:
            requests[request_id]["error"] = params.get("errorText")
    order += requests.values()
    return order


def load(driver, url):
    """Opens url and waits until the network has been quiet; returns its network events."""
    driver.get_log("performance")
    driver.get(url)
    events = []
    started = last = time.time()
    while time.time() - started < SETTLE_LIMIT_SECONDS:
        time.sleep(0.1)
        new = network_events(driver)
        if new:
            events += new
            last = time.time()
        elif time.time() - last >= QUIET_SECONDS and driver.execute_script("return document.readyState") == "complete":
            break
    return merge(events)


def merge(events):
    """Events read in several calls: a request seen in one and answered in a later one is one request."""
    merged = {}
    for event in events:
        key = (event["url"], event["type"])
        known = merged.get(key)
        if known is None or known["status"] is None and known["error"] is None:
            merged[key] = event
    return list(merged.values())


def stylesheet_problems(seen, unstyled):
    problems = []
    if not seen["sheets"]:
        problems.append("no <link rel=stylesheet>")
    for href, loaded in seen["sheets"]:
        if not loaded:
            problems.append(f"stylesheet {href} not loaded")
    if seen["style"][0] == unstyled[0] or seen["style"][1] == unstyled[1]:
        problems.append(f"the theme's rules are not applied (main max-width {seen['style'][0]!r}, "
                        f"body font-family {seen['style'][1]!r}; unstyled: {unstyled[0]!r}, {unstyled[1]!r})")
    return problems


def checked(report, where, check):
    """Runs check; a browser error (a page that does not load in time, a crashed tab)
    is a failure of that page, and the crawl goes on. Returns check's pages, or none."""
    from selenium.common.exceptions import WebDriverException
    try:
        return check() or []
    except WebDriverException as error:
        report.record("browser", where, [str(error.msg or error).splitlines()[0]])
        return []


def title_word(titles):
    """The longest word of the first project title, for the search to find."""
    for title in titles:
        words = sorted(re.findall(r"\w{4,}", title), key=len, reverse=True)
        if words:
            return words[0]
    return None


def run_search(driver, word):
    """Types word into the search box; the result links' hrefs, or a problem."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(word)
    try:
        WebDriverWait(driver, SEARCH_TIMEOUT_SECONDS).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    except TimeoutException:
        status = driver.execute_script("return document.getElementById('search-status').textContent")
        return None, f"no results for {word!r} after {SEARCH_TIMEOUT_SECONDS} s (status: {status!r})"
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")], None


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


# ---------------------------------------------------------------- served under /portal/

def canonical_hosts(refs):
    """The hosts of a page's canonical links: the site's own address (base_url)."""
    return {urllib.parse.urlsplit(ref).hostname for what, ref in refs if what.startswith("link[href][rel=canonical")}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Files as they are, no folder listings, and 404.html for a missing address under BASE."""

    def log_message(self, *args):
        pass

    def list_directory(self, path):
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, BASE.strip("/"), "404.html")
        if code != 404 or not self.path.startswith(BASE) or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as handle:
            body = handle.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(root):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


class SubpathCrawl:
    def __init__(self, site, report):
        self.site = site
        self.report = report
        self.fetched = {}              # path?query -> (status, content type, body)
        self.own_hosts = {"127.0.0.1"}  # plus the canonical links' host: the base_url's

    def get(self, target):
        if target not in self.fetched:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            try:
                connection.request("GET", target)
                response = connection.getresponse()
                self.fetched[target] = (response.status, response.getheader("Content-Type", ""), response.read())
            except OSError as error:
                self.fetched[target] = (None, "", str(error).encode())
            finally:
                connection.close()
        return self.fetched[target]

    def address_problem(self, what, url):
        """None for a good address (or another host's, which is not followed), else the problem.
        Also returns the address's path on this server when it is ours."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("mailto", "tel", "data", "javascript"):
            return None, None
        if parts.scheme not in ("http", "https"):
            return f"{what} {url}: unexpected scheme", None
        if parts.hostname not in self.own_hosts:
            return None, None
        if not parts.path.startswith(BASE):
            return f"{what} {url}: outside {BASE}", None
        target = parts.path + ("?" + parts.query if parts.query else "")
        status = self.get(target)[0]
        if status != 200:
            return f"{what} {url}: {status}", target
        return None, target

    def run(self):
        root = tempfile.mkdtemp(prefix="publicita-crawl-")
        try:
            shutil.copytree(self.site, os.path.join(root, BASE.strip("/")))
            server, self.port = serve(root)
            self.origin = f"http://127.0.0.1:{self.port}"
            driver = start_browser(performance_log=True)
            try:
                self.crawl(driver)
            finally:
                driver.quit()
                server.shutdown()
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def crawl(self, driver):
        unstyled = unstyled_style(driver)
        home = self.origin + BASE
        queue, seen = [home], {home}
        while queue:
            if len(seen) - len(queue) >= PAGE_LIMIT:
                self.report.record("crawl", BASE, [f"more than {PAGE_LIMIT} pages; the rest is not checked"])
                break
            url = queue.pop(0)
            for target in checked(self.report, urllib.parse.urlsplit(url).path,
                                  lambda: self.check_page(driver, url, unstyled, expected_status=200)):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
            if url == home:
                checked(self.report, BASE, lambda: self.check_search(driver, home))
        checked(self.report, BASE + "nenalezeno/hluboko/", lambda: self.check_missing(driver, unstyled))
        self.scan_data_files()
        print(f"({len(seen)} pages crawled under {BASE})", flush=True)

    def check_page(self, driver, url, unstyled, expected_status):
        """Checks one page; returns the pages it links to (without #fragments)."""
        name = urllib.parse.urlsplit(url).path
        events = load(driver, url)
        seen = driver.execute_script(COLLECT)
        problems = []
        document = [e for e in events if e["type"] == "Document" and e["url"].split("#")[0] == url]
        status = document[0]["status"] if document else None
        if status != expected_status:
            problems.append(f"answered {status}, not {expected_status}")
        self.report.record("page", name, problems)

        problems = []
        for event in events:
            parts = urllib.parse.urlsplit(event["url"])
            # The browser's own guess at an icon, made when a page names none.
            browser_guess = event["url"] == self.origin + "/favicon.ico" and event["type"] == "Other"
            if parts.scheme in ("data", "blob") or event["url"] == url or browser_guess:
                continue
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                problems.append(f"{event['type']} request to another server: {event['url']}")
            elif not parts.path.startswith(BASE):
                problems.append(f"{event['type']} request outside {BASE}: {event['url']}")
            elif event["error"]:
                problems.append(f"{event['type']} {event['url']}: {event['error']}")
            elif event["status"] not in (200, 304):
                problems.append(f"{event['type']} {event['url']}: {event['status']}")
        self.report.record("requests", name, problems)

        self.own_hosts |= canonical_hosts(seen["refs"])
        problems, pages = [], []
        for what, ref in seen["refs"]:
            if ref.split("#")[0] == url:
                continue
            problem, target = self.address_problem(what, ref)
            if problem:
                problems.append(problem)
            elif target is not None and what.startswith(("a[", "area[")) and self.get(target)[1].startswith("text/html"):
                pages.append(self.origin + target)
        for text in seen["jsonLd"]:
            problems += self.json_problems("JSON-LD", text)
        self.report.record("links", name, problems)
        self.report.record("stylesheet", name, stylesheet_problems(seen, unstyled))
        return pages

    def json_problems(self, what, text):
        try:
            data = json.loads(text)
        except ValueError as error:
            return [f"{what}: not JSON ({error})"]
        problems = []
        for value in json_strings(data):
            if re.match(r"https?://", value):
                problem, _ = self.address_problem(what, value)
            elif value.startswith("/") and not value.startswith("//"):
                problem = None if value.startswith(BASE) else f"{what} {value}: outside {BASE}"
            else:
                continue
            if problem:
                problems.append(problem)
        return problems

    def check_search(self, driver, home):
        seen = driver.execute_script(COLLECT)
        if seen["search"] is None:
            return self.report.record("search", BASE, ["no #search section on the home page"])
        if seen["search"]["hidden"]:
            return self.report.record("search", BASE, ["the search section stays hidden"])
        word = title_word(seen["projectTitles"])
        if word is None:
            return self.report.record("search", BASE, ["no project title on the home page to search for"])
        hrefs, problem = run_search(driver, word)
        if problem:
            return self.report.record("search", BASE, [problem])
        problems = []
        pattern = re.compile(re.escape(BASE) + r"projekty/[^/]+/(index\.html)?$")
        for href in hrefs:
            parts = urllib.parse.urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != self.origin or not pattern.match(parts.path):
                problems.append(f"result {href} is not a project page under {BASE}")
        if not problems:
            from selenium.webdriver.common.by import By
            driver.get_log("performance")
            driver.find_element(By.CSS_SELECTOR, "#search-results a").click()
            opened = driver.current_url
            if opened != hrefs[0]:
                problems.append(f"following the result {hrefs[0]} opened {opened}")
            status = self.get(urllib.parse.urlsplit(hrefs[0]).path)[0]
            if status != 200:
                problems.append(f"result {hrefs[0]}: {status}")
        self.report.record("search", BASE, problems)

    def check_missing(self, driver, unstyled):
        """A deep missing address: 404, with 404.html whose stylesheet and links still work."""
        deep = BASE + "nenalezeno/hluboko/"
        status = self.get(deep)[0]
        problems = [] if status == 404 else [f"{deep} answered {status}, not 404"]
        page = os.path.join(self.site, "404.html")
        if not os.path.isfile(page):
            problems.append("the site has no 404.html")
        self.report.record("not-found", deep, problems)
        if not problems:  # its links and assets are checked as any page's
            self.check_page(driver, self.origin + deep, unstyled, expected_status=404)

    def scan_data_files(self):
        """The site's feeds, sitemap, robots.txt and data files name only addresses under BASE."""
        url_pattern = re.compile(r"""https?://[^\s"'<>]+""")
        attribute_pattern = re.compile(r"""(?:href|src)="(/[^"]*)\"""")
        for folder, _, files in os.walk(self.site):
            for file in sorted(files):
                path = os.path.join(folder, file)
                if not file.endswith(SCANNED_SUFFIXES) or os.path.getsize(path) > SCANNED_FILE_LIMIT:
                    continue
                name = BASE + os.path.relpath(path, self.site).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
                if file.endswith(".json"):
                    problems = self.json_problems(name, text)
                else:
                    problems = []
                    for url in url_pattern.findall(text):
                        problem, _ = self.address_problem(name, url.rstrip(".,;)"))
                        if problem:
                            problems.append(problem)
                    for ref in attribute_pattern.findall(text):
                        if not ref.startswith(BASE):
                            problems.append(f"{name} {ref}: outside {BASE}")
                self.report.record("data-files", name, problems)


# ---------------------------------------------------------------- opened from file://

class FileCrawl:
    def __init__(self, site, report):
        self.site = os.path.realpath(site)
        self.report = report
        self.own_hosts = set()

    def inside(self, path):
        return path == self.site or path.startswith(self.site + os.sep)

    def file_problem(self, what, url):
        """None or the problem, and the file a good file: address names."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("mailto", "tel", "data", "javascript"):
            return None, None
        if parts.scheme in ("http", "https"):
            # The canonical and the language versions' (hreflang) links are absolute by
            # design: search engines read them so; readers follow the page's own links.
            own = parts.hostname in self.own_hosts and "rel=canonical" not in what and "rel=alternate" not in what
            return (f"{what} {url}: an internal address written as an absolute one" if own else None), None
        if parts.scheme != "file":
            return f"{what} {url}: unexpected scheme", None
        path = urllib.parse.unquote(parts.path)
        real = os.path.realpath(path)
        if not self.inside(real):
            return f"{what} {url}: outside the site folder", None
        if parts.path.endswith("/") or os.path.isdir(real):
            return f"{what} {url}: a folder; from file:// a link must name its index.html", None
        if not os.path.isfile(real):
            return f"{what} {url}: no such file", None
        return None, real

    def run(self):
        driver = start_browser(performance_log=True)
        try:
            self.crawl(driver)
        finally:
            driver.quit()

    def crawl(self, driver):
        unstyled = unstyled_style(driver)
        home = os.path.join(self.site, "index.html")
        if not os.path.isfile(home):
            return self.report.record("page", home, ["no index.html"])
        home_url = "file://" + urllib.parse.quote(home)
        queue, seen = [home_url], {home_url}
        while queue:
            if len(seen) - len(queue) >= PAGE_LIMIT:
                self.report.record("crawl", self.site, [f"more than {PAGE_LIMIT} pages; the rest is not checked"])
                break
            url = queue.pop(0)
            for target in checked(self.report, url, lambda: self.check_page(driver, url, unstyled, home=url == home_url)):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        print(f"({len(seen)} pages crawled from file://{self.site})", flush=True)

    def check_page(self, driver, url, unstyled, home):
        name = "/" + os.path.relpath(urllib.parse.unquote(urllib.parse.urlsplit(url).path), self.site)
        events = load(driver, url)
        seen = driver.execute_script(COLLECT)
        problems = []
        for event in events:
            parts = urllib.parse.urlsplit(event["url"])
            if parts.scheme in ("data", "blob"):
                continue
            if parts.scheme != "file":
                problems.append(f"{event['type']} request over the network: {event['url']}")
            elif not self.inside(os.path.realpath(urllib.parse.unquote(parts.path))):
                problems.append(f"{event['type']} request outside the site folder: {event['url']}")
            elif event["error"]:
                problems.append(f"{event['type']} {event['url']}: {event['error']}")
        self.report.record("requests", name, problems)

        self.own_hosts |= canonical_hosts(seen["refs"])
        problems, pages = [], []
        for what, ref in seen["refs"]:
            problem, real = self.file_problem(what, ref)
            if problem:
                problems.append(problem)
            elif real is not None and what.startswith(("a[", "area[")) and real.endswith(".html"):
                pages.append("file://" + urllib.parse.quote(real))
        self.report.record("links", name, problems)
        self.report.record("stylesheet", name, stylesheet_problems(seen, unstyled))
        if home:
            self.check_search(driver, seen, name)
        return pages

    def check_search(self, driver, seen, name):
        search = seen["search"]
        if search is None:
            return
        problems = []
        if search["suffix"] != "index.html":
            problems.append(f"data-page-suffix is {search['suffix']!r}, not 'index.html'")
        if not search["hidden"]:
            word = title_word(seen["projectTitles"])
            hrefs, problem = run_search(driver, word) if word else (None, "no project title to search for")
            if problem:
                problems.append("the search section is shown but does not work: " + problem)
            for href in hrefs or []:
                problem, real = self.file_problem("search result", href)
                if problem or not real.endswith(os.sep + "index.html"):
                    problems.append(problem or f"search result {href} is not a page")
        self.report.record("search", name, problems)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--subpath", metavar="SITE_DIR", help=f"serve the site under {BASE} and crawl it over HTTP")
    mode.add_argument("--file", metavar="SITE_DIR", help="crawl a --relative-links build from file://")
    args = parser.parse_args()
    site = os.path.abspath(args.subpath or args.file)
    if not os.path.isdir(site):
        raise SystemExit(f"{site} is not a folder")
    report = Report()
    started = time.time()
    (SubpathCrawl if args.subpath else FileCrawl)(site, report).run()
    print(f"({time.time() - started:.1f} s)")
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
