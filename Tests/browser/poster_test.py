#!/usr/bin/env python3
"""Proof that every project's publicity poster of a built publicita site prints
as exactly one A3 sheet (297 × 420 mm, portrait) holding the poster's text.

  poster_test.py SITE_DIR [--limit N | --kinds]

SITE_DIR is served on 127.0.0.1; each /projekty/<slug>/plakat/ page (the first N
in path order with --limit; with --kinds, the few posters that between them show
every kind, see pick_kinds) is printed to PDF by headless Chromium through the
DevTools Page.printToPDF with the page's own CSS page size, as a browser's print
dialogue does. Laid out for print, the poster's content must fit its sheet (the
sheet clips it); pdfinfo (poppler-utils) must report one page of 841.89 × 1190.55
pt (± 1 pt), and pdftotext must find in it the project's name, the EU statement
or reference to the Union next to the emblem, the main aim and the support text,
as the page's HTML states them.

One line per failure, then "N passed, M failed" (one check per poster); the exit
code is 1 when anything failed.
"""
import argparse
import base64
import glob
import html
import os
import re
import subprocess
import sys
import tempfile

from a11y_test import start_server
from chromium_driver import start_browser

A3_POINTS = (297 / 25.4 * 72, 420 / 25.4 * 72)


def words(text):
    """The text's words, with every run of white space (and soft breaks) as one space."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.replace("\u00a0", " ").replace("\u00ad", "").split())


def expected_texts(page_html):
    """The poster's title, its reference lines, main aim and support text, from the HTML."""
    texts = []
    for pattern in (r'<h1 id="poster-title"[^>]*>(.*?)</h1>', r'<p class="poster-reference">(.*?)</p>',
                    r'<section class="poster-aim".*?<p[^>]*>(.*?)</p>', r'<section class="poster-support".*?<p>(.*?)</p>'):
        match = re.search(pattern, page_html, re.S)
        if match:
            texts += [words(part) for part in re.split(r"</span>", match.group(1)) if words(part)]
    return texts


def poster_kinds(page_html):
    """What a poster's layout depends on: its programming period (the reference to the
    Union differs), its language, and the type sizes of its name and main aim."""
    number = re.search(r"CZ\.\d{2}\.(\d+)\.", page_html)
    period = "2014–2020" if number and len(number.group(1)) == 1 else "2021–2027"
    lang = re.search(r'<html lang="([^"]+)"', page_html)
    title = re.search(r'<h1 id="poster-title" class="poster-title poster-size-(\w+)">(.*?)</h1>', page_html, re.S)
    aim = re.search(r'<section class="poster-aim".*?<p class="poster-size-(\w+)">(.*?)</p>', page_html, re.S)
    return {
        "period": period,
        "language": lang.group(1) if lang else "?",
        "title": (title.group(1), len(words(title.group(2)))) if title else ("none", 0),
        "aim": (aim.group(1), len(words(aim.group(2)))) if aim else ("none", 0),
    }


def pick_kinds(files):
    """{file: [why]}: the first poster of each period and language, and for each type size
    of the name and of the main aim the poster with the longest text set at it (the one
    most likely to overflow its sheet)."""
    kinds = {}
    for file in files:
        with open(file, encoding="utf-8") as handle:
            kinds[file] = poster_kinds(handle.read())
    picked = {}
    firsts = {}
    for file, kind in kinds.items():
        firsts.setdefault((kind["period"], kind["language"]), file)
    for (period, language), file in firsts.items():
        picked.setdefault(file, []).append(f"{period}, {language}")
    for part in ("title", "aim"):
        longest = {}
        for file, kind in kinds.items():
            size, length = kind[part]
            if size not in longest or length > kinds[longest[size]][part][1]:
                longest[size] = file
        for size, file in longest.items():
            picked.setdefault(file, []).append(f"no {part}" if size == "none" else
                                               f"the longest {part} at size {size} ({kinds[file][part][1]} characters)")
    return {file: picked[file] for file in files if file in picked}


def check(driver, base, path, file, folder):
    problems = []
    with open(file, encoding="utf-8") as handle:
        page_html = handle.read()
    expected = expected_texts(page_html)
    if len(expected) < 3:
        return [f"the page has no title, reference to the Union or support text ({expected})"]
    driver.get(base + path)
    # Laid out for print, the poster's box must hold all its content: it clips the rest.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    overflow = driver.execute_script(
        "const p = document.querySelector('.poster');"
        "return p ? [p.scrollHeight, p.clientHeight, p.scrollWidth, p.clientWidth] : null;")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if overflow is None:
        return ["no .poster element"]
    if overflow[0] > overflow[1] or overflow[2] > overflow[3]:
        problems.append(f"the content ({overflow[2]} × {overflow[0]} px) overflows the sheet ({overflow[3]} × {overflow[1]} px) and is cut off")
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                                       "displayHeaderFooter": False})
    pdf_file = os.path.join(folder, "poster.pdf")
    with open(pdf_file, "wb") as handle:
        handle.write(base64.b64decode(pdf["data"]))
    info = subprocess.run(["pdfinfo", pdf_file], check=True, capture_output=True, text=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if not pages or pages.group(1) != "1":
        problems.append(f"prints on {pages.group(1) if pages else '?'} pages, not one")
    if not size or any(abs(float(got) - want) > 1 for got, want in zip(size.groups(), A3_POINTS)):
        problems.append(f"page size {size.groups() if size else '?'} pt, not A3 {A3_POINTS[0]:.2f} × {A3_POINTS[1]:.2f}")
    text = words(subprocess.run(["pdftotext", "-layout", pdf_file, "-"], check=True, capture_output=True, text=True).stdout)
    # pdftotext may break a line inside a word at a hyphen: compare without the line breaks' spaces.
    flat = text.replace(" ", "")
    for wanted in expected:
        if wanted.replace(" ", "") not in flat:
            problems.append(f"the PDF lacks “{wanted[:80]}”")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--limit", type=int, default=0, help="print only the first N posters")
    parser.add_argument("--kinds", action="store_true", help="print one poster of each kind (pick_kinds)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    files = sorted(glob.glob(os.path.join(site, "projekty", "*", "plakat", "index.html")))
    if args.limit:
        files = files[: args.limit]
    passed = failed = 0
    if args.kinds and files:
        picked = pick_kinds(files)
        for file, why in picked.items():
            print(f"poster {os.path.relpath(os.path.dirname(file), site)}: {'; '.join(why)}")
            # A name whose type size cannot be read would hide the kinds it stands for.
            if "no title" in why:
                failed += 1
                print(f"FAIL the poster's name has no poster-size-* class: {file}")
        files = list(picked)
    if not files:
        print(f"FAIL no poster pages in {site}")
        print("0 passed, 1 failed")
        return 1
    server, base = start_server(site)
    driver = None
    try:
        driver = start_browser()
        with tempfile.TemporaryDirectory() as folder:
            for file in files:
                path = "/" + os.path.relpath(os.path.dirname(file), site).replace(os.sep, "/") + "/"
                problems = check(driver, base, path, file, folder)
                if problems:
                    failed += 1
                    print(f"FAIL poster {path}")
                    for problem in problems:
                        print(f"     {problem}")
                else:
                    passed += 1
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
