"""Public pages of the KIM app: the directory, a KIM's profile, KIM news,
coverage per kecamatan, the KIM forum and the registry as open data.

Every page starts from a `published()` queryset and runs a fixed number of
queries whatever the amount of data.
"""

import json
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from portal import csv_export, wilayah
from portal.opendata import conventions, tables
from portal.templatetags.portal import persen

from . import coverage, news_data, opendata
from .forms import KimFilterForm, PostFilterForm
from .models import BoardMember, Forum, ForumBoardMember, Kim, KimStatusChange, Post


class PaginatedMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context


class KimListView(PaginatedMixin, ListView):
    """`/kim/`: the directory, filtered by kecamatan, level, status and website, with counts."""

    model = Kim
    paginate_by = 24

    def get_queryset(self):
        self.form = KimFilterForm(self.request.GET)
        return self.form.filter(Kim.objects.published().for_list())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = (
            self.form.filter(Kim.objects.published())
            .order_by()
            .aggregate(
                total=Count("pk"),
                active=Count("pk", filter=Q(status=Kim.Status.ACTIVE)),
                inactive=Count("pk", filter=Q(status=Kim.Status.INACTIVE)),
                dissolved=Count("pk", filter=Q(status=Kim.Status.DISSOLVED)),
                villages=Count("village", distinct=True, filter=Q(status=Kim.Status.ACTIVE)),
            )
        )
        context.update(
            form=self.form,
            counts=counts,
            any_sample=any(kim.is_sample for kim in context["object_list"]),
        )
        return context


@dataclass
class BoardTerm:
    """The members of one past term, for the board history."""

    start: object
    end: object
    members: list


def split_board(members, today):
    """(current members, past terms newest first, upcoming members) from one list of board rows."""
    current, upcoming, past = [], [], {}
    for member in members:
        if member.is_current(today):
            current.append(member)
        elif member.term_start and member.term_start > today:
            upcoming.append(member)
        else:
            past.setdefault((member.term_start, member.term_end), []).append(member)
    terms = [BoardTerm(start, end, rows) for (start, end), rows in past.items()]
    terms.sort(key=lambda t: t.members[0].period_key, reverse=True)
    return current, terms, upcoming


class KimDetailView(DetailView):
    """`/kim/<slug>/`: a KIM's profile, board and its history, awards, channels and news."""

    model = Kim

    def get_queryset(self):
        return (
            Kim.objects.published()
            .select_related("village__district", "level")
            .prefetch_related(
                "channels",
                "achievements",
                Prefetch("status_changes", queryset=KimStatusChange.objects.newest_first()),
                Prefetch("board", queryset=BoardMember.objects.in_role_order()),
                Prefetch(
                    "forum_seats",
                    queryset=ForumBoardMember.objects.filter(forum__is_public=True)
                    .select_related("forum")
                    .in_role_order(),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kim = self.object
        today = timezone.localdate()
        board = list(kim.board.all())
        current, past_terms, upcoming = split_board(board, today)
        achievements = list(kim.achievements.all())
        latest_posts = list(Post.objects.published().filter(kim=kim).latest_first()[:5])
        forum_seats = [seat for seat in kim.forum_seats.all() if seat.is_current(today)]
        context.update(
            current_board=current,
            past_terms=past_terms,
            upcoming_board=upcoming,
            achievements=achievements,
            channels=list(kim.channels.all()),
            status_changes=list(kim.status_changes.all()),
            forum_seats=forum_seats,
            latest_posts=latest_posts,
            has_sample_parts=not kim.is_sample
            and any(row.is_sample for row in (*board, *achievements, *latest_posts)),
        )
        return context


class PostListView(PaginatedMixin, ListView):
    """`/kim/kabar/`: published KIM news, newest first, by kecamatan or KIM."""

    model = Post
    paginate_by = 12

    def get_queryset(self):
        self.form = PostFilterForm(self.request.GET)
        return self.form.filter(Post.objects.published().for_list().prefetch_related("photos"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            kim=self.form.kim,
            any_sample=any(post.is_sample for post in context["object_list"]),
        )
        return context


class PostDetailView(DetailView):
    """`/kim/kabar/<slug>/`: one published post with its photos and corrections."""

    model = Post

    def get_queryset(self):
        return (
            Post.objects.published()
            .select_related("kim__village__district")
            .prefetch_related("photos", "corrections")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.object
        photos = list(post.photos.all())
        context.update(
            photos=photos,
            og_image=self.request.build_absolute_uri(photos[0].medium_url) if photos else "",
            corrections=list(post.corrections.all()),
            more_posts=list(
                Post.objects.published().filter(kim_id=post.kim_id).exclude(pk=post.pk).latest_first()[:3]
            ),
        )
        return context


class CoverageView(TemplateView):
    """`/kim/cakupan/`: share of villages with an active KIM, per kecamatan and overall."""

    template_name = "kim/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        regency = wilayah.deployment()
        report = coverage.coverage_report(total_name=regency.full_name)
        chart = coverage.coverage_chart(
            report.districts,
            title=_("Share of villages with an active KIM, per kecamatan"),
            summary=_("%(share)s of all villages of %(name)s have at least one active KIM.")
            % {"share": persen(report.total.share), "name": regency.full_name},
        )
        context.update(report=report, chart=chart)
        return context


class ForumListView(ListView):
    """`/kim/forum/`: the KIM forum(s) with their current board and its history."""

    model = Forum
    template_name = "kim/forum_list.html"

    def get_queryset(self):
        return Forum.objects.published().prefetch_related(
            Prefetch(
                "board",
                queryset=ForumBoardMember.objects.in_role_order().select_related(
                    "kim__village", "village", "kim"
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        forums = list(context["object_list"])
        for forum in forums:
            board = list(forum.board.all())
            forum.current_board, forum.past_terms, forum.upcoming_board = split_board(board, today)
            forum.has_sample_parts = not forum.is_sample and any(m.is_sample for m in board)
        context["forums"] = forums
        return context


def registry_csv(request):
    """`/kim/data.csv`: the public registry as CSV (no personal data)."""
    rows = opendata.registry_rows(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="registri-kim.csv"'
    writer = csv_export.writer(response)
    writer.writerow(conventions.csv_header(opendata.CSV_FIELDS, opendata.DATASET, request))
    for row in rows:
        flat = opendata.flatten(row)
        writer.writerow([flat[name] for name in opendata.CSV_FIELDS])
    return response


def registry_json(request):
    """`/kim/data.json`: the public registry as JSON (no personal data)."""
    payload = {"meta": opendata.meta(request), "kim": opendata.json_rows(request)}
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=1, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="registri-kim.json"'
    return response


def news_csv(request):
    """`/kim/kabar/data.csv`: every published KIM post."""
    return tables.csv_response("kabar-kim", news_data.COLUMNS, news_data.rows(request))


def news_json(request):
    """`/kim/kabar/data.json`: the same as JSON."""
    rows = news_data.rows(request)
    return tables.json_response("kabar-kim", {"kolom": news_data.COLUMNS, "jumlah": len(rows), "kabar": rows})
