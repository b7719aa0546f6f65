"""Helpers of the public pages' tests: the form's data, the page's text and a field's error list."""

import datetime
import re

from .conftest import VALID_NIK

D = datetime.date
NEW = "/ppid/permohonan/baru/"
TRACK = "/ppid/permohonan/lacak/"
OBJECT = "/ppid/keberatan/baru/"


def form_data(unit, **overrides):
    data = {
        "requester_kind": "person",
        "requester_name": "Sri Wulandari",
        "requester_nik": VALID_NIK,
        "requester_address": "Jalan Mawar 1, Sedahkidul",
        "requester_occupation": "Guru",
        "requester_phone": "081234567890",
        "requester_email": "sri@example.org",
        "unit": unit.pk,
        "information_requested": "Salinan APB Desa Sedahkidul 2025",
        "purpose": "Pengawasan pembangunan",
        "obtain_method": "softcopy",
        "delivery_method": "email",
        "website": "",
    }
    data.update(overrides)
    return data


def text(response):
    return response.content.decode()


def field_error(html, name):
    """The error list rendered for a field, found through the input's aria-describedby."""
    match = re.search(rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""
