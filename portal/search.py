"""Site-wide search: one index of everything public, filled by providers.

Each kind of searchable thing (villages here; visits, KIM profiles and news,
DIP items, register entries and budget activities in the apps' ``search.py``)
is a `Provider` that says which rows are public and what to show for each.
The index (`SearchEntry`) holds only what the public pages themselves show,
so search can never reveal a draft or personal data.

Entries are refreshed after commit when a provider's model is saved or deleted
(signals; a failed refresh is logged and leaves the save alone) and rebuilt in
bulk by ``python manage.py rebuild_search_index`` (run by ``load_demo`` and
after bulk imports).

Text is folded (case and accents) before it is indexed or searched, names are
also indexed in their compact form and a misspelt query gets a correction
(see portal.search_text). On PostgreSQL the table has a generated
``tsvector`` column reading names with the ``simple`` configuration and text
with both ``simple`` and ``indonesian``, and a GIN index; a query becomes the
AND of its words as prefixes (or all its words written together), built only
from letters and digits so no input can break the query syntax, ranked with
``ts_rank``. On SQLite a match on every word stands in. On both, an entry
whose title holds the query ranks first, then the kinds in their order.

The portal's own task pages ("keberatan" → the objection form) are matched
separately from curated keywords (see portal.search_pages).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Case, F, FloatField, IntegerField, OrderBy, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation

from .search_pages import TaskPage, matching_pages, register_pages, task_pages
from .search_text import fold, names_text, suggestion, terms

__all__ = ["TaskPage", "matching_pages", "register_pages", "task_pages", "fold", "suggestion"]

MAX_QUERY_LENGTH = 200


@dataclass
class Provider:
    kind: str
    label: object  # lazy translated plural label
    order: int
    # All public objects of this kind (the app's visibility gate).
    queryset: Callable
    # One object → dict(title, body, url, date, summary, visible_from)
    entry: Callable
    # Models whose saves may change this kind's entries, mapped to a function
    # returning the affected objects of the provider's own queryset model.
    triggers: dict = field(default_factory=dict)


_providers: dict[str, Provider] = {}


def register(provider):
    _providers[provider.kind] = provider
    for model, affected in ({provider.queryset().model: None} | provider.triggers).items():
        _connect(model, provider.kind, affected)
    return provider


def providers():
    return sorted(_providers.values(), key=lambda p: p.order)


def provider(kind):
    return _providers.get(kind)


def _connect(model, kind, affected):
    uid = f"portal.search:{kind}:{model._meta.label}"

    def on_change(sender, instance, **kwargs):
        objects = [instance] if affected is None else list(affected(instance))
        # Robust: the write is already committed, so a failed refresh is logged, never
        # turned into an error page for what was saved (the index can be rebuilt).
        transaction.on_commit(lambda: refresh(kind, objects), robust=True)

    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=uid + ":delete")


def _build(kind, obj):
    from .models import SearchEntry

    # The index holds the default language's address (`/kim/…`, not `/en/kim/…`) whoever saves.
    with translation.override(settings.LANGUAGE_CODE):
        data = _providers[kind].entry(obj)
        data["url"] = str(data["url"])
    title, summary = str(data["title"])[:300], str(data.get("summary", ""))[:400]
    return SearchEntry(
        kind=kind,
        key=str(obj.pk),
        title=title,
        summary=summary,
        body=fold(data.get("body", ""))[:20000],
        names=names_text(title, summary, data.get("keywords", ""))[:4000],
        url=data["url"],
        date=data.get("date"),
        visible_from=data.get("visible_from"),
    )


def refresh(kind, objects):
    """Bring the entries of some objects up to date (insert, update or remove).

    An upsert on (kind, key), so two processes refreshing the same object at
    once both succeed.
    """
    from .models import SearchEntry

    prov = _providers[kind]
    keys = [str(obj.pk) for obj in objects if obj.pk is not None]
    public = {str(obj.pk): obj for obj in prov.queryset().filter(pk__in=[o.pk for o in objects if o.pk])}
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, key__in=keys).exclude(key__in=list(public)).delete()
        SearchEntry.objects.bulk_create(
            [_build(kind, obj) for obj in public.values()],
            update_conflicts=True,
            unique_fields=["kind", "key"],
            update_fields=["title", "summary", "body", "names", "url", "date", "visible_from"],
        )


def rebuild(kind=None, *, batch_size=2000):
    """Rebuild the whole index (or one kind) from the providers' public rows."""
    from .models import SearchEntry

    counts = {}
    for prov in providers():
        if kind and prov.kind != kind:
            continue
        with transaction.atomic():
            SearchEntry.objects.filter(kind=prov.kind).delete()
            batch, total = [], 0
            for obj in prov.queryset().iterator(chunk_size=batch_size):
                batch.append(_build(prov.kind, obj))
                if len(batch) >= batch_size:
                    SearchEntry.objects.bulk_create(batch)
                    total += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            counts[prov.kind] = total + len(batch)
    return counts


