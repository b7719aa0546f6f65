"""Modules and functions stay small enough to read in one sitting.

No Python module of the portal (its apps, its tests, the browser gates and the
benchmark) passes 400 lines, and no function or method passes 60, counted from
its ``def`` line (decorators excluded) to its last line. Migrations are
generated and exempt. A module that grows past the limit becomes a package
split by responsibility; a long function becomes named steps.

Run it for part of the tree with ``LAYOUT_PATHS="portal tests/portal"``.
"""

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TREES = ("portal", "visits", "kim", "ppid", "ogp", "tests", "e2e", "bench")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules():
    """Every .py file under the checked trees (or under LAYOUT_PATHS), outside migrations."""
    roots = os.environ.get("LAYOUT_PATHS", "").split() or TREES
    for root in roots:
        path = ROOT / root
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            if "migrations" in file.relative_to(ROOT).parts or file.suffix != ".py":
                continue
            yield file


def _long_functions(tree):
    """(qualified name, first line, length) of every function longer than the limit."""
    found = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                length = child.end_lineno - child.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append((name, child.lineno, length))
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def _offenders():
    offenders = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES:
            offenders.append(f"{name}: {lines} lines (limit {MAX_MODULE_LINES})")
        for function, line, length in _long_functions(ast.parse(source, filename=name)):
            offenders.append(f"{name}:{line} {function}(): {length} lines (limit {MAX_FUNCTION_LINES})")
    return offenders


def test_modules_and_functions_stay_within_the_size_limits():
    offenders = _offenders()
    assert not offenders, "Split these by responsibility:\n" + "\n".join(offenders)


def test_the_checker_finds_a_long_method_inside_a_class():
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    tree = ast.parse(f"class Page:\n    def render(self):\n    {body.replace(chr(10), chr(10) + '    ')}\n")
    assert _long_functions(tree) == [("Page.render", 2, MAX_FUNCTION_LINES + 1)]


@pytest.mark.parametrize("lines", [MAX_FUNCTION_LINES - 1])
def test_the_checker_lets_a_function_at_the_limit_pass(lines):
    body = "\n".join(f"    x{n} = {n}" for n in range(lines))
    assert _long_functions(ast.parse(f"def fits():\n{body}\n")) == []
