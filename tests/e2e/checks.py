"""Checks that go on after a failure, for the API tests: check() records
and prints what failed; finish() exits 1 if anything did."""
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def finish():
    if failures:
        sys.exit(f"{len(failures)} checks failed")
    print("ok")
