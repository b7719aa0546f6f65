"""The statutory periods of the information service, in working days (UU 14/2008 Pasal 22, 35–37).

Kept apart from `ppid.deadlines`, which counts them on a calendar read from
the database, so the models can name a period without importing the calendar.
"""

# Ten working days to send the written notice, seven more for one extension.
ANSWER_DAYS = 10
MAX_EXTENSION_DAYS = 7
# Thirty to file an objection and thirty for the atasan to answer it.
OBJECTION_FILING_DAYS = 30
OBJECTION_ANSWER_DAYS = 30
# Fourteen to take the matter to the Komisi Informasi.
DISPUTE_FILING_DAYS = 14
# Officers are reminded when a request falls due within this many working days.
REMINDER_HORIZON_DAYS = 2
# An upheld objection's order falls due this many working days after the
# decision when the decision names no date of its own (practice, not statute).
OBLIGATION_DEFAULT_DAYS = 10
