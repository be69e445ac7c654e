#!/usr/bin/env python3
"""publicita vs Hugo, side by side, on the same generated corpus and filesystem.

    scripts/bench [--full] [--runs N] [--sizes 1000,10000] [--workdir DIR] [--no-write]
                  [--binary PATH] [--serve-edits N]
    scripts/bench --scale [--scale-sizes 50000,200000,1000000] [--scale-hugo 200000] [--workdir DIR]
                  [--corpus-dir DIR]

Generates the corpus with scripts/gen-corpus (with --hugo, so Hugo
renders the same records), then for every size runs, alternately (A B A B ...):
  - publicita clean build (output and build cache removed first)
  - Hugo clean build (output removed first)
and afterwards publicita's no-change rebuild and one-record-edit rebuild, and
`publicita serve`'s rebuild after one record is edited, measured in one process
(`publicita bench-edit`: a build session, the code serve runs, told which file
changed; the median of --serve-edits edits of bodies, amounts and titles).
Last, one clean build of the 10 000-project corpus is profiled with `perf`
(installed if missing) and the share of each part of the pipeline is written
to the document too, with the floor measured in the same run (`publicita
bench-floor`: reading the inputs, cmark alone on the bodies, writing the bytes).
Prints medians (wall, CPU, peak RSS, pages/s) and ratios to Hugo, and writes
docs/benchmarks.md with the date and the machine. Not a unit test: it measures.

With --scale, builds each of the large corpora once (clean) and reports the time
and peak memory of publicita (and of Hugo for the --scale-hugo sizes) in the
"Scale" section of docs/benchmarks.md, which the other mode keeps. Its output
goes to --workdir (on disk: a million projects' site does not fit in memory);
--corpus-dir keeps the corpora elsewhere (on tmpfs, where they fit, so that
writing the site does not push the records out of the disk cache mid-build).
"""
import argparse, datetime, os, platform, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "scripts", "gen-corpus")


