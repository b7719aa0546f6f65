"""What an uploaded file really is, judged from all of its content.

`identify(upload)` returns one of `KINDS` ("pdf", "docx", "xlsx", "odt",
"ods", "image", "text"), "macro" for an office file carrying macros, or None
for anything else. Each check reads the whole file:

- a PDF must parse with pypdf from its header to its final ``%%EOF``, with
  every object reachable from the trailer loaded, no script, launch or form
  submission action, and no HTML or SVG markup anywhere in its bytes;
- an OOXML workbook or document must be a ZIP with the content type of its
  main part, open in openpyxl (workbooks), and hold no ``vbaProject.bin`` and
  no macro-enabled content type; an OpenDocument file must name its type in
  ``mimetype`` and hold no Basic or script parts;
- an image must decode as JPEG, PNG or WebP (storage re-encodes it);
- text must be UTF-8 without NUL bytes and without HTML, SVG or script markup.
"""

import io
import re
import zipfile

from PIL import Image, UnidentifiedImageError

KINDS = ("pdf", "docx", "xlsx", "odt", "ods", "image", "text")
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# Markup a browser would run if it ever rendered the file as a page.
MARKUP = re.compile(
    rb"<\s*(?:script|html|svg|iframe|object|embed|body|head|meta|link|style|base|form|img|!doctype|\?xml-stylesheet)\b"
    rb"|javascript:",
    re.IGNORECASE,
)
PDF_ACTIVE_KEYS = {"/JS", "/JavaScript", "/XFA", "/EmbeddedFiles", "/EmbeddedFile", "/RichMedia"}
PDF_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute"}
PDF_MAX_OBJECTS = 200_000
ZIP_MAX_MEMBERS = 5_000
ZIP_MAX_UNPACKED = 200 * 1024 * 1024
OOXML_MAIN = {
    "xlsx": ("xl/workbook.xml", b"spreadsheetml.sheet.main+xml"),
    "docx": ("word/document.xml", b"wordprocessingml.document.main+xml"),
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def image_format(data):
    """The Pillow format name of a decodable JPEG, PNG or WebP, else None."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    return found if found in IMAGE_FORMATS else None


def _walk_pdf(reader):
    """Load every object reachable from the trailer; return False on an active one."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack, seen = [reader.trailer], set()
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > PDF_MAX_OBJECTS:
                return False
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if PDF_ACTIVE_KEYS.intersection(item.keys()) or item.get("/S") in PDF_ACTIVE_ACTIONS:
                return False
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return True


def is_pdf(data):
    if not data.startswith(PDF_MAGIC) or not data.rstrip().endswith(b"%%EOF") or MARKUP.search(data):
        return False
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        if reader.is_encrypted:
            return False
        for page in reader.pages:
            page.get_contents()
        return _walk_pdf(reader)
    except Exception:
        return False


def _zip_kind(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > ZIP_MAX_MEMBERS or sum(m.file_size for m in members) > ZIP_MAX_UNPACKED:
                return None
            names = {m.filename for m in members}
            lowered = {name.lower() for name in names}
            if any(
                name.endswith(("vbaproject.bin", "vbadata.xml")) or "/activex/" in name for name in lowered
            ):
                return "macro"
            if "mimetype" in names:
                return _odf_kind(archive, names)
            if "[Content_Types].xml" not in names:
                return None
            types = archive.read("[Content_Types].xml")
            if b"macroenabled" in types.lower() or b"vbaproject" in types.lower():
                return "macro"
            for kind, (part, content_type) in OOXML_MAIN.items():
                if part in names and content_type in types:
                    return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, EOFError):
        return None
    return None


def _odf_kind(archive, names):
    kind = ODF_MIMETYPES.get(archive.read("mimetype").strip())
    if kind is None or "content.xml" not in names:
        return None
    if any(name.startswith(("Basic/", "Scripts/")) for name in names):
        return "macro"
    for part in ("content.xml", "styles.xml"):
        if part in names and re.search(rb"<office:scripts?\b|script:event-listener", archive.read(part)):
            return "macro"
    return kind


def _opens_as_workbook(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        workbook.sheetnames  # noqa: B018 - reading the sheet list parses the workbook part
        workbook.close()
    except Exception:
        return False
    return True


def is_text(data):
    if b"\x00" in data or MARKUP.search(data):
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def identify(upload):
    """The kind of the whole upload: one of KINDS, "macro", or None."""
    data = read_all(upload)
    if data.startswith(PDF_MAGIC):
        return "pdf" if is_pdf(data) else None
    if data.startswith(ZIP_MAGIC):
        kind = _zip_kind(data)
        if kind == "xlsx" and not _opens_as_workbook(data):
            return None
        return kind
    if image_format(data):
        return "image"
    return "text" if is_text(data) else None
