"""Ids and page numbers typed into URLs and forms, read without trusting them."""

MAX_ID_DIGITS = 18  # beyond a 64-bit integer the database would refuse the query


def as_id(text, digits=MAX_ID_DIGITS):
    """`text` as a whole number if it is written in ASCII digits, at most `digits` of them; else None.

    str.isdigit() alone is not enough: it accepts "²", which int() refuses.
    """
    text = str(text)
    return int(text) if text.isascii() and text.isdigit() and len(text) <= digits else None
