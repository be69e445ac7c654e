#!/usr/bin/env python3
"""Validates YAML records (already turned into JSON) against publicita's JSON Schema files.

Called by Tests/PublicitaKitTests/SchemaValidationTests.swift:

    validate.py CASES.json

CASES.json is a list of {"name": ..., "schema": <path of a .schema.json>, "instance": <JSON>}.
Prints a JSON list of {"name", "valid", "valid_draft7", "errors"}: every instance is
validated under draft 2020-12 (what the files declare) and under draft-07 (what the
YAML language server implements), so the test can check both read the schema alike.
Exits 3 with a message on standard error when the jsonschema package is missing.
"""
import json
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator, Draft7Validator
except ImportError as error:  # pragma: no cover
    print(f"SKIP: the Python package jsonschema is not installed ({error})", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    validators = {}
    results = []
    for case in cases:
        path = case["schema"]
        if path not in validators:
            with open(path, encoding="utf-8") as handle:
                schema = json.load(handle)
            Draft202012Validator.check_schema(schema)
            Draft7Validator.check_schema(schema)
            validators[path] = (Draft202012Validator(schema), Draft7Validator(schema))
        v2020, v7 = validators[path]
        errors = sorted(
            ("/".join(str(p) for p in error.absolute_path) or "(root)") + ": " + error.message
            for error in v2020.iter_errors(case["instance"])
        )
        results.append({
            "name": case["name"],
            "valid": not errors,
            "valid_draft7": v7.is_valid(case["instance"]),
            "errors": errors,
        })
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
