"""The access code page: copy and print buttons for script, a text file to save without it."""

import re
from urllib.parse import unquote

from ppid.models import InfoRequest
from tests.ppid.conftest import unit_sedahkidul  # noqa: F401 (a fixture)
from tests.ppid.pages import NEW, form_data, text


def test_the_code_can_be_copied_printed_and_saved_as_a_file(client, unit_sedahkidul):  # noqa: F811
    html = text(client.post(NEW, form_data(unit_sedahkidul), follow=True))
    info_request = InfoRequest.objects.get()
    code = re.search(r'id="kode">([A-Z2-7-]+)<', html).group(1)
    # Copy and print need script: hidden until access-code.js shows them.
    assert re.search(
        r'<button type="button" class="button" id="ppid-copy" data-copy-target="kode"[^>]* hidden>', html
    )
    assert re.search(r'<button type="button" class="button" id="ppid-print" hidden>', html)
    assert "js/access-code" in html
    # Saving works without script: a plain download link holding number, code and tracking address.
    link = re.search(
        r'<a class="button" download="([^"]+)" href="data:text/plain;charset=utf-8,([^"]+)">', html
    )
    assert link.group(1).endswith(".txt")
    saved = unquote(link.group(2)).splitlines()
    assert saved[0].endswith(info_request.number)
    assert saved[1].endswith(code)
    assert saved[2].endswith("http://testserver/ppid/permohonan/lacak/")
