"""Hostile files that are two things at once, as an attacker uploads them."""

import io
import zipfile

from PIL import Image

from tests.sample_files import pdf_bytes

SCRIPT = b"<script>fetch('/admin/ppid/inforequest/').then(r=>r.text()).then(alert)</script>"
# What must never be served back from a stored file.
PAYLOAD_MARKERS = (b"<script", b"alert", b"<svg", b"<html", b"vbaProject")


def jpeg_with_script():
    """A real 400×300 JPEG with script in a comment segment and after its end."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 90, 150)).save(buffer, "JPEG")
    data = buffer.getvalue()
    comment = b"*/=1;" + SCRIPT + b"/*"
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return data[:2] + segment + data[2:] + b"\n" + SCRIPT


def pdf_header_with_html():
    return b"%PDF-1.4\n<html><body>" + SCRIPT + b"</body></html>\n%%EOF\n"


def real_pdf_with_html():
    """A PDF that parses, with an HTML page hidden in a comment before its end."""
    data = pdf_bytes("Surat keputusan")
    cut = data.rindex(b"startxref")
    return data[:cut] + b"%<html>" + SCRIPT + b"</html>\n" + data[cut:]


def svg_with_script():
    return b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">' + SCRIPT + b"</svg>"


def html_page():
    return b"<!doctype html><html><body>" + SCRIPT + b"</body></html>"


def xlsx_with_macro():
    """A workbook ZIP declaring macro content and carrying vbaProject.bin, named .xlsx."""
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Override PartName="/xl/workbook.xml" '
        b'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Module1"\nSub Auto_Open()\nEnd Sub')
    return buffer.getvalue()


def xlsx_with_macro_types_only():
    """A real workbook whose content types turn it into a macro-enabled one."""
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
            archive.writestr(item, data)
    return out.getvalue()


# name as uploaded, declared type, content
POLYGLOTS = {
    "image and script": ("keputusan.jpg", "image/jpeg", jpeg_with_script),
    "%PDF header and HTML": ("keputusan.pdf", "application/pdf", pdf_header_with_html),
    "real PDF with HTML inside": ("keputusan.pdf", "application/pdf", real_pdf_with_html),
    "SVG with script": ("foto.svg", "image/svg+xml", svg_with_script),
    "SVG with script named .png": ("foto.png", "image/png", svg_with_script),
    "HTML named .pdf": ("dokumen.pdf", "application/pdf", html_page),
    "ZIP named .xlsx with a macro": ("apbdes.xlsx", "application/vnd.ms-excel", xlsx_with_macro),
    "workbook with macro content types": (
        "apbdes.xlsx",
        "application/vnd.ms-excel",
        xlsx_with_macro_types_only,
    ),
}
