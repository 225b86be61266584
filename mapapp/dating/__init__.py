"""Dates of the events that passages of a news article talk about.

Plain Python, no Django: expressions are found with cheap regular expressions,
parsed by dateparser against the publication date, and the governing one is
picked per passage (see ``governing``).
"""

from mapapp.dating.event_date import EventDate
from mapapp.dating.governing import date_passages

__all__ = ["EventDate", "date_passages"]
