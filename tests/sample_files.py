"""Small real files for upload tests: the portal checks content in full, so fakes are refused."""

import io

from pypdf import PdfWriter


def pdf_bytes(title="Dokumen"):
    """A one-page PDF that parses, with its title in the metadata."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
