"""Login throttling (django-axes) on the admin's real login form: five wrong passwords
for one account from one address lock that pair out, even for the right password, until
the cool-off has passed or an operator resets it."""
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

PASSWORD = "the-right-Password-9"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)


def log_in(client, password: str):
    return client.post("/admin/login/?next=/admin/",
                       {"username": "chief", "password": password})


def is_signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail_until_locked_out(client) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert not is_signed_in(log_in(client, "wrong-guess"))


def test_the_right_password_works_before_any_failure(client, admin_user):
    assert is_signed_in(log_in(client, PASSWORD))


def test_five_wrong_passwords_lock_the_right_one_out(client, admin_user):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail_until_locked_out(client)
    refused = log_in(client, PASSWORD)
    assert not is_signed_in(refused)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_four_wrong_passwords_do_not_lock_out(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong-guess")
    assert is_signed_in(log_in(client, PASSWORD))


def test_the_lockout_is_for_that_account_only(client, admin_user):
    get_user_model().objects.create_superuser("deputy", "deputy@example.org", PASSWORD)
    fail_until_locked_out(client)
    response = client.post("/admin/login/?next=/admin/", {"username": "deputy", "password": PASSWORD})
    assert is_signed_in(response)


def test_the_right_password_works_again_after_the_cool_off(client, admin_user):
    fail_until_locked_out(client)
    assert not is_signed_in(log_in(client, PASSWORD))
    # Let the cool-off pass: the failures are recorded as older than it.
    cool_off = timedelta(hours=settings.AXES_COOLOFF_TIME)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= cool_off + timedelta(minutes=1)
        attempt.save()
    assert is_signed_in(log_in(client, PASSWORD))


def test_an_operator_reset_lifts_the_lockout(client, admin_user):
    fail_until_locked_out(client)
    assert not is_signed_in(log_in(client, PASSWORD))
    call_command("axes_reset_username", "chief")
    assert is_signed_in(log_in(client, PASSWORD))
