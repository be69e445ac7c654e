#!/usr/bin/env python3
"""Validates a generated open-data catalogue against the vendored DCAT-AP-CZ files.

Called by Tests/PublicitaKitTests/CatalogTests.swift:

    validate_catalog.py SITE_DIR BASE_URL

Reads SITE_DIR/data/katalog.jsonld and every dataset record it names (an address under
BASE_URL, read from the matching file of SITE_DIR), and checks each

- against the standard's JSON Schema (Tests/catalog/ofn/katalog.schema.json and
  datova-sada.schema.json, draft 2020-12, their $refs resolved to the vendored copies),
- against its JSON-LD context: every key is a term of the vendored context (or a
  JSON-LD keyword) and every `typ` a class the context names.

Prints a JSON list of {"name", "errors"}; exits 3 with a message on standard error when
the jsonschema package is missing (scripts/require-data-tools installs it).
"""
import json
import os
import sys

try:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT201909, DRAFT202012
except ImportError as error:  # pragma: no cover
    print(f"the Python package jsonschema is not installed ({error}); run scripts/require-data-tools", file=sys.stderr)
    sys.exit(3)

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ofn")


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as handle:
        return json.load(handle)


def registry():
    resources = []
    for name in ("katalog.schema.json", "datova-sada.schema.json", "text.schema.json", "vice-textu.schema.json"):
        schema = load(name)
        spec = DRAFT201909 if "2019-09" in schema.get("$schema", "") else DRAFT202012
        resources.append((schema["$id"], Resource.from_contents(schema, default_specification=spec)))
    return Registry().with_resources(resources)


def context_errors(record, terms):
    errors = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                here = f"{path}/{key}"
                if key == "@context":
                    continue
                if not key.startswith("@") and key not in terms and not is_language(path, key):
                    errors.append(f"{here}: not a term of the context")
                if key == "typ":
                    for kind in item if isinstance(item, list) else [item]:
                        if kind not in terms:
                            errors.append(f"{here}: the type {kind!r} is not a term of the context")
                walk(item, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}/{index}")

    def is_language(path, key):
        # Members of a language map (@container: @language): language tags.
        parent = path.rsplit("/", 1)[-1]
        definition = terms.get(parent)
        return isinstance(definition, dict) and definition.get("@container") == "@language"

    walk(record, "")
    return errors


def main():
    site, base = sys.argv[1], sys.argv[2]
    terms = load("rozhrani-katalogu-otevrenych-dat.jsonld")["@context"]
    reg = registry()
    catalog_validator = Draft202012Validator(load("katalog.schema.json"), registry=reg)
    dataset_validator = Draft202012Validator(load("datova-sada.schema.json"), registry=reg)

    def check(name, record, validator):
        errors = sorted(
            ("/".join(str(p) for p in error.absolute_path) or "(root)") + ": " + error.message
            for error in validator.iter_errors(record)
        )
        errors += context_errors(record, terms)
        return {"name": name, "errors": errors}

    def read(address):
        if not address.startswith(base):
            raise SystemExit(f"{address} is not under {base}")
        with open(os.path.join(site, address[len(base):]), encoding="utf-8") as handle:
            return json.load(handle)

    catalog = read(base + "data/katalog.jsonld")
    results = [check("data/katalog.jsonld", catalog, catalog_validator)]
    for address in catalog.get("datová_sada", []):
        results.append(check(address[len(base):], read(address), dataset_validator))
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
