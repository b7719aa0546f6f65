"""makemessages without fuzzy matching.

msgmerge's fuzzy matching guesses a translation for a new string from a
similar old one ("published" from "public phone"); in a public portal a wrong
guess is worse than an empty string, which the catalogue test catches.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
