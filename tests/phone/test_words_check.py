"""The browser gate's word check (e2e/words.py) catches what it should and lets the rest be.

e2e/test_words.py runs it on every page type in both languages; these checks
keep its rules honest without a browser.
"""

from e2e.words import slips, wrong_language


def test_english_on_an_indonesian_page_is_caught():
    assert wrong_language(["Beranda", "Search the portal", "Cari di portal"], "id") == ["Search the portal"]
    # A longer interface sentence counts wherever its fixed part appears.
    found = wrong_language(["Versi 1 next to version 2, with the difference. Both stay published."], "id")
    assert "with the difference. Both stay published" in found


def test_indonesian_on_an_english_page_is_caught():
    assert wrong_language(["Home", "Layanan PPID lainnya"], "en") == ["Layanan PPID lainnya"]


def test_words_both_languages_share_are_no_finding():
    assert wrong_language(["PPID", "APBDes 2026", "Status", "Desa Sedahkidul"], "id") == []
    # English pages keep some Indonesian terms of art, as their translations do.
    assert wrong_language(["PPID Desa", "Kecamatan"], "en") == []


def test_doubled_brackets_and_internal_labels_are_caught():
    assert slips(["Versi 1 (APBDes (murni))", "70: → filed", "in_process", "Diajukan → Diproses"]) == [
        "70: → filed",
        "Versi 1 (APBDes (murni))",
        "in_process",
    ]
    # A law's numbered clause is how it is cited, not a doubled bracket.
    assert slips(["Alasan keberatan (UU 14/2008 Pasal 35 ayat (1))"]) == []
