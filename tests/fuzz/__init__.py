"""Property-based fuzzing of every public form, query string and address parameter.

Hypothesis sends random and hostile values (long strings, any Unicode, control
characters and NUL bytes, emoji, SQL and HTML fragments, huge numbers, values
of the wrong type, missing and repeated fields, files of the wrong type) to

- every public POST: the request form, tracking, the objection form, the
  satisfaction survey and the page rating;
- the query string of every public page that reads one, in every app, and
  raw query strings that are not even well-formed;
- the parameters inside public addresses (numbers, codes, slugs, signed tokens).

The properties: no response is a server error, and nothing invalid is saved —
a row a form creates passes its model's validation and the domain's rules, a
submission that is invalid for certain (honeypot filled, a required field
missing) creates nothing, tracking and every GET never write to the database,
and no input comes back unescaped.

The run is derandomised (the same examples every time) and small, so it is
quick and repeatable in CI. The throttles share the cache, which is cleared
before every example so each one reaches the view.
"""
