"""KIM profiles and published KIM news in the site-wide search (see portal.search)."""

from django.utils.translation import gettext_lazy as _

from portal import richtext, search

from .models import Kim, Post


def _kim_entry(kim):
    village = kim.village
    return {
        "title": kim.name,
        "summary": f"{village.label}, {village.district.label}",
        "body": " ".join([kim.name, village.name, village.district.name, richtext.to_text(kim.description)]),
        "url": kim.get_absolute_url(),
        "date": kim.founded_on,
    }


def _post_entry(post):
    return {
        "title": post.title,
        "summary": f"{post.kim.name}, {post.kim.village.label}",
        "body": " ".join([post.kim.name, post.kim.village.name, richtext.to_text(post.body)]),
        "url": post.get_absolute_url(),
        "date": post.published_at.date() if post.published_at else None,
    }


search.register(
    search.Provider(
        kind="kim",
        label=_("KIM profiles"),
        order=20,
        queryset=lambda: Kim.objects.published().select_related("village__district"),
        entry=_kim_entry,
    )
)
search.register(
    search.Provider(
        kind="kim_post",
        label=_("KIM news"),
        order=25,
        queryset=lambda: Post.objects.published().select_related("kim__village__district"),
        entry=_post_entry,
        # Hiding or showing a KIM hides or shows its news.
        triggers={Kim: lambda kim: list(kim.posts.all())},
    )
)

# The KIM pages, found by what citizens type (both languages).
search.register_pages(
    search.TaskPage(
        "kim:list",
        _("KIM directory"),
        (
            "kim",
            "daftar kim",
            "kelompok informasi masyarakat",
            "community information group",
            "kim directory",
        ),
    ),
    search.TaskPage("kim:posts", _("KIM news"), ("kabar kim", "berita kim", "kim news", "community news")),
    search.TaskPage("kim:coverage", _("KIM coverage"), ("cakupan kim", "sebaran kim", "kim coverage")),
    search.TaskPage("kim:forum", _("KIM forum"), ("forum kim", "kim forum")),
)
