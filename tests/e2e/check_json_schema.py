#!/usr/bin/env python3
"""Validate a JSON document (stdin) against docs/json-output.schema.json.

A small validator for the subset of JSON Schema the document uses (type,
enum, required, properties, additionalProperties, items, minimum, maximum, pattern),
since Debian's python3 has no jsonschema module by default. Prints every
violation with its path; exit 1 if there is any.
"""
import json
import re
import sys

TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
         "null": type(None), "array": list, "object": dict}


def check(value, schema, path, errors):
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(isinstance(value, TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                 for t in types)
        if not ok:
            errors.append(f"{path}: {value!r} is not {'/'.join(types)}")
            return
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "minimum" in schema:
        if value < schema["minimum"]:
            errors.append(f"{path}: {value} < {schema['minimum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "maximum" in schema:
        if value > schema["maximum"]:
            errors.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing '{key}'")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, v in value.items():
            if key in props:
                check(v, props[key], f"{path}.{key}", errors)
            elif extra is False:
                errors.append(f"{path}: unexpected field '{key}'")
            elif isinstance(extra, dict):
                check(v, extra, f"{path}.{key}", errors)
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            check(v, schema["items"], f"{path}[{i}]", errors)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    doc = json.load(sys.stdin)
    errors = []
    check(doc, schema, "$", errors)
    for e in errors:
        print(e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
