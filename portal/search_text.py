"""How the site-wide search reads text: folding, words, compact names, corrections.

Everything indexed and every query is folded the same way (lower case, accents
removed: "Bálihó" reads as "baliho"), so accents never decide a match on any
database. Place and group names are also indexed in their compact form
("Sendang Potro" also as "sendangpotro") so words written together or apart
find the same thing. A misspelt word is corrected against the words of the
indexed names ("banyuwangy" → "banyuwangi"): pg_trgm similarity on
PostgreSQL, difflib on SQLite.
"""

import difflib
import re
import unicodedata

from django.db import connection

MAX_TERMS = 8
MIN_SIMILARITY = 0.4  # pg_trgm similarity of a correction to the typed word
DIFFLIB_CUTOFF = 0.75


def fold(text):
    """Lower case without accents or other combining marks."""
    text = str(text or "")
    if text.isascii():  # nothing to decompose: the common case, and far quicker
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text):
    """The folded words of a text: letters and digits only (safe as tsquery lexemes)."""
    return re.findall(r"[^\W_]+", fold(text))


def terms(query):
    """The searchable words of a query: single letters dropped, at most MAX_TERMS."""
    return [word for word in words(query) if len(word) > 1 or word.isdigit()][:MAX_TERMS]


def compact_pairs(text):
    """Each two neighbouring words written together: "KIM Sendang Potro" → "kimsendang sendangpotro"."""
    found = words(text)
    return " ".join(
        a + b for a, b in zip(found, found[1:], strict=False) if not (a.isdigit() and b.isdigit())
    )


def names_text(title, summary, keywords=""):
    """The indexed form of an entry's names: title first, so a title match can rank first."""
    return " ".join(
        part
        for part in (" ".join(words(title)), " ".join(words(summary)), compact_pairs(title), fold(keywords))
        if part
    )


def correction(word):
    """The indexed name word closest to a misspelt word, or None."""
    from .models import SearchEntry

    if len(word) < 4 or word.isdigit():
        return None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM ts_stat('SELECT to_tsvector(''simple'', names) FROM portal_searchentry') "
                "WHERE similarity(word, %s) >= %s ORDER BY similarity(word, %s) DESC, ndoc DESC LIMIT 1",
                [word, MIN_SIMILARITY, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    vocabulary = set()
    for names in SearchEntry.objects.values_list("names", flat=True).iterator(chunk_size=2000):
        vocabulary.update(names.split())
    close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=DIFFLIB_CUTOFF)
    return close[0] if close else None


def suggestion(query):
    """The query with each unknown word corrected, or "" when nothing could be corrected."""
    from .models import SearchEntry

    found, changed = [], False
    for word in terms(query):
        known = SearchEntry.objects.filter(names__contains=word).exists()
        better = None if known else correction(word)
        found.append(better or word)
        changed = changed or bool(better)
    return " ".join(found) if changed else ""