def run(cmd, env=None):
    """Runs cmd; returns (wall seconds, cpu seconds, peak RSS MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{stderr[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def serve_edit_ms(publicita, corpus, output, edits):
    """Median milliseconds of serve's rebuild after one edit (publicita bench-edit)."""
    shutil.rmtree(output, ignore_errors=True)
    cache = os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".cache")
    shutil.rmtree(cache, ignore_errors=True)
    proc = subprocess.run([publicita, "bench-edit", corpus, "--output", output, "--edits", str(edits)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed: publicita bench-edit {corpus}\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        if line.startswith("median_ms="):
            return float(line.split("=", 1)[1])
    sys.exit(f"publicita bench-edit printed no median:\n{proc.stdout[-2000:]}")


# Where a clean build spends its time: each category is the share of perf samples
# whose call stack passes through a function whose symbol contains the marker.
PROFILE_CATEGORIES = [
    ("templates (Mustache engine)", ["11MustacheSetV6render"]),
    ("loading records (read, split, YAML, fields)", ["ContentLoader"]),
    ("… of which YAML (libyaml events)", ["YAMLLoader"]),
    ("project view models (formatting, link notes)", ["ProjectViewV4make"]),
    ("Markdown to HTML (cmark)", ["MarkdownDocument"]),
    ("open data and discovery files (JSON, CSV, JSON-LD)", ["OpenData", "Discovery"]),
    ("validation", ["ValidatorO8validate"]),
    ("site model", ["PublicitaKit4SiteV6portal"]),
    ("kernel (file system calls)", ["entry_SYSCALL"]),
]


def profile(publicita, corpus, output):
    """Shares of perf samples per category for one clean build, or None without perf."""
    if shutil.which("perf") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "linux-perf"], capture_output=True)
    if shutil.which("perf") is None:
        print("perf is not available: no profile in docs/benchmarks.md", flush=True)
        return None
    data = output + ".perf.data"
    for path in (output, os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".cache")):
        shutil.rmtree(path, ignore_errors=True)
    recorded = subprocess.run(["perf", "record", "-F", "999", "-g", "-o", data, publicita, "build", corpus, "--output", output],
                              capture_output=True)
    if recorded.returncode != 0:
        print("perf record failed: no profile in docs/benchmarks.md", flush=True)
        return None
    script = subprocess.Popen(["perf", "script", "-i", data], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    counts, total, stack = [0] * len(PROFILE_CATEGORIES), 0, []

    def flush():
        nonlocal total
        if not stack:
            return
        total += 1
        for index, (_, markers) in enumerate(PROFILE_CATEGORIES):
            if any(marker in frame for frame in stack for marker in markers):
                counts[index] += 1

    for line in script.stdout:
        if not line.strip():
            flush()
            stack.clear()
        elif line[0] in " \t":
            stack.append(line.strip())
    flush()
    script.wait()
    os.remove(data)
    if total == 0:
        return None
    return [(name, 100 * count / total) for (name, _), count in zip(PROFILE_CATEGORIES, counts)]


def ensure_tools(binary=None):
    if shutil.which("hugo") is None:
        print("installing hugo (apt)…", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True)
    subprocess.run([os.path.join(ROOT, "scripts", "require-cmark")], check=True)
    if binary:
        return os.path.abspath(binary)
    print("building publicita (release)…", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "publicita"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "publicita")


def median_row(samples):
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def paths(workdir, n, corpus_dir=None):
    """The corpus of `n` projects (generated if missing) and the two tools' output folders."""
    corpus = os.path.join(corpus_dir or workdir, f"corpus-{n}")
    if not os.path.isdir(corpus):
        print(f"generating {n} projects…", flush=True)
        subprocess.run([sys.executable, GEN, str(n), corpus, "--hugo"], check=True, stdout=subprocess.DEVNULL)
    return corpus, os.path.join(workdir, f"site-{n}"), os.path.join(workdir, f"hugo-{n}")


SCALE_BEGIN, SCALE_END = "<!-- scale:begin -->", "<!-- scale:end -->"


def kept_scale_section():
    """The Scale section of docs/benchmarks.md as it is, or ''."""
    try:
        text = open(os.path.join(ROOT, "docs", "benchmarks.md"), encoding="utf-8").read()
    except OSError:
        return ""
    if SCALE_BEGIN not in text or SCALE_END not in text:
        return ""
    return text[text.index(SCALE_BEGIN):text.index(SCALE_END) + len(SCALE_END)]


def scale(args, publicita):
    """One clean build of each large corpus: time and peak memory."""
    sizes = [int(s) for s in args.scale_sizes.split(",")]
    hugo_sizes = {int(s) for s in args.scale_hugo.split(",") if s}
    rows = []
    for n in sizes:
        corpus, out_p, out_h = paths(args.workdir, n, args.corpus_dir)
        for path in (out_p, os.path.join(args.workdir, f".site-{n}.cache")):
            shutil.rmtree(path, ignore_errors=True)
        w, c, m = run([publicita, "build", corpus, "--output", out_p])
        row = f"| {n:,} | {w:.1f} s | {c:.1f} s | {m:.0f} MiB |".replace(",", " ")
        print(f"  {n}: publicita {w:.1f} s, {m:.0f} MiB", flush=True)
        shutil.rmtree(out_p, ignore_errors=True)
        if n in hugo_sizes:
            shutil.rmtree(out_h, ignore_errors=True)
            hw, hc, hm = run(["hugo", "-s", corpus, "-d", out_h, "--quiet"])
            shutil.rmtree(out_h, ignore_errors=True)
            row += f" {hw:.1f} s | {hm:.0f} MiB |"
            print(f"  {n}: hugo {hw:.1f} s, {hm:.0f} MiB", flush=True)
        else:
            row += " – | – |"
        rows.append(row)
    fs = subprocess.run(["df", "-T", args.workdir], capture_output=True, text=True).stdout.splitlines()[-1].split()[1]
    corpus_fs = args.corpus_dir and subprocess.run(["df", "-T", args.corpus_dir], capture_output=True, text=True).stdout.splitlines()[-1].split()[1]
    corpus_note = f", kept on {corpus_fs} in `{args.corpus_dir}`" if args.corpus_dir else ""
    section = f"""{SCALE_BEGIN}
## Scale

`scripts/bench --scale` on {datetime.date.today().isoformat()}: one clean build of each corpus
(`scripts/gen-corpus N DIR --hugo`{corpus_note}), output on {fs} (`{args.workdir}`); peak memory is the
process's maximum resident set.

| projects | publicita wall | publicita CPU | publicita peak | Hugo wall | Hugo peak |
|---|---|---|---|---|---|
""" + "\n".join(rows) + f"\n{SCALE_END}"
    print("\n" + section)
    if args.no_write:
        return
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n"
    kept = kept_scale_section()
    text = text.replace(kept, section) if kept else text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("\nwrote the Scale section of docs/benchmarks.md")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true", help="also the 50 000-project corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--workdir", default="/dev/shm/publicita-bench" if os.path.isdir("/dev/shm") else "/tmp/publicita-bench")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/benchmarks.md")
    parser.add_argument("--binary", help="use this publicita executable instead of building one")
    parser.add_argument("--serve-edits", type=int, default=9, help="edits timed through serve's build session")
    parser.add_argument("--scale", action="store_true", help="one clean build of each large corpus: time and peak memory")
    parser.add_argument("--scale-sizes", default="50000,200000,1000000")
    parser.add_argument("--scale-hugo", default="200000", help="sizes Hugo builds too in --scale")
    parser.add_argument("--corpus-dir", help="where --scale keeps its corpora (default: --workdir)")
    args = parser.parse_args()
    if args.scale:
        if args.workdir.startswith("/dev/shm"):
            args.workdir = "/var/tmp/publicita-scale"  # a million records' files do not fit in memory beside the build
        os.makedirs(args.workdir, exist_ok=True)
        if args.corpus_dir:
            os.makedirs(args.corpus_dir, exist_ok=True)
        scale(args, ensure_tools(args.binary))
        return
    sizes = [int(s) for s in args.sizes.split(",")] + ([50000] if args.full else [])
    publicita = ensure_tools(args.binary)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    os.makedirs(args.workdir, exist_ok=True)
    results = []
    for n in sizes:
        corpus, out_p, out_h = paths(args.workdir, n)
        cache = os.path.join(args.workdir, f".site-{n}.cache")
        clean_p, clean_h, nochange, edit = [], [], [], []
        pages = sum(1 for _ in os.scandir(os.path.join(corpus, "content", "projects")))
        for i in range(args.runs):
            for path in (out_p, cache):
                shutil.rmtree(path, ignore_errors=True)
            w, c, m = run([publicita, "build", corpus, "--output", out_p])
            clean_p.append({"wall": w, "cpu": c, "rss": m})
            shutil.rmtree(out_h, ignore_errors=True)
            w, c, m = run(["hugo", "-s", corpus, "-d", out_h, "--quiet"])
            clean_h.append({"wall": w, "cpu": c, "rss": m})
            print(f"  {n}: run {i + 1}: publicita {clean_p[-1]['wall']:.2f} s, hugo {clean_h[-1]['wall']:.2f} s", flush=True)
        html_pages = sum(len([f for f in fs if f.endswith(".html")]) for _, _, fs in os.walk(out_p))
        for i in range(args.runs):
            w, c, m = run([publicita, "build", corpus, "--output", out_p])
            nochange.append({"wall": w, "cpu": c, "rss": m})
        victim = sorted(os.listdir(os.path.join(corpus, "content", "projects")))[n // 2]
        path = os.path.join(corpus, "content", "projects", victim)
        original = open(path, encoding="utf-8").read()
        for i in range(args.runs):
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + f"\nÚprava č. {i + 1} pro měření.\n")
            w, c, m = run([publicita, "build", corpus, "--output", out_p])
            edit.append({"wall": w, "cpu": c, "rss": m})
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        run([publicita, "build", corpus, "--output", out_p])
        serve = serve_edit_ms(publicita, corpus, os.path.join(args.workdir, f"serve-{n}"), args.serve_edits)
        print(f"  {n}: one edit through serve's session: {serve:.0f} ms (median)", flush=True)
        results.append({"n": n, "pages": html_pages, "clean": median_row(clean_p), "hugo": median_row(clean_h),
                        "nochange": median_row(nochange), "edit": median_row(edit), "serve": serve})

    # The profile of one clean build of the 10 000-project corpus (or the largest measured below it).
    profiled = max([n for n in sizes if n <= 10000] or sizes[:1])
    shares = profile(publicita, os.path.join(args.workdir, f"corpus-{profiled}"), os.path.join(args.workdir, f"site-{profiled}"))
    floor = subprocess.run([publicita, "bench-floor", os.path.join(args.workdir, f"corpus-{profiled}"),
                            "--output", os.path.join(args.workdir, f"site-{profiled}"),
                            "--scratch", os.path.join(args.workdir, "floor-scratch")],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    floor_rows = "\n".join(f"| {line.split(' ', 2)[2]} | {float(line.split(' ', 2)[1]):.2f} s |" for line in floor if line.startswith("floor "))

    lines = []
    lines.append(f"| projects | pages | publicita clean | Hugo clean | Hugo ÷ publicita | publicita CPU | Hugo CPU | publicita RSS | Hugo RSS | publicita pages/s | no-change | no-change ÷ clean | one edit | one edit (serve) |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        p, h, nc, e = r["clean"], r["hugo"], r["nochange"], r["edit"]
        lines.append(
            f"| {r['n']:,} | {r['pages']:,} | {p['wall']:.2f} s | {h['wall']:.2f} s | {h['wall'] / p['wall']:.2f}× | "
            f"{p['cpu']:.1f} s | {h['cpu']:.1f} s | {p['rss']:.0f} MiB | {h['rss']:.0f} MiB | {r['pages'] / p['wall']:,.0f} | "
            f"{nc['wall'] * 1000:.0f} ms | {100 * nc['wall'] / p['wall']:.1f} % | {e['wall'] * 1000:.0f} ms | "
            f"{r['serve']:.0f} ms |".replace(",", " "))
    table = "\n".join(lines)
    print()
    print(table)
    if args.no_write:
        return
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    hot_spots = ""
    if shares:
        rows = "\n".join(f"| {name} | {share:.1f} % |" for name, share in shares)
        hot_spots = f"""
## Where a clean build spends its time

`perf record -g` of one clean build of the {f"{profiled:,}".replace(",", " ")}-project corpus (same binary), share of all
samples whose call stack passes through each part (parts overlap where one calls another; the
rest is spread over retain/release, allocation and string handling). What these parts do and
what was done about each: [performance.md](performance.md).

| part | share of samples |
|---|---|
{rows}
"""
    fs = subprocess.run(["df", "-T", args.workdir], capture_output=True, text=True).stdout.splitlines()[-1].split()[1]
    floor_section = f"""
## The floor

What a build of the {f"{profiled:,}".replace(",", " ")}-project corpus cannot go below here, measured in the same run by
`publicita bench-floor` with a build's parallelism: reading every input file, cmark alone
turning every body into HTML, and writing the bytes of the built site again.

| part | wall |
|---|---|
{floor_rows}
"""
    doc = f"""# Benchmarks

Measured by `scripts/bench` on {datetime.date.today().isoformat()}: {os.cpu_count()} cores ({cpu}),
{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.platform()}; output on {fs}
(`{args.workdir}`) for both tools; {args.runs} runs each, medians; publicita and Hugo clean builds alternated.
Hugo: {hugo_version}.

Corpus: `scripts/gen-corpus N DIR --hugo` (the same records for both tools; Hugo renders them
with equivalent templates). publicita validates every record (all rules) in every build.

- *clean*: output (and publicita's build cache) removed first.
- *no-change*: `publicita build` again with nothing changed (the cache's stat pass).
- *one edit*: one project's body changed, then `publicita build` (a new process: it parses every record
  again to validate, then renders only the pages whose key changed).
- *one edit (serve)*: `publicita serve`'s rebuild after one project record is edited (its body, its budget
  amounts or its title, in turn), timed in one process by `publicita bench-edit`: the build session serve
  uses, told which file changed; median of {args.serve_edits} edits.

{table}

See the README's "Performance" section for what these figures mean against the targets.
{hot_spots}{floor_section}
{kept_scale_section()}
"""
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w", encoding="utf-8") as f:
        f.write(doc)
    print("\nwrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
