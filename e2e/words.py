"""Words in the wrong language on a rendered page, found from the catalogues.

Every catalogue entry has an Indonesian and an English text (its translation,
or the message itself where a language keeps it). Where the two differ, the
other language's text has no business on a page: an Indonesian page showing
"Search the portal" or an English one showing "Ajukan keberatan" has an
untranslated string. A short text counts only when an element's own text is
exactly it (so "Status" inside a sentence is no finding); a longer one counts
wherever its fixed part appears, placeholders aside. Text a page marks with
its own `lang` (the language switch) is the other language on purpose.

Two more slips are caught on every page: doubled brackets, as in
"Versi 1 (APBDes (murni))", and a raw status value or record label such as
"70: → filed".
"""

import glob
import re
from functools import cache
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]+>|\{[^}]*\}")
# A fragment this many words long is specific enough to look for inside longer text.
FRAGMENT_WORDS = 3
# A bracket inside brackets; a numbered clause such as "ayat (1)" is how laws are cited.
DOUBLED_BRACKETS = re.compile(r"\([^()]*\(|\)[^()]*\)")
CLAUSE = re.compile(r"\(\w{1,3}\)")
# "70: → filed" or "→ in_process"; on a public page also a cell holding nothing but a raw
# value such as "partly_granted" (an admin page shows user names like "ppid_utama").
INTERNAL_LABEL = re.compile(r"\d+:\s*\S*\s*→|→\s*[a-z]+_[a-z_]+\b")
RAW_VALUE = re.compile(r"^[a-z]+_[a-z_]+$")

# The visible text of a page in its own language: each element's own text,
# the labels a screen reader reads, apart from the text a page marks as another language.
# Where a page speaks in its own words rather than showing what officers wrote:
# an English page may show a visit's Indonesian title, never an Indonesian label.
INTERFACE = (
    "header, nav, footer, label, legend, button, summary, caption, th[scope=col], dt, h2, "
    ".button, .pagination, .breadcrumbs"
)

# The visible text of a page in its own language: each element's own text and
# the labels a screen reader reads, apart from what the page marks as another
# language (the language switch), each with whether it is interface text.
TEXTS = """(interface) => {
    const found = [];
    // Field names and commands (<code>) are the same in every language.
    const skip = "script, style, template, code, kbd, samp, pre";
    const shown = el => el.getClientRects().length || el.closest("details, noscript");
    for (const el of document.querySelectorAll("body *")) {
        if (el.closest(skip)) continue;
        const marked = el.closest("[lang]");
        if (marked && marked.lang !== document.documentElement.lang) continue;
        const ui = !!el.closest(interface);
        const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(" ");
        const clean = text.replace(/\\s+/g, " ").trim();
        if (clean && /\\p{L}/u.test(clean) && shown(el)) found.push([clean, ui]);
        for (const name of ["aria-label", "placeholder", "title", "alt"]) {
            const value = el.getAttribute(name);
            if (value && /\\p{L}/u.test(value)) found.push([value.trim(), true]);
        }
        if (el.matches("input[type=submit], input[type=button]") && el.value) found.push([el.value.trim(), true]);
    }
    return {texts: found, title: document.title};
}"""


def _normal(text):
    return re.sub(r"\s+", " ", text).strip()


def _catalogue_pairs():
    """(Indonesian, English) for every singular message of every catalogue."""
    texts = {}
    for language in ("id", "en"):
        paths = glob.glob(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
        paths += glob.glob(str(ROOT / "*" / "locale" / language / "LC_MESSAGES" / "django.po"))
        for path in paths:
            for entry in polib.pofile(path):
                if entry.obsolete or entry.msgid_plural or "fuzzy" in entry.flags:
                    continue
                key = (entry.msgctxt, entry.msgid)
                texts.setdefault(key, {})[language] = _normal(entry.msgstr or entry.msgid)
    for (_context, msgid), by_language in texts.items():
        yield by_language.get("id", _normal(msgid)), by_language.get("en", _normal(msgid))


@cache
def vocabulary(language):
    """(whole texts, fragments) of the other language that never belong on a `language` page."""
    pairs = list(_catalogue_pairs())
    native = {pair[0 if language == "id" else 1] for pair in pairs}
    native_words = " ".join(native).casefold()
    whole, fragments = set(), set()
    for indonesian, english in pairs:
        foreign = english if language == "id" else indonesian
        # A term one language keeps in the other ("PPID Desa" in English) is no slip.
        if (
            indonesian.casefold() == english.casefold()
            or foreign in native
            or foreign.casefold() in native_words
        ):
            continue
        parts = [_normal(part) for part in PLACEHOLDER.split(foreign)]
        if len(parts) == 1:
            whole.add(foreign.rstrip(":"))
        for part in parts:
            part = part.strip(" .,:;()")
            if len(part.split()) >= FRAGMENT_WORDS and part.casefold() not in native_words:
                fragments.add(part)
    return frozenset(whole), frozenset(fragments)


def wrong_language(texts, language):
    """The texts among `texts` (a page's own, in `language`) that are in the other language."""
    whole, fragments = vocabulary(language)
    found = []
    joined = " | ".join(texts)
    found += [text for text in texts if text.rstrip(":") in whole]
    found += [fragment for fragment in fragments if fragment in joined]
    return sorted(set(found))


def slips(texts, *, raw_values=True):
    """Doubled brackets and internal labels among a page's texts (and raw values, unless told)."""

    def slipped(text):
        if DOUBLED_BRACKETS.search(CLAUSE.sub("", text)) or INTERNAL_LABEL.search(text):
            return True
        return raw_values and bool(RAW_VALUE.search(text))

    return sorted({text for text in texts if slipped(text)})


def page_problems(page, language):
    """Everything wrong with the words of the page open in `page`, as short messages."""
    found = page.evaluate(TEXTS, INTERFACE)
    texts = [text for text, _interface in found["texts"]] + [found["title"]]
    # Indonesian pages show Indonesian content; English ones show it too, so only their interface counts.
    checked = texts if language == "id" else [text for text, interface in found["texts"] if interface]
    problems = []
    if leaked := wrong_language(checked, language):
        problems.append(f"not in {language}: {leaked[:8]}")
    if odd := slips(texts):
        problems.append(f"doubled brackets or internal labels: {odd[:5]}")
    return problems
