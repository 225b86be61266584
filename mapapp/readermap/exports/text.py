"""Text from articles made fit for any export file. XML 1.0 forbids most control
characters (one in an article body made a whole KML file unreadable), lone surrogates
cannot be written as UTF-8, and a spreadsheet runs a cell that starts like a formula."""
import re

# What XML 1.0 cannot hold: C0 controls but tab, newline and return; surrogates; U+FFFE/F.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Leading characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """The text with every character XML cannot hold replaced by U+FFFD, so it is valid
    in XML, JSON and UTF-8 alike and the reader still sees that something was there."""
    return NOT_IN_XML.sub("\ufffd", text)


def spreadsheet_cell(text: str) -> str:
    """The text as a cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def printable_json(value):
    """The JSON-like value with every string in it printable (see `printable`)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_json(k): printable_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [printable_json(v) for v in value]
    return value