def clean_query(text):
    """Trim, drop control characters and cap the length of a visitor's query."""
    text = "".join(ch if ch.isprintable() else " " for ch in (text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _visible(queryset):
    now = timezone.now()
    return queryset.filter(models.Q(visible_from__isnull=True) | models.Q(visible_from__lte=now))


# The order of results: the title holds the query, then the kind's order
# (a place before the news that mentions it), the best text rank (PostgreSQL),
# the newest and the title.
ORDER = ("-boost", "kind_order", "-rank", "-date", "title")


def _ranked(entries, words):
    phrase, compact = " ".join(words), "".join(words)
    return entries.annotate(
        boost=Case(
            When(models.Q(title__icontains=phrase) | models.Q(title__icontains=compact), then=Value(2)),
            When(names__contains=phrase, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
        kind_order=Case(
            *(When(kind=prov.kind, then=Value(prov.order)) for prov in providers()),
            default=Value(999),
            output_field=IntegerField(),
        ),
    ).order_by(*ORDER)


# One word: as typed and as a prefix (no stemming), or its Indonesian stem.
EITHER = "(to_tsquery('simple', %s) || to_tsquery('indonesian', %s))"


def _postgres_matches(entries, words):
    clause = " && ".join(EITHER for _word in words)
    params = [p for word in words for p in (f"{word}:*", word)]
    if len(words) > 1:  # "sedah kidul" also as "sedahkidul"
        clause = f"(({clause}) || to_tsquery('simple', %s))"
        params.append("".join(words) + ":*")
    return entries.annotate(
        rank=RawSQL(f"ts_rank(search_document, {clause})", params, output_field=FloatField())
    ).extra(where=[f"search_document @@ {clause}"], params=params)


def matching(query):
    """Public entries matching a cleaned query, best first (not yet sliced), each with its `rank`."""
    from .models import SearchEntry

    entries = _visible(SearchEntry.objects.all())
    words = terms(query)
    if not words:
        zero = Value(0, output_field=IntegerField())
        return entries.annotate(
            rank=Value(0.0, output_field=FloatField()), boost=zero, kind_order=zero
        ).none()
    if connection.vendor == "postgresql":
        return _ranked(_postgres_matches(entries, words), words)
    every_word = models.Q()
    for word in words:
        every_word &= models.Q(names__contains=word) | models.Q(body__contains=word)
    if len(words) > 1:
        every_word |= models.Q(names__contains="".join(words))
    return _ranked(entries.filter(every_word).annotate(rank=Value(0.0, output_field=FloatField())), words)


def search(query):
    """What a visitor gets for a query: (task pages, matching entries, the query used, suggestion).

    When nothing matches and a correction exists ("banyuwangy"), the entries
    are those of the corrected query, which is returned as the suggestion.
    """
    pages, entries = matching_pages(query), matching(query)
    if pages or entries.exists():
        return pages, entries, query, ""
    corrected = suggestion(query)
    if not corrected:
        return [], entries, query, ""
    return matching_pages(corrected), matching(corrected), corrected, corrected


def top_urls(query, limit=3):
    """The addresses of the first results for a query, task pages first (the search evaluation)."""
    pages, entries, _used, _suggested = search(query)
    urls = [page.url for page in pages]
    urls += list(entries.values_list("url", flat=True)[: max(limit - len(urls), 0)])
    return urls[:limit]


def counts_by_kind(query):
    rows = matching(query).order_by().values("kind").annotate(n=models.Count("id"))
    return {row["kind"]: row["n"] for row in rows}


def best_by_kind(query, limit):
    """Each kind's number of matches and its best `limit` entries: {kind: (count, [entries])}.

    Two queries, whatever the number of kinds: the matches are ranked once,
    numbered and counted within their kind by window functions over narrow
    rows, and then only the chosen entries are read whole.
    """
    from .models import SearchEntry

    order = [OrderBy(F(name.lstrip("-")), descending=name.startswith("-")) for name in ORDER]
    picked = list(
        matching(query)
        .annotate(
            position=Window(RowNumber(), partition_by=F("kind"), order_by=order),
            matches=Window(models.Count("id"), partition_by=F("kind")),
        )
        .filter(position__lte=limit)
        .order_by("kind", "position")
        .values_list("pk", "kind", "matches")
    )
    entries = SearchEntry.objects.in_bulk([pk for pk, _kind, _matches in picked])
    grouped = {}
    for pk, kind, matches in picked:
        if pk in entries:  # not removed by an index refresh between the two queries
            grouped.setdefault(kind, (matches, []))[1].append(entries[pk])
    return grouped


# --- The core's own kind: villages --------------------------------------------


def _village_entry(village):
    return {
        "title": str(village.label),
        "summary": str(village.district.label),
        "body": f"{village.name} {village.district.name} {village.code} {village.get_kind_display()}",
        "url": village.get_absolute_url(),
    }


def _district_entry(district):
    return {
        "title": str(district.label),
        "summary": str(district.code),
        "body": f"{district.name} {district.code} kecamatan",
        "url": district.get_absolute_url(),
    }


def _register_core():
    from django.utils.translation import gettext_lazy as _

    from .models import District, Village

    register(
        Provider(
            kind="district",
            label=_("Kecamatan"),
            order=4,
            queryset=lambda: District.objects.all(),
            entry=_district_entry,
        )
    )
    register(
        Provider(
            kind="village",
            label=_("Villages"),
            order=5,
            queryset=lambda: Village.objects.select_related("district"),
            entry=_village_entry,
        )
    )
    register_pages(
        TaskPage(
            "portal:regions",
            _("Kecamatan and villages"),
            ("wilayah", "kecamatan", "daftar desa", "desa dan kelurahan", "villages", "districts", "regions"),
        ),
        TaskPage(
            "portal:data",
            _("Open data"),
            ("data terbuka", "unduh data", "open data", "download data", "dataset", "api", "csv"),
        ),
        TaskPage("portal:feeds", _("News feeds"), ("rss", "feed", "umpan berita", "news feeds")),
        TaskPage(
            "portal:office_pages",
            _("About the office"),
            ("tentang", "diskominfo", "kontak", "alamat kantor", "about", "contact"),
        ),
    )


_register_core()
