"""Sample APBDes of every village and year, and drawn billboard photos for the demo village."""

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from portal.models import Village

from .. import services
from ..models import BillboardPhoto, Budget, BudgetSummary

SAMPLE_YEARS = range(2018, 2026)
PHOTO_VILLAGE = "35.22.18.2007"  # Desa Sedahkidul, the demo officer's village


def load_budgets(stdout, *, villages=None, years=SAMPLE_YEARS):
    """Sample APBDes for every desa (or the given ones) and year that has none yet; kelurahan have none."""
    villages = villages if villages is not None else Village.objects.order_by("code")
    villages = [village for village in villages if village.kind == Village.Kind.DESA]
    years = list(years)

    def progress(year, count):
        stdout.write(f"  APBDes {year}: {count} sample budgets")

    written = services.load_sample_budgets(
        villages=villages, years=years, latest_year=max(years), progress=progress
    )
    if not written:
        stdout.write("  APBDes: sample budgets already present")


def _billboard_image(village, summary):
    """A drawn stand-in for a photo of the village's APBDes billboard."""
    image = Image.new("RGB", (1200, 800), (120, 170, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 620, 1200, 800), fill=(96, 140, 70))
    draw.rectangle((560, 480, 600, 700), fill=(90, 90, 90))
    draw.rectangle((160, 90, 1040, 520), fill=(250, 250, 245), outline=(30, 60, 120), width=12)
    title = ImageFont.load_default(size=52)
    body = ImageFont.load_default(size=38)
    draw.text((200, 120), f"APBDes {summary.year}", fill=(20, 40, 100), font=title)
    draw.text((200, 190), village.label, fill=(20, 40, 100), font=title)
    rows = [
        ("Pendapatan", summary.revenue),
        ("Belanja", summary.spending),
        ("Pembiayaan", summary.net_financing),
    ]
    for index, (label, amount) in enumerate(rows):
        draw.text(
            (200, 270 + index * 55), f"{label}: Rp{amount:,}".replace(",", "."), fill=(30, 30, 30), font=body
        )
    draw.text((200, 450), "CONTOH / SAMPLE", fill=(160, 60, 20), font=body)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="baliho.jpg")


def load_billboard_photos(stdout):
    village = Village.objects.filter(code=PHOTO_VILLAGE).first()
    if village is None:
        return
    summaries = BudgetSummary.objects.filter(village=village).select_related("budget").order_by("-year")[:2]
    added = 0
    for summary in summaries:
        budget = summary.budget
        if budget.photos.exists():
            continue
        BillboardPhoto.objects.create(
            budget=budget,
            image=_billboard_image(village, summary),
            alt_text=f"Baliho APBDes {summary.year} {village.label} di depan kantor desa (gambar contoh)",
            caption=f"Baliho APBDes {summary.year} (gambar contoh)",
            taken_on=datetime.date(summary.year, 2, 10),
            place="Depan Kantor Desa Sedahkidul",
            is_sample=True,
        )
        added += 1
    Budget.objects.filter(village=village, year__in=[s.year for s in summaries], website_url="").update(
        website_url="https://sedahkidul.desa.example/apbdes"
    )
    stdout.write(f"  billboard photos: {added} added")
