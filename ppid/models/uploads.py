"""Where uploaded files go: a random name in one folder per kind, never the uploader's file name.

`portal.uploads.random_name()` builds these paths; it returns a closure that
migrations cannot reference, so each folder gets a named module-level function.
"""

from portal.uploads import random_name

_dip = random_name("ppid/dip")
_regulation = random_name("ppid/peraturan")
_identity = random_name("ppid/identitas")
_proxy = random_name("ppid/kuasa")
_answer = random_name("ppid/jawaban")


def dip_document_path(instance, filename):
    return _dip(instance, filename)


def regulation_document_path(instance, filename):
    return _regulation(instance, filename)


def identity_scan_path(instance, filename):
    return _identity(instance, filename)


def proxy_letter_path(instance, filename):
    return _proxy(instance, filename)


def answer_document_path(instance, filename):
    return _answer(instance, filename)


_fulfilment = random_name("ppid/pelaksanaan")


def fulfilment_document_path(instance, filename):
    return _fulfilment(instance, filename)
