import math

from ppid import access_codes, services

from .conftest import reload


def test_codes_carry_at_least_128_bits():
    code = access_codes.generate()
    characters = access_codes.normalise(code)
    assert len(characters) == 26
    assert math.log2(32) * len(characters) >= 128
    assert set(characters) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert len({access_codes.generate() for _ in range(200)}) == 200


def test_only_a_keyed_hash_of_the_code_is_stored(register):
    registration = register()
    stored = reload(registration.request).access_code_hash
    plain = access_codes.normalise(registration.access_code)
    assert plain not in stored and registration.access_code not in stored
    assert stored == access_codes.hash_code(registration.access_code)
    assert len(stored) == 64


def test_code_is_accepted_however_it_is_typed(register):
    registration = register()
    code = registration.access_code
    number = registration.request.number
    for typed in (code, code.lower(), code.replace("-", ""), code.replace("-", " ")):
        assert services.find_request(number, typed) == registration.request
    assert services.find_request(number.replace("/", "-").lower(), code) == registration.request


def test_wrong_code_or_unknown_number_finds_nothing(register):
    registration = register()
    assert services.find_request(registration.request.number, "A" * 26) is None
    assert services.find_request("PPID/1999/000001", registration.access_code) is None
    assert services.find_request("not a number", registration.access_code) is None
