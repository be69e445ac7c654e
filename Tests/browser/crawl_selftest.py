#!/usr/bin/env python3
"""Proof that crawl_test.py can fail: it is run against small generated sites, a
correct one for each mode, which must pass, and ones each broken in one way, which
must fail with the expected complaint. The sites use the theme's own search script.

One line per case, then "N passed, M failed"; the exit code is 1 when anything failed.
"""
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CRAWLER = os.path.join(HERE, "crawl_test.py")
SEARCH_SCRIPT = os.path.join(HERE, "..", "..", "Sources", "PublicitaKit", "Theme", "templates", "assets", "hledani.js")
BASE = "/portal/"
SITE_HOST = "http://127.0.0.1" + BASE

STYLE = "body { margin: 0; font-family: Arial, sans-serif; }\nmain { max-width: 40rem; margin: 0 auto; }\n"
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                      "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")
PROJECTS = {"alfa": "Bezpečnost Alfa", "beta": "Asistenti Beta"}


def address(mode, page, target):
    """target: a site path ("projekty/alfa/", "assets/style.css", "" for home) as page links to it."""
    if mode == "subpath":
        return BASE + target
    if target == "" or target.endswith("/"):
        target += "index.html"
    relative = posixpath.relpath(target, posixpath.dirname(page) or ".")
    return relative if relative.startswith("../") else "./" + relative


def page_html(mode, page, title, body, breaks, head=""):
    link = lambda target: address(mode, page, target)
    style = "/assets/style.css" if "root-stylesheet" in breaks and page == "404.html" else link("assets/style.css")
    nav = "".join(f'<li><a href="{link(t)}">{n}</a></li>' for t, n in (("", "Přehled"), ("o-portalu/", "O portálu")))
    return (f'<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="{SITE_HOST}{page.removesuffix("index.html")}">'
            f'<link rel="alternate" type="application/atom+xml" href="{link("aktuality/feed.xml")}">'
            f'<link rel="stylesheet" href="{style}">{head}</head><body>'
            f'<a href="#obsah">Přeskočit</a><nav><ul>{nav}</ul></nav>'
            f'<main id="obsah"><h1>{title}</h1>{body}</main>'
            f'<footer><a href="mailto:info@example.org">info@example.org</a> '
            f'<a href="https://example.org/jinde/">jinde</a></footer></body></html>')


def make_site(root, mode, breaks=()):
    """A tiny portal: home with search, two projects, an about page, 404.html, a feed."""
    files = {}
    link = lambda page, target: address(mode, page, target)
    rows = "".join(f'<li><a href="{link("index.html", "projekty/" + slug + "/")}">{title}</a></li>'
                   for slug, title in PROJECTS.items())
    if "root-relative-link" in breaks:
        rows += '<li><a href="/projekty/alfa/">mimo</a></li>'
    if "folder-link" in breaks:
        rows += '<li><a href="projekty/alfa/">složka</a></li>'
    if mode == "subpath":  # a link relative to its page also works under any base path
        rows += '<li><a href="o-portalu/">O portálu (relativně)</a></li>'
    suffix = ' data-page-suffix="index.html"' if mode == "file" else ""
    index = "data/chybi.json" if "missing-index" in breaks else "data/hledani.json"
    search = (f'<section id="search" hidden data-index="{link("index.html", index)}"{suffix} '
              f'data-found="Nalezeno: {{n}}" data-shown="" data-none="Nic" data-failed="Chyba">'
              f'<form><label for="search-input">Hledat</label><input type="search" id="search-input"></form>'
              f'<p id="search-status" role="status"></p><ul id="search-results"></ul></section>')
    srcset = "assets/chybi.png" if "missing-image" in breaks else "assets/pixel.png"
    image = (f'<picture><source srcset="{link("index.html", srcset)} 1x" type="image/png">'
             f'<img src="{link("index.html", "assets/pixel.png")}" alt="" width="1" height="1"></picture>')
    if "absolute-link" in breaks:
        rows += f'<li><a href="{SITE_HOST}o-portalu/">absolutně</a></li>'
    if "network-image" in breaks:
        image += '<img src="http://127.0.0.1:9/pixel.png" alt="" width="1" height="1">'
    script = "assets/ukazat.js" if "broken-search" in breaks else "assets/hledani.js"
    files["index.html"] = page_html(
        mode, "index.html", "Přehled", search + f"<ul>{rows}</ul>" + image, breaks,
        head=f'<script src="{link("index.html", script)}" defer></script>')
    for slug, title in PROJECTS.items():
        page = f"projekty/{slug}/index.html"
        ld = json.dumps({"@context": "https://schema.org", "@type": "Project", "name": title,
                         "url": SITE_HOST + f"projekty/{slug}/"})
        files[page] = page_html(mode, page, title, f'<p><a href="{link(page, "o-portalu/")}">O portálu</a></p>',
                                breaks, head=f'<script type="application/ld+json">{ld}</script>')
    files["o-portalu/index.html"] = page_html(mode, "o-portalu/index.html", "O portálu", "<p>Text.</p>", breaks)
    files["404.html"] = page_html(mode, "404.html", "Nenalezeno", "<p>Stránka neexistuje.</p>", breaks)
    feed_root = "http://127.0.0.1/" if "feed-outside" in breaks else SITE_HOST
    files["aktuality/feed.xml"] = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                   f'<link href="{feed_root}aktuality/feed.xml" rel="self"/>'
                                   f'<entry><link href="{SITE_HOST}projekty/alfa/"/></entry></feed>')
    files["data/hledani.json"] = json.dumps({"projects": [{"slug": s, "title": t} for s, t in PROJECTS.items()]})
    files["assets/ukazat.js"] = 'document.getElementById("search").hidden = false;'
    with open(SEARCH_SCRIPT, encoding="utf-8") as handle:
        files["assets/hledani.js"] = handle.read()
    if "missing-stylesheet" not in breaks:
        files["assets/style.css"] = STYLE
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    with open(os.path.join(root, "assets", "pixel.png"), "wb") as handle:
        handle.write(PIXEL)


