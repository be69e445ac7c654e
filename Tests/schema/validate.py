#!/usr/bin/env python3
"""Validates YAML records (already turned into JSON) against publicita's JSON Schema files.

Called by Tests/PublicitaKitTests/SchemaValidationTests.swift:

    validate.py CASES.json

CASES.json is a list of {"name": ..., "schema": <path of a .schema.json>, "instance": <JSON>}.
Prints a JSON list of {"name", "valid", "valid_2020_12", "errors"}: every instance is
validated under draft-07 (what the files declare and the YAML language server
implements) and under draft 2020-12 (what newer editors and validators apply), so the
test can check both read the schema alike. Exits 2 when a file declares another
draft, 3 with a message on standard error when the jsonschema package (installed with
check-jsonschema by scripts/require-python-tools) is missing.
"""
import json
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator, Draft7Validator
except ImportError as error:  # pragma: no cover
    print(f"the Python package jsonschema is not installed ({error}); run scripts/require-python-tools", file=sys.stderr)
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
            if jsonschema.validators.validator_for(schema, default=None) is not Draft7Validator:
                print(f"{path} declares {schema.get('$schema')!r}, not draft-07", file=sys.stderr)
                sys.exit(2)
            Draft7Validator.check_schema(schema)
            Draft202012Validator.check_schema(schema)
            validators[path] = (Draft7Validator(schema), Draft202012Validator(schema))
        v7, v2020 = validators[path]
        errors = sorted(
            ("/".join(str(p) for p in error.absolute_path) or "(root)") + ": " + error.message
            for error in v7.iter_errors(case["instance"])
        )
        results.append({
            "name": case["name"],
            "valid": not errors,
            "valid_2020_12": v2020.is_valid(case["instance"]),
            "errors": errors,
        })
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
