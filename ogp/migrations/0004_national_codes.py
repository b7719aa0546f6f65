"""Move the chart of accounts and the kegiatan list onto the exact codes of the
Lampiran of Permendagri 20/2018 (see ogp/data/accounts.csv and activities.csv).

Lines are re-labelled, never re-summed: every line keeps its amount, its
version and its place; only the account or kegiatan it points to changes.
An old code is moved only while it still carries the name the portal shipped
with before, so the migration does nothing on a database that already has the
national codes. Where the old row has no counterpart in the Lampiran (e.g.
"Belanja Jasa Perbankan", or a 5.3.x obyek that lumped all of a construction
together), it becomes a regional obyek/kegiatan numbered 90–99 under the same
parent, keeping its name, so no two old codes fall together and no total of a
jenis or bidang changes. A regional row that sat on a number the Lampiran now
uses itself (e.g. 4.1.4.90) moves to the next free regional number.
"""

from django.db import migrations, models

# (old code, its name before, new code, name when the new code is regional)
ACCOUNT_MOVES = [
    ("4.1.1.02", "Lain-lain Hasil Usaha Desa", "4.1.1.90", None),
    ("4.1.4.02", "Lain-lain Pendapatan Asli Desa", "4.1.4.90", None),
    (
        "4.2.2.02",
        "Bagi Hasil Retribusi Daerah Kabupaten/Kota",
        "4.2.2.91",
        "Bagi Hasil Retribusi Daerah Kabupaten/Kota",
    ),
    ("4.3.9.01", "Lain-lain Pendapatan Desa yang Sah", "4.3.9.90", None),
    ("5.2.5.07", "Belanja Jasa Perbankan", "5.2.5.91", "Belanja Jasa Perbankan"),
    ("5.2.5.08", "Belanja Premi Asuransi", "5.2.5.92", "Belanja Premi Asuransi"),
    ("5.2.6.02", "Belanja Pemeliharaan Gedung dan Prasarana", "5.2.6.04", None),
    ("5.2.6.03", "Belanja Pemeliharaan Jalan", "5.2.6.05", None),
    ("5.2.6.04", "Belanja Pemeliharaan Jembatan", "5.2.6.06", None),
    (
        "5.2.6.05",
        "Belanja Pemeliharaan Irigasi/Saluran Sungai/Embung/Air Bersih, Jaringan Air Limbah, Persampahan",
        "5.2.6.07",
        None,
    ),
    ("5.2.6.06", "Belanja Pemeliharaan Jaringan/Instalasi", "5.2.6.08", None),
    ("5.2.6.07", "Belanja Pemeliharaan Kendaraan", "5.2.6.02", None),
    (
        "5.2.7.02",
        "Belanja Jasa yang Diserahkan kepada Masyarakat",
        "5.2.7.91",
        "Belanja Jasa yang Diserahkan kepada Masyarakat",
    ),
    ("5.3.2.01", "Belanja Modal Pengadaan Alat-alat Pertanian", "5.3.2.09", None),
    (
        "5.3.2.02",
        "Belanja Modal Pengadaan Alat-alat Kantor dan Rumah Tangga",
        "5.3.2.91",
        "Belanja Modal Pengadaan Alat-alat Kantor dan Rumah Tangga",
    ),
    ("5.3.2.04", "Belanja Modal Pengadaan Alat-alat Kesehatan", "5.3.2.08", None),
    ("5.3.2.05", "Belanja Modal Pengadaan Alat Berat", "5.3.2.11", None),
    ("5.3.3.01", "Belanja Modal Pengadaan Kendaraan Darat Bermotor", "5.3.3.02", None),
    (
        "5.3.3.02",
        "Belanja Modal Pengadaan Kendaraan Air",
        "5.3.3.91",
        "Belanja Modal Pengadaan Kendaraan Air",
    ),
    (
        "5.3.4.01",
        "Belanja Modal Gedung, Bangunan dan Taman",
        "5.3.4.90",
        "Belanja Modal Gedung, Bangunan dan Taman",
    ),
    ("5.3.5.01", "Belanja Modal Jalan/Prasarana Jalan", "5.3.5.90", "Belanja Modal Jalan/Prasarana Jalan"),
    ("5.3.6.01", "Belanja Modal Jembatan", "5.3.6.90", "Belanja Modal Jembatan"),
    (
        "5.3.7.01",
        "Belanja Modal Irigasi/Embung/Air Sungai/Drainase/Air Limbah/Persampahan",
        "5.3.7.90",
        "Belanja Modal Irigasi/Embung/Air Sungai/Drainase/Air Limbah/Persampahan",
    ),
    ("5.3.8.01", "Belanja Modal Jaringan/Instalasi", "5.3.8.90", "Belanja Modal Jaringan/Instalasi"),
    ("5.3.9.01", "Belanja Modal Lainnya", "5.3.9.90", None),
    ("6.1.9.01", "Penerimaan Pembiayaan Lainnya", "6.1.9.90", None),
    ("6.2.9.01", "Pengeluaran Pembiayaan Lainnya", "6.2.9.90", None),
]
ACTIVITY_MOVES = [
    ("01.05.02", "Administrasi Pajak Bumi dan Bangunan (PBB)", "01.05.06", None),
    ("02.01.04", "Penyelenggaraan Perpustakaan/Taman Bacaan Desa", "02.01.08", None),
    ("02.02.05", "Pembinaan dan Pengawasan Upaya Kesehatan Tradisional", "02.02.07", None),
    ("02.02.06", "Pemeliharaan Sarana/Prasarana Posyandu/Polindes/PKD", "02.02.08", None),
    ("02.03.07", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa", "02.03.10", None),
    (
        "02.03.08",
        "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Lingkungan Permukiman/Gang",
        "02.03.11",
        None,
    ),
    ("02.03.09", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Usaha Tani", "02.03.12", None),
    ("02.03.10", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jembatan Milik Desa", "02.03.13", None),
    (
        "02.03.11",
        "Pembangunan/Rehabilitasi/Peningkatan Prasarana Jalan Desa (Gorong-gorong, Selokan, Drainase)",
        "02.03.14",
        None,
    ),
    ("02.03.12", "Pembangunan/Rehabilitasi/Peningkatan Balai Desa/Balai Kemasyarakatan", "02.03.15", None),
    ("02.04.01", "Pemeliharaan Sumur Resapan Milik Desa", "02.04.02", None),
    ("02.04.02", "Pemeliharaan Sumber Air Bersih Milik Desa", "02.04.03", None),
    ("02.04.03", "Pemeliharaan Sambungan Air Bersih ke Rumah Tangga", "02.04.04", None),
    ("02.04.04", "Pemeliharaan Sanitasi Permukiman", "02.04.05", None),
    ("02.04.05", "Pembangunan/Rehabilitasi/Peningkatan Sumber Air Bersih Milik Desa", "02.04.11", None),
    ("02.04.06", "Pembangunan/Rehabilitasi/Peningkatan Sanitasi Permukiman", "02.04.13", None),
    ("02.04.07", "Fasilitasi Pembangunan Rumah Tidak Layak Huni", "02.04.01", None),
    ("02.07.03", "Pemeliharaan Penerangan Jalan Desa", "02.07.91", "Pemeliharaan Penerangan Jalan Desa"),
    ("03.02.02", "Penyelenggaraan Festival Kesenian, Adat/Kebudayaan dan Keagamaan", "03.02.03", None),
    (
        "03.02.03",
        "Pemeliharaan Sarana dan Prasarana Kebudayaan/Rumah Adat/Keagamaan Milik Desa",
        "03.02.04",
        None,
    ),
    ("03.03.04", "Pembinaan Karang Taruna/Klub Kepemudaan/Klub Olahraga", "03.03.06", None),
    ("03.03.05", "Pemeliharaan Sarana dan Prasarana Kepemudaan dan Olahraga Milik Desa", "03.03.04", None),
    ("04.01.02", "Bantuan Perikanan (Bibit, Pakan, dll)", "04.01.05", None),
    ("04.01.03", "Pelatihan/Bimtek/Pengenalan Teknologi Tepat Guna untuk Perikanan", "04.01.06", None),
    (
        "04.04.03",
        "Fasilitasi/Bantuan Pengasuhan Bersama atau Bina Keluarga Balita (BKB)",
        "04.04.91",
        "Fasilitasi/Bantuan Pengasuhan Bersama atau Bina Keluarga Balita (BKB)",
    ),
]


def _split(code):
    parts = code.split(".")
    return len(parts), int(parts[-1]), ".".join(parts[:-1]) or None


def _free_regional_code(model, parent):
    taken = set(model.objects.filter(parent_id=parent).values_list("number", flat=True))
    number = next(n for n in range(90, 100) if n not in taken)
    return f"{parent}.{number:02d}"


def _new_row(model, code, name, template):
    level, number, parent = _split(code)
    fields = {"code": code, "name": name, "level": level, "number": number, "parent_id": parent}
    if hasattr(template, "fund_source_id"):
        fields["fund_source_id"] = template.fund_source_id
    return model.objects.create(is_national=False, **fields)


def _move_lines(BudgetLine, field, old_code, new_code, line_ids=None):
    lines = BudgetLine.objects.filter(**{f"{field}_id": old_code})
    if line_ids is not None:
        lines = BudgetLine.objects.filter(pk__in=line_ids)
    lines.update(**{f"{field}_id": new_code})


def _relocate_regional(model, BudgetLine, field, national_codes):
    """A regional row on a code the Lampiran now uses moves to a free 90–99 number."""
    for row in model.objects.filter(code__in=national_codes, is_national=False):
        level, number, parent = _split(row.code)
        new_code = _free_regional_code(model, parent)
        _new_row(model, new_code, row.name, row)
        _move_lines(BudgetLine, field, row.code, new_code)
        row.delete()


def _apply_moves(model, BudgetLine, field, moves):
    """Collect the lines of every old code first, so a chain of moves (02 → 04, 07 → 02) lands once."""
    pending = []
    for old_code, old_name, new_code, regional_name in moves:
        row = model.objects.filter(code=old_code, name=old_name, is_national=True).first()
        if row is None:
            continue
        ids = list(BudgetLine.objects.filter(**{f"{field}_id": old_code}).values_list("pk", flat=True))
        pending.append((row, new_code, regional_name, ids))
    for row, new_code, regional_name, ids in pending:
        if regional_name:
            new_code = _regional_target(model, new_code, regional_name, row)
        _move_lines(BudgetLine, field, row.code, new_code, line_ids=ids)


def _regional_target(model, code, name, template):
    """The regional row for a moved code; another row already on that number is left alone."""
    existing = model.objects.filter(code=code).first()
    if existing is not None and existing.name == name:
        return code
    if existing is not None:
        code = _free_regional_code(model, _split(code)[2])
    _new_row(model, code, name, template)
    return code


def _follow_the_file(model, rows):
    """National rows carry the Lampiran's names; national rows it does not have go when unused."""
    names = {row["code"]: row["name"] for row in rows}
    for row in model.objects.filter(is_national=True):
        if row.code in names and row.name != names[row.code]:
            model.objects.filter(code=row.code).update(name=names[row.code])
    stale = model.objects.filter(is_national=True).exclude(code__in=names).order_by("-level")
    for row in stale:
        if not row.lines.exists() and not row.children.exists():
            row.delete()


def forwards(apps, schema_editor):
    from ogp import reference_data

    Account = apps.get_model("ogp", "Account")
    Activity = apps.get_model("ogp", "Activity")
    BudgetLine = apps.get_model("ogp", "BudgetLine")
    account_rows = reference_data.rows("accounts.csv")
    activity_rows = reference_data.rows("activities.csv")
    _relocate_regional(Account, BudgetLine, "account", [row["code"] for row in account_rows])
    _relocate_regional(Activity, BudgetLine, "activity", [row["code"] for row in activity_rows])
    reference_data.load(FundSource=apps.get_model("ogp", "FundSource"), Account=Account, Activity=Activity)
    _apply_moves(Account, BudgetLine, "account", ACCOUNT_MOVES)
    _apply_moves(Activity, BudgetLine, "activity", ACTIVITY_MOVES)
    _follow_the_file(Account, account_rows)
    _follow_the_file(Activity, activity_rows)


class Migration(migrations.Migration):
    dependencies = [("ogp", "0003_history_on_workflow_kit")]

    operations = [
        migrations.AlterField(
            model_name="account",
            name="code",
            field=models.CharField(
                help_text="For example 5.2.1.02. A new obyek must be numbered 90–99, e.g. 4.1.4.91.",
                max_length=12,
                primary_key=True,
                serialize=False,
                verbose_name="account code",
            ),
        ),
        migrations.AlterField(
            model_name="activity",
            name="code",
            field=models.CharField(
                help_text="For example 01.01.04. A new kegiatan must be numbered 90–99, e.g. 02.03.91.",
                max_length=8,
                primary_key=True,
                serialize=False,
                verbose_name="activity code",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
