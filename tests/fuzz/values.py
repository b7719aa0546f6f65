"""Hostile values and the Hypothesis settings shared by the fuzz tests."""

import io
import string

from django.utils import timezone
from hypothesis import HealthCheck, example, settings
from hypothesis import strategies as st
from PIL import Image

from tests.sample_files import pdf_bytes

TODAY = timezone.localdate()

# Quick and repeatable: the same examples on every run, no example database on disk.
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
FORM_FUZZ = settings(FUZZ, max_examples=25)

# --- Hostile values ------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t\x0b\x0c",
    "\x1b[31m",
    "\u202egnp.exe",
    "\ufeff",
    "\u200b",
    "🙂🏳️‍🌈👨‍👩‍👧",
    "' OR '1'='1' --",
    "1; DROP TABLE ppid_inforequest; --",
    '" onmouseover="alert(1)',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "%(name)s %s %d",
    "../../../../etc/passwd",
    "%00",
    "%ZZ",
    "=cmd|' /C calc'!A0",
    "0",
    "-1",
    "007",
    "1.5",
    "1e309",
    "NaN",
    "Infinity",
    "9" * 40,
    "-" + "9" * 40,
    "２０２６",
    "٣٥٢٢١٨٥٥٠٨٩٠٠٠٠١",
    "true",
    "null",
    "[]",
    "{}",
    "PPID/2026/000001",
    "ppid-2026-1",
    "PPID/9999/999999999",
    "KEB/2026/000001",
    "35.22.18.2007",
    "35.22",
    "99.99.99.9999",
    "semester1",
    "akhir",
    "x" * 6000,
    "Ꭿ" * 300,
]

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be sent at all
    max_size=80,
)
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    unicode_text,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=3).map("".join),
)
# A field sent once, repeated with several values, or as an empty list.
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))
# Field names that no form expects.
stray_names = st.one_of(
    st.sampled_from(["id", "pk", "status", "is_sample", "csrfmiddlewaretoken", "__proto__", "a[]", ""]),
    st.text(alphabet=string.ascii_letters + "_[]", min_size=1, max_size=12),
)
stray_fields = st.dictionaries(stray_names, hostile_value, max_size=3)


def _png(size=(300, 300), image_format="PNG"):

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, image_format)
    return buffer.getvalue()


# Files whose content is not what their name says (built fresh: an upload is read once).
WRONG_CONTENT = [
    ("ktp.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "application/pdf"),
    ("ktp.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
    ("ktp.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/png"),
    ("ktp.pdf", b"", "application/pdf"),
    ("ktp.pdf", b"PK\x03\x04not really a zip", "application/pdf"),
    ("ktp.jpg", b"GIF89a" + b"\x00" * 40, "image/jpeg"),
    ("ktp.jpg", _png((20, 20), "GIF"), "image/jpeg"),
]
# Genuine PDFs under hostile names: accepted, but the name must never reach storage.
ODD_NAMES = [
    ("../../ktp.pdf", pdf_bytes("kecil"), "application/pdf"),
    ("k\x00tp.pdf", pdf_bytes("kecil"), "application/pdf"),
    ("ktp" + "x" * 300 + ".pdf", pdf_bytes("kecil"), "application/pdf"),
    ("<script>.pdf", pdf_bytes("kecil"), "application/pdf"),
]
hostile_file = st.sampled_from(WRONG_CONTENT + ODD_NAMES)

KEEP, DROP = "keep", "drop"


def field_plan(names):
    """For each field: keep the valid value, send a hostile one, or leave the field out."""
    return st.fixed_dictionaries(
        {name: st.one_of(st.just(KEEP), st.just(DROP), hostile_value) for name in names}
    )


def build(valid, plan, stray):
    data = {}
    for name, choice in plan.items():
        if isinstance(choice, str) and choice == KEEP:
            if name in valid:
                data[name] = valid[name]
        elif isinstance(choice, str) and choice == DROP:
            continue
        else:
            data[name] = choice
    for name, value in stray.items():
        data.setdefault(name, value)
    return data


def filled(value):
    """Whether a field value is non-blank, as a stripped CharField sees it."""
    values = value if isinstance(value, list) else [value]
    return bool(values) and bool(str(values[-1]).strip())


# The values most likely to break something, each sent in every field on its own as well as
# at random, so no run can miss them: a NUL byte, a number beyond any database integer and a
# value far longer than any column.
SHARP = ["\x00", "9" * 40, "x" * 6000]


def sharp_plans(names):
    """Field plans that keep every valid value but put one sharp value in one field."""
    return [{other: value if other == name else KEEP for other in names} for name in names for value in SHARP]


# Hostile to a careless page, yet a perfectly valid statement or suggestion: these must be
# saved as typed and shown escaped.
VALID_BUT_HOSTILE = [
    "<script>alert(1)</script>",
    "' OR '1'='1' --",
    "{{ 7*7 }} %(name)s",
    "🙂 \u202egnp.exe \u200b",
    "=cmd|' /C calc'!A0",
]


def with_examples(check, examples):
    for kwargs in examples:
        check = example(**kwargs)(check)
    return check
