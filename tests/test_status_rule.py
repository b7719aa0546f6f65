"""Only the workflow kit assigns a status.

`portal.workflow.Workflow.transition` is the one place where a row's status
changes; services, admin actions, views and demo loaders all go through it.
This test reads every module of the portal's apps and fails on code that
assigns a ``status`` attribute, passes ``status=`` when it creates or updates
rows, or puts ``status`` into ``defaults``. A field called ``status`` that is
not a status machine opts out with the comment ``# workflow: not a status
machine`` on the same line.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("portal", "visits", "kim", "ppid", "ogp")
KIT = ROOT / "portal" / "workflow.py"
OPT_OUT = "# workflow: not a status machine"
WRITERS = {
    "create",
    "get_or_create",
    "update_or_create",
    "update",
    "bulk_create",
    "bulk_update",
    "build",
}
# Constructors whose ``status=`` is an HTTP status or an outcome, not a row's.
NOT_ROWS = ("Response", "Error", "Exception", "Result", "Outcome")
READERS = {"filter", "exclude", "get", "annotate", "Q", "When", "Case"}


def _modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts or path == KIT:
                continue
            yield path


def _name(func):
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_status_target(target):
    return isinstance(target, ast.Attribute) and target.attr == "status"


def _offences(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                elements = target.elts if isinstance(target, ast.Tuple) else [target]
                if any(_is_status_target(element) for element in elements):
                    yield node.lineno, "assigns .status"
        elif isinstance(node, ast.Call):
            yield from _call_offences(node)


def _call_offences(node):
    name = _name(node.func)
    if name == "setattr" and len(node.args) >= 2:
        field = node.args[1]
        if isinstance(field, ast.Constant) and field.value == "status":
            yield node.lineno, "setattr(..., 'status', ...)"
        return
    if name.endswith(NOT_ROWS) or name in READERS:
        return
    for keyword in node.keywords:
        if keyword.arg == "status" and (name in WRITERS or name[:1].isupper()):
            yield node.lineno, f"{name}(status=...)"
        if keyword.arg == "defaults" and isinstance(keyword.value, ast.Dict):
            keys = [key.value for key in keyword.value.keys if isinstance(key, ast.Constant)]
            if "status" in keys:
                yield node.lineno, f"{name}(defaults={{'status': ...}})"


def _violations():
    found = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for lineno, what in _offences(ast.parse(source, filename=str(path))):
            if OPT_OUT in lines[lineno - 1]:
                continue
            found.append(f"{path.relative_to(ROOT)}:{lineno}: {what}")
    return found


def test_only_the_workflow_kit_assigns_a_status():
    violations = _violations()
    assert not violations, "status set outside portal/workflow.py:\n" + "\n".join(violations)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("row.status = 'done'", "assigns .status"),
        ("a.status, b = 1, 2", "assigns .status"),
        ("setattr(row, 'status', x)", "setattr(..., 'status', ...)"),
        ("Request.objects.create(status='new')", "create(status=...)"),
        ("Request(status='new')", "Request(status=...)"),
        ("qs.update(status='x')", "update(status=...)"),
        ("M.objects.update_or_create(pk=1, defaults={'status': 'x'})", "update_or_create(defaults="),
    ],
)
def test_the_rule_sees_each_way_of_setting_a_status(source, expected):
    found = [what for _, what in _offences(ast.parse(source))]
    assert found and found[0].startswith(expected)


@pytest.mark.parametrize(
    "source",
    [
        "JsonResponse({}, status=404)",
        "HttpResponse(status=410)",
        "qs.filter(status='x')",
        "Q(status='x')",
        "value = row.status",
    ],
)
def test_the_rule_leaves_readers_and_http_statuses_alone(source):
    assert list(_offences(ast.parse(source))) == []
