"""Fixtures of the KIM tests: KIMs in the two test villages, their managers,
posts in any workflow state (built through the services), and a small form
reader that submits admin forms the way a browser would."""

import io
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

from kim import services
from kim.models import Kim, KimLevel, MediaChannel, Post
from portal.models import Village
from portal.roles import Role
from tests.conftest import SEDAHKIDUL, SUMBERREJO
from tests.shared_data import media_under, shared_for_module

# The moves that bring a new draft into each state (reviewer moves marked).
PATHS = {
    Post.Status.DRAFT: [],
    Post.Status.SUBMITTED: [("author", Post.Status.SUBMITTED)],
    Post.Status.PUBLISHED: [("author", Post.Status.SUBMITTED), ("reviewer", Post.Status.PUBLISHED)],
    Post.Status.RETURNED: [("author", Post.Status.SUBMITTED), ("reviewer", Post.Status.RETURNED)],
}


@pytest.fixture(scope="module")
def kim_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo --only kim` run once for the module's tests; each test's writes are undone."""
    root = tmp_path_factory.mktemp("kim-demo")
    with shared_for_module(django_db_blocker, root, DEBUG=True):
        # DEBUG: load_demo refuses to run in production.
        call_command("load_demo", "--only", "kim", stdout=io.StringIO())
        yield root


@pytest.fixture
def kim_demo_files(kim_demo, db, settings):
    """The module's demo, with this test's file storage where the demo wrote its files."""
    media_under(settings, kim_demo)


def register_kim(name, village_code=SEDAHKIDUL, *, slug=None, **fields):
    """Register a KIM through the service (as an import would)."""
    kim = Kim(name=name, slug=slug or slugify(name), village=Village.objects.get(code=village_code), **fields)
    return services.register_kim(kim=kim, by=None)


@pytest.fixture
def make_kim(db):
    """Register a KIM through the service (as an import would)."""
    return register_kim


@pytest.fixture
def sendang_potro(make_kim):
    return make_kim("KIM Sendang Potro", SEDAHKIDUL, slug="sendang-potro")


@pytest.fixture
def deru_maju(make_kim):
    return make_kim("KIM Deru Maju", SUMBERREJO, slug="deru-maju")


def _manager(make_staff, username, village_code, kim):
    user = make_staff(username, Role.KIM_MANAGER, village_code, email=f"{username}@example.invalid")
    kim.managers.add(user)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def manager_sendang(make_staff, sendang_potro):
    return _manager(make_staff, "pengelola_sendang", SEDAHKIDUL, sendang_potro)


@pytest.fixture
def manager_deru(make_staff, deru_maju):
    return _manager(make_staff, "pengelola_deru", SUMBERREJO, deru_maju)


@pytest.fixture
def kim_editor(make_staff):
    return make_staff("editor_kim", Role.EDITOR, email="editor_kim@example.invalid")


def fresh(user):
    """The user again, without the roles and scope cached on the old object."""
    return User.objects.get(pk=user.pk)


def walk_post(kim, state, *, author, reviewer, title="Papan informasi APBDes dipasang", body="Isi berita."):
    """Create a post and walk it to a state through the services."""
    post = services.create_post(kim=kim, title=title, body=body, by=author)
    for who, target in PATHS[Post.Status(state)]:
        by = author if who == "author" else reviewer
        note = "Lengkapi sumber angka." if target == Post.Status.RETURNED else ""
        post = services.transition_post(post=post, to=target, by=by, note=note, notify=False)
    return Post.objects.get(pk=post.pk)


@pytest.fixture
def post_in_state():
    """Create a post and walk it to a state through the services."""
    return walk_post


# --- The public pages' registry ---------------------------------------------------

PELEM = "35.22.18.2001"  # Kecamatan Purwosari
TLATAH = "35.22.18.2003"  # Kecamatan Purwosari
PEJAMBON = "35.22.12.2015"  # Kecamatan Sumberejo


@pytest.fixture
def en(client):
    """The client as an English visitor: pages at their /en/ address, the rest in English by the browser."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    for method in ("get", "post", "head"):
        setattr(client, method, _english_pages(getattr(client, method)))
    return client


def _english_pages(send):
    from portal import languages

    def english(path, *args, **kwargs):
        if languages.is_page(path) and languages.split(path)[0] is None:
            path = "/en" + path
        return send(path, *args, **kwargs)

    return english


def dissolve(kim):
    return services.change_kim_status(kim=kim, to=Kim.Status.DISSOLVED, on=timezone.localdate(), by=None)


def deactivate(kim):
    return services.change_kim_status(kim=kim, to=Kim.Status.INACTIVE, on=timezone.localdate(), by=None)


@pytest.fixture
def registry(make_kim):
    """Four listed KIMs in three villages and one that is not listed."""
    level = KimLevel.objects.create(name="Mandiri", slug="mandiri")
    sendang = make_kim("KIM Sendang Potro", SEDAHKIDUL, slug="sendang-potro", level=level, member_count=25)
    MediaChannel.objects.create(kim=sendang, kind="website", url="https://sendangpotro.kim.id/")
    pelem = deactivate(make_kim("KIM Warta Pelem", PELEM, member_count=8))
    deru = dissolve(make_kim("KIM Deru Maju", SUMBERREJO, slug="deru-maju"))
    tlatah = make_kim("KIM Gema Tlatah", TLATAH, member_count=12)
    make_kim("KIM Belum Diperiksa", SEDAHKIDUL, is_public=False)
    return {"sendang": sendang, "pelem": pelem, "deru": deru, "tlatah": tlatah, "level": level}


def names(response):
    return [kim.name for kim in response.context["object_list"]]


@pytest.fixture
def news(registry, post_in_state):
    sendang, tlatah = registry["sendang"], registry["tlatah"]
    made = {}
    for title, kim, state in [
        ("Berita lama", sendang, "published"),
        ("Berita Tlatah", tlatah, "published"),
        ("Berita baru", sendang, "published"),
        ("Masih draf", sendang, "draft"),
        ("Menunggu review", sendang, "submitted"),
        ("Dikembalikan", sendang, "returned"),
    ]:
        made[title] = post_in_state(
            kim, state, author=None, reviewer=None, title=title, body=f"Isi **{title}**."
        )
    return made


class _FormReader(HTMLParser):
    """Collects the fields of one form as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._select = None
        self._textarea = None
        self.textareas = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(name, [])
            self.data[name].append(attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.textareas.add(name)
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def form_data(html, form_id):
    """The submitted values of a form on a page: {name: value or [values]}."""
    reader = _FormReader(form_id)
    reader.feed(html)
    result = {}
    for name, values in reader.data.items():
        if name in reader.textareas:
            values = [values[0].removeprefix("\n")]
        if len(values) == 1:
            result[name] = values[0]
        elif values:
            result[name] = values
        # A multiple select with nothing chosen sends nothing.
    return result
