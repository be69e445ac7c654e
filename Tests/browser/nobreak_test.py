#!/usr/bin/env python3
"""Proof that no amount, date, percentage or registration number of a built
publicita site is split across lines, in headless Chromium (chromium_driver.py).

  nobreak_test.py SITE_DIR

SITE_DIR is served on 127.0.0.1 (http.server in a thread). Every page is laid out at
320, 390 and 1 280 px; in the text of its body (not code, pre, script, style or
visually hidden text) every amount ("6 516 052,50 Kč"), date ("1. 3. 2018"),
percentage ("85 %") and registration number ("CZ.03.2.60/0.0/0.0/16_052/0007824")
is found, and a Range over it measured with getClientRects(): an amount, a date or
a percentage must lie on one line and be joined by U+00A0 (an ordinary space in it
would let it break at another width); a registration number may break only after a
"/", so each of its parts lies on one line.

One line per failure, then "N passed, M failed" (one check per figure and width);
the exit code is 1 when anything failed.
"""
import functools
import glob
import http.server
import os
import sys
import threading

from chromium_driver import start_browser

WIDTHS = (320, 390, 1280)

MEASURE = r"""
const skipped = 'code, pre, script, style, textarea, title, svg, .visually-hidden';
const kinds = [
  ['amount', /\d{1,3}(?:[\u00A0 ]\d{3})*(?:,\d+)?(?:,-)?[\u00A0 ]Kč/g],
  ['date', /\d{1,2}\.[\u00A0 ]\d{1,2}\.[\u00A0 ]\d{4}/g],
  ['percentage', /\d+(?:,\d+)?[\u00A0 ]%/g],
  ['registration number', /cz\.\d{2}\.[\d._\/]*\d/gi],
];
// Line boxes of a range: rects that do not overlap vertically are on different lines.
const lines = range => {
  const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0)
    .sort((a, b) => a.top - b.top);
  let count = 0, bottom = -Infinity;
  for (const r of rects) { if (r.top >= bottom - 1) { count++; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom); }
  return count;
};
const results = [];
const measure = (kind, text, range) => {
  const count = lines(range);
  if (count === 0) return;  // not laid out (inside a closed element, say)
  const problems = [];
  if (count > 1) problems.push('split across ' + count + ' lines');
  if (kind !== 'registration number' && text.includes(' ')) problems.push('has an ordinary space');
  results.push([kind, text, problems]);
};
// The text of the body as one string, each character mapped to its node and offset.
// Text nodes are kept apart by U+0000 (no figure spans two table cells), except the
// parts of one marked-up registration number, which are found whole.
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
  acceptNode: n => n.parentElement.closest(skipped) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
const nodes = [];
let text = '';
let previousNumber = null;
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const number = n.parentElement.closest('.regno');
  if (!number || number !== previousNumber) text += '\u0000';
  previousNumber = number;
  nodes.push([text.length, n]);
  text += n.data;
}
const locate = index => {
  let low = 0, high = nodes.length - 1;
  while (low < high) { const mid = (low + high + 1) >> 1; if (nodes[mid][0] <= index) low = mid; else high = mid - 1; }
  return [nodes[low][1], index - nodes[low][0]];
};
const rangeOf = (start, end) => {
  const range = document.createRange();
  const [startNode, startOffset] = locate(start), [endNode, endOffset] = locate(end - 1);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
};
for (const [kind, pattern] of kinds) {
  for (const match of text.matchAll(pattern)) {
    const start = match.index, end = start + match[0].length;
    if (kind !== 'registration number') { measure(kind, match[0], rangeOf(start, end)); continue; }
    // Each part up to and including a "/" must stay on one line.
    let partStart = start;
    for (let i = start; i < end; i++) {
      if (text[i] === '/' || i === end - 1) {
        measure(kind, match[0] + ' [' + text.slice(partStart, i + 1) + ']', rangeOf(partStart, i + 1));
        partStart = i + 1;
      }
    }
  }
}
return results;
"""


def site_pages(site):
    pages = []
    for file in sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True)):
        rel = os.path.relpath(file, site).replace(os.sep, "/")
        pages.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    site = os.path.abspath(sys.argv[1])
    pages = site_pages(site)
    if not pages:
        raise SystemExit(f"no HTML files in {site}")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    passed = failed = 0
    figures = set()
    driver = None
    try:
        driver = start_browser()
        for width in WIDTHS:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800})
            for path in pages:
                driver.get(base + path)
                for kind, text, problems in driver.execute_script(MEASURE):
                    figures.add(kind)
                    if problems:
                        failed += 1
                        print(f"FAIL {path} at {width} px: {kind} {text.replace(chr(0xA0), '~')!r}: {'; '.join(problems)}", flush=True)
                    else:
                        passed += 1
    finally:
        if driver is not None:
            driver.quit()
        server.shutdown()
    # A site without any figure would prove nothing.
    for kind in ("amount", "date", "percentage", "registration number"):
        if kind not in figures:
            failed += 1
            print(f"FAIL no {kind} found on any page of {site}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