# (mode, what is broken, a complaint the crawler must print; None: it must pass)
CASES = [
    ("subpath", (), None),
    ("subpath", ("root-relative-link",), r"FAIL links /portal/: a\[href\] http://127\.0\.0\.1:\d+/projekty/alfa/: outside /portal/"),
    ("subpath", ("missing-stylesheet",), r"FAIL stylesheet /portal/o-portalu/: the theme's rules are not applied"),
    ("subpath", ("missing-image",), r"FAIL links /portal/: source\[srcset\] \S+/portal/assets/chybi\.png: 404"),
    ("subpath", ("missing-index",), r"FAIL search /portal/: no results for 'Bezpečnost'"),
    ("subpath", ("root-stylesheet",), r"FAIL requests /portal/nenalezeno/hluboko/: Stylesheet request outside /portal/"),
    ("subpath", ("feed-outside",), r"FAIL data-files /portal/aktuality/feed\.xml: \S+ http://127\.0\.0\.1/aktuality/feed\.xml: outside"),
    ("file", (), None),
    ("file", ("folder-link",), r"FAIL links /index\.html: a\[href\] file://\S+/projekty/alfa/: a folder"),
    ("file", ("missing-stylesheet",), r"FAIL stylesheet /index\.html: the theme's rules are not applied"),
    ("file", ("root-relative-link",), r"FAIL links /index\.html: a\[href\] file:///projekty/alfa/: outside the site folder"),
    ("file", ("broken-search",), r"FAIL search /index\.html: the search section is shown but does not work"),
    ("file", ("absolute-link",), r"FAIL links /index\.html: a\[href\] http://127\.0\.0\.1/portal/o-portalu/: an internal address written as an absolute one"),
    ("file", ("network-image",), r"FAIL requests /index\.html: Image request over the network: http://127\.0\.0\.1:9/"),
]


def main():
    passed = failed = 0
    for mode, breaks, complaint in CASES:
        name = f"{mode} {'+'.join(breaks) or 'correct site'}"
        with tempfile.TemporaryDirectory(prefix="publicita-crawl-selftest-") as root:
            site = os.path.join(root, "site")
            make_site(site, mode, breaks)
            run = subprocess.run([sys.executable, CRAWLER, f"--{mode}", site], capture_output=True, text=True,
                                 timeout=300)
        output = run.stdout + run.stderr
        last = output.strip().splitlines()[-1] if output.strip() else ""
        if complaint is None:
            problem = None if run.returncode == 0 and re.fullmatch(r"\d+ passed, 0 failed", last) else "must pass"
        elif run.returncode != 1 or not re.search(r"^\d+ passed, [1-9]\d* failed$", last):
            problem = "must fail"
        elif not re.search(complaint, output, re.MULTILINE):
            problem = f"must complain /{complaint}/"
        else:
            problem = None
        if problem:
            failed += 1
            print(f"FAIL {name}: {problem}; the crawler said:")
            print("     " + output.strip().replace("\n", "\n     "))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
