"""The OGP action plan 2016–2017 of Bojonegoro: commitments BOJ0001–BOJ0005 and the IRM's findings."""

import datetime

from django.db.models import Max

from ..models import ActionPlan, Commitment, Completion, EarlyResult, Milestone

PLAN_BODY = """\
Pada 2016 Kabupaten Bojonegoro menjadi satu dari 15 Perintis Subnasional Open Government Partnership (OGP), bersama Austin, Buenos Aires, Elgeyo Marakwet, Jalisco, Kigoma-Ujiji, La Libertad, Madrid, Ontario, Paris, São Paulo, Scotland, Sekondi-Takoradi, Seoul dan Tbilisi.

Rencana aksi 2016–2017 memuat lima komitmen, BOJ0001 sampai BOJ0005. Salah satu tonggaknya mewajibkan setiap desa memublikasikan APBDes-nya di baliho dan situs web desa, yang kini diteruskan portal ini.
"""

COMMITMENTS = [
    {
        "code": "BOJ0001",
        "title": "Data Revolution",
        "lead_agency": "Dinas Komunikasi dan Informatika (Dinas Kominfo)",
        "objective": "Pendataan rumah tangga oleh kelompok Dasa Wisma menuju “Satu Data Bojonegoro” (One Data Bojonegoro).",
        "early_results": EarlyResult.MARGINAL,
        "milestones": [("Pendataan rumah tangga oleh kelompok Dasa Wisma", "")],
    },
    {
        "code": "BOJ0002",
        "title": "Enhancing Village Government Accountability",
        "objective": "Meningkatkan akuntabilitas pemerintah desa.",
        "early_results": EarlyResult.MARGINAL,
        "milestones": [
            (
                "Publikasi APBDes dan laporan pertanggungjawaban setiap desa di baliho",
                "Baliho APBDes dan laporan pertanggungjawaban di setiap desa",
            )
        ],
    },
    {
        "code": "BOJ0003",
        "title": "Improving Local Budget Transparency",
        "objective": "Meningkatkan transparansi anggaran daerah.",
        "early_results": EarlyResult.MARGINAL,
        "milestones": [],
    },
    {
        "code": "BOJ0004",
        "title": "Open Data Contract",
        "objective": "Keterbukaan dokumen kontrak pengadaan pemerintah kabupaten.",
        "early_results": EarlyResult.MAJOR,
        "milestones": [
            (
                "Peraturan Bupati tentang keterbukaan dokumen kontrak",
                "Peraturan Bupati Bojonegoro Nomor 1 Tahun 2017 tentang keterbukaan dokumen kontrak",
            )
        ],
    },
    {
        "code": "BOJ0005",
        "title": "Improving Quality of Public Services",
        "objective": "Meningkatkan kualitas pelayanan publik dengan standar pelayanan yang disusun bersama warga.",
        "early_results": EarlyResult.MAJOR,
        "milestones": [
            (
                "Standar pelayanan disusun bersama warga di dua Puskesmas",
                "Standar pelayanan dua Puskesmas hasil penyusunan bersama warga",
            )
        ],
    },
]

SAMPLE_MILESTONES_BOJ0003 = [
    (
        "Publikasi ringkasan APBD di situs web pemerintah kabupaten",
        datetime.date(2016, 7, 1),
        datetime.date(2016, 12, 31),
        "Ringkasan APBD 2017 di situs web kabupaten",
        Completion.COMPLETE,
    ),
    (
        "Forum konsultasi anggaran dengan organisasi masyarakat sipil",
        datetime.date(2017, 1, 1),
        datetime.date(2017, 6, 30),
        "Notulen dua forum konsultasi anggaran",
        Completion.SUBSTANTIAL,
    ),
]


def load_action_plan(stdout):
    plan, _created = ActionPlan.objects.get_or_create(
        title="Rencana Aksi OGP Kabupaten Bojonegoro 2016–2017",
        defaults={
            "start_year": 2016,
            "end_year": 2017,
            "body": PLAN_BODY,
            "irm_year": 2017,
            "irm_complete": 0,
            "irm_substantial": 4,
            "irm_limited": 1,
            "irm_summary": (
                "Mekanisme Pelaporan Independen (IRM) 2017: tidak ada komitmen yang selesai, empat "
                "terlaksana secara substansial dan satu terbatas. Dampak terhadap keterbukaan pemerintahan: "
                "besar untuk dua komitmen (BOJ0004 dan BOJ0005), marginal untuk BOJ0001–BOJ0003."
            ),
            "is_published": True,
        },
    )
    for order, item in enumerate(COMMITMENTS, start=1):
        commitment, created = Commitment.objects.get_or_create(
            code=item["code"],
            defaults={
                "plan": plan,
                "title": item["title"],
                "lead_agency": item.get("lead_agency", ""),
                "objective": item["objective"],
                "early_results": item["early_results"],
                "order": order,
            },
        )
        if created:
            for position, (title, deliverable) in enumerate(item["milestones"], start=1):
                Milestone.objects.create(
                    commitment=commitment, title=title, deliverable=deliverable, order=position
                )
            if item["code"] == "BOJ0003":
                start = commitment.milestones.aggregate(n=Max("order"))["n"] or 0
                for position, (title, begin, end, deliverable, completion) in enumerate(
                    SAMPLE_MILESTONES_BOJ0003, start=start + 1
                ):
                    Milestone.objects.create(
                        commitment=commitment,
                        title=title,
                        start=begin,
                        end=end,
                        deliverable=deliverable,
                        completion=completion,
                        order=position,
                        is_sample=True,
                    )
    stdout.write(f"  OGP action plan: {plan.commitments.count()} commitments")
