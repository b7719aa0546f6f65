"""Secret access codes that let a requester track a request without an account.

A code carries 130 random bits written as 26 base-32 characters in groups of
four (easy to read out over the phone: no 0/O or 1/I confusion because base-32
uses only A–Z and 2–7). Only a keyed hash (HMAC-SHA256 under SECRET_KEY) is
stored; the code itself is shown once and e-mailed if the requester gave an
address.
"""

import base64
import re
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

CODE_BYTES = 17  # 136 bits drawn, 130 of them written out
CODE_LENGTH = 26
HASH_SALT = "ppid.access-code"


def generate():
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode().rstrip("=")[:CODE_LENGTH]
    return format_code(raw)


def normalise(code):
    """Upper case without spaces or dashes; people copy codes in many ways."""
    return re.sub(r"[\s\-]", "", code or "").upper()


def format_code(code):
    code = normalise(code)
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def hash_code(code):
    return salted_hmac(HASH_SALT, normalise(code), algorithm="sha256").hexdigest()


def matches(code, stored_hash):
    return bool(stored_hash) and constant_time_compare(hash_code(code), stored_hash)
