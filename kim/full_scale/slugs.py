"""Free slugs for rows written in bulk, without a query per row."""


def _free_slug(base, taken, *, alternative=""):
    """`base`, else `base-<alternative>`, else with -2, -3, … appended: whichever is not taken."""
    candidates = [base, f"{base}-{alternative}"] if alternative else [base]
    for slug in candidates:
        if slug not in taken:
            taken.add(slug)
            return slug
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    taken.add(f"{base}-{number}")
    return f"{base}-{number}"
