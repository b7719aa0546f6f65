"""Every URL the portal answers, and who may open it.

The walk goes through the whole URL resolver, the apps' URLconfs and the admin
included, and puts each pattern in one of three classes by the table ACCESS:

- public: anyone may open it; an anonymous visitor is neither sent to the
  login page nor refused (a 404 for a made-up object is fine);
- login: any signed-in staff member may open it; an anonymous visitor is sent
  to the login page, a staff member without a role is not;
- role: the back office of one model; an anonymous visitor is sent to the
  login page and a staff member without a role never gets its list, its add
  form or another page of it that takes no argument.

A pattern the table does not classify fails the walk, so a new page has to be
placed deliberately. Each pattern is opened with made-up arguments that it
accepts (checked by resolving the address back to the same pattern); what a
page shows to the roles that use it is tested with the app.
"""

import re
from fnmatch import fnmatchcase

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

PUBLIC, LOGIN, ROLE = "public", "login", "role"


def _model_admin_rules():
    """Every page of a registered model's admin needs a role that may use that model."""
    return [
        (f"/admin/{model._meta.app_label}/{model._meta.model_name}/*", ROLE) for model in admin.site._registry
    ]


# Ordered rules, the first that matches wins. A rule matches a pattern's
# "namespace:name" or, starting with "/", its route.
ACCESS = [
    # The public site: the core's pages and every app's public namespace.
    ("portal:*", PUBLIC),
    ("visits:*", PUBLIC),
    ("kim:*", PUBLIC),
    ("ppid:*", PUBLIC),
    ("ogp:village_billboard", PUBLIC),  # the billboard of a published APBDes, SVG or PDF
    ("ogp:*", PUBLIC),
    ("opendata:*", PUBLIC),
    ("/sitemap.xml", PUBLIC),
    ("/^media/(?P<path>.*)$", PUBLIC),
    # Signing in and out.
    ("admin:login", PUBLIC),
    ("admin:logout", PUBLIC),
    # The admin's own pages, for any staff member.
    ("two_factor_verify", LOGIN),
    ("two_factor_setup", LOGIN),
    ("admin:index", LOGIN),
    ("admin:app_list", LOGIN),
    ("admin:password_change", LOGIN),
    ("admin:password_change_done", LOGIN),
    ("admin:jsi18n", LOGIN),
    ("admin:view_on_site", LOGIN),
    ("/admin/(?P<url>.*)$", LOGIN),
    # The back office of each model; autocomplete answers for the model whose form asks.
    ("admin:autocomplete", ROLE),
    *_model_admin_rules(),
]

# Made-up values for a URL's arguments; each argument takes the first that its pattern accepts.
SAMPLES = ["1", "2025", "35.22.18.2007", "PPID-2025-000001", "en", "csv", "portal", "x", "a3", "pdf"]
GROUP = re.compile(r"\(\?P<(?P<name>\w+)>")


def _fill_route(pattern):
    """A route such as ``tentang/<slug:slug>/`` with each converter replaced by a sample."""

    def sample(match):
        regex = pattern.converters[match.group("name")].regex
        return next(value for value in SAMPLES if re.fullmatch(regex, value))

    return re.sub(r"<(?:\w+:)?(?P<name>\w+)>", sample, str(pattern))


def _fill_regex(pattern):
    """A regular expression route with each named group replaced by a sample it accepts."""
    text = str(pattern)
    while match := GROUP.search(text):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        body = text[match.end() : end - 1]
        value = next(value for value in SAMPLES if re.fullmatch(body, value))
        text = text[: match.start()] + value + text[end:]
    return re.sub(r"\\(.)", r"\1", text.removeprefix("^").removesuffix("$"))


def _fill(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return ""  # Indonesian, the unprefixed address; English is the same under /en/
    if isinstance(pattern, RoutePattern):
        return _fill_route(pattern)
    assert isinstance(pattern, RegexPattern), pattern
    return _fill_regex(pattern)


def walk(patterns=None, route="/", url="/", namespaces=()):
    """(key, route, sample url, pattern) for every pattern under the resolver."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        here_route, here_url = route + str(entry.pattern), url + _fill(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from walk(entry.url_patterns, here_route, here_url, inner)
        elif isinstance(entry, URLPattern):
            key = ":".join((*namespaces, entry.name)) if entry.name else here_route
            yield key, here_route, here_url, entry


def classify(key, route):
    for rule, access in ACCESS:
        if fnmatchcase(key if not rule.startswith("/") else route, rule):
            return access
    return None


PATTERNS = list(walk())


def _to_login(response):
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_every_pattern_is_classified_and_its_sample_address_reaches_it():
    unclassified = [route for key, route, _url, _entry in PATTERNS if classify(key, route) is None]
    assert not unclassified, f"add these to ACCESS in {__name__}: {unclassified}"
    astray = [(url, route) for _key, route, url, entry in PATTERNS if resolve(url).func is not entry.callback]
    assert not astray, f"sample addresses that reach another pattern: {astray}"
    counts = {
        access: sum(classify(k, r) == access for k, r, _u, _e in PATTERNS) for access in (PUBLIC, LOGIN, ROLE)
    }
    assert counts[PUBLIC] > 60 and counts[LOGIN] >= 9 and counts[ROLE] > 250, counts


@pytest.mark.parametrize(
    ("key", "route", "access"),
    [
        ("ppid:request_new", "/ppid/permohonan/baru/", PUBLIC),
        ("admin:login", "/admin/login/", PUBLIC),
        ("admin:index", "/admin/", LOGIN),
        ("admin:ppid_inforequest_changelist", "/admin/ppid/inforequest/", ROLE),
        ("/admin/auth/user/<path:object_id>/", "/admin/auth/user/<path:object_id>/", ROLE),
        ("newapp:page", "/newapp/", None),
    ],
)
def test_the_table_places_known_pages_and_leaves_unknown_ones_out(key, route, access):
    assert classify(key, route) == access


def test_anonymous_visitors_reach_public_pages_and_are_sent_to_login_elsewhere(client, db):
    wrong = []
    for key, route, url, _entry in PATTERNS:
        response = client.get(url)
        if classify(key, route) == PUBLIC:
            if _to_login(response) or response.status_code in (401, 403):
                wrong.append(f"{url} ({key}) is public but answered {response.status_code}")
        elif not _to_login(response):
            wrong.append(f"{url} ({key}) needs a login but answered {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def staff_without_role(make_staff):
    return make_staff("staf_tanpa_peran")


def _takes_arguments(entry_route):
    return "<" in entry_route


def test_staff_without_a_role_reach_the_admin_but_no_model_of_it(client, staff_without_role):
    """Role pages without arguments only: for a made-up object a refusal and a 404 look alike."""
    client.force_login(staff_without_role)
    wrong = []
    for key, route, url, _entry in PATTERNS:
        access = classify(key, route)
        if access == PUBLIC or access == ROLE and _takes_arguments(route):
            continue
        response = client.get(url)
        if _to_login(response) or response.status_code == 403 and access == LOGIN:
            wrong.append(f"{url} ({key}) is for any staff member but answered {response.status_code}")
        elif access == ROLE and response.status_code == 200:
            wrong.append(f"{url} ({key}) needs a role but opened")
    assert not wrong, "\n".join(wrong)
