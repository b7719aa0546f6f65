"""`make bench`: the portal at full scale behind nginx and gunicorn, measured with wrk.

Not part of the test suite. See README, "Performance benchmark".
"""
