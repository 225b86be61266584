"""`manage.py evaluate_dates` prints the scorer's report (no database involved)."""

from io import StringIO

from django.core.management import call_command


def test_the_command_prints_accuracy_per_category_and_failures():
    out = StringIO()
    call_command("evaluate_dates", stdout=out)
    text = out.getvalue()
    assert text.startswith("date accuracy: ")
    assert "split held_out" in text and "\nweekday " in text and "failures (" in text


def test_the_command_filters_by_category():
    out = StringIO()
    call_command("evaluate_dates", category="arabic", stdout=out)
    categories = [line.split()[0] for line in out.getvalue().split("\n\n")[1].splitlines()[1:]]
    assert categories == ["arabic"]
