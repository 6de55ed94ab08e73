#!/usr/bin/env python3
"""Validate every JSON document under Samples/ (and any extra files given) against its schema
in Schemas/, with the independent `jsonschema` validator (draft 2020-12, formats checked).

usage: validate_samples.py [SCHEMA_NAME=FILE ...]
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

root = pathlib.Path(__file__).resolve().parent.parent
schemas = {p.name: json.loads(p.read_text()) for p in (root / "Schemas").glob("*.schema.json")}
for schema in schemas.values():
    Draft202012Validator.check_schema(schema)
# A schema may refer to another by its $id (the signed register to the public register).
registry = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())

def validate(path: pathlib.Path, schema_name: str) -> int:
    if schema_name not in schemas:
        print(f"error: {path}: no schema {schema_name} in Schemas/")
        return 1
    document = json.loads(path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(
        schemas[schema_name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        pointer = "".join(f"/{p}" for p in error.absolute_path)
        print(f"error: {path}#{pointer}: {error.message}")
    return len(errors)

failures = 0
checked = 0
for path in sorted((root / "Samples").rglob("*.json")):
    kind = json.loads(path.read_text(encoding="utf-8")).get("kind")
    failures += validate(path, f"{kind}.schema.json")
    checked += 1
# Signed statements (JSON-LD, which `import Samples/` leaves alone).
for path in sorted((root / "Samples").rglob("*.jsonld")):
    failures += validate(path, "verification-statement.schema.json")
    checked += 1
for argument in sys.argv[1:]:
    name, _, file = argument.partition("=")
    failures += validate(pathlib.Path(file), name)
    checked += 1
print(f"schema validation: {checked} documents checked, {failures} problems")
sys.exit(1 if failures else 0)
