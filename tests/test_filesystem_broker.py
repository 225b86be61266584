"""The embedded broker never hands a worker a message that is still being written."""
from queue import Empty

import pytest
from django.conf import settings
from kombu import Connection

from mapapp.processing import filesystem_broker


@pytest.fixture
def channel(tmp_path):
    folder = tmp_path / "queue"
    folder.mkdir()
    options = {"data_folder_in": str(folder), "data_folder_out": str(folder), "store_processed": False}
    with Connection("filesystem://", transport=filesystem_broker.Transport, transport_options=options) as conn:
        yield conn.default_channel


def test_a_message_being_written_is_not_taken_by_a_worker_polling_meanwhile(channel, monkeypatch):
    polled = []
    write = filesystem_broker.dumps

    def encode_while_a_worker_polls(payload):
        try:
            polled.append(channel._get("celery"))
        except Empty:
            polled.append("nothing yet")
        return write(payload)

    monkeypatch.setattr(filesystem_broker, "dumps", encode_while_a_worker_polls)
    channel._put("celery", {"body": "batch of 25"})
    assert polled == ["nothing yet"]
    assert channel._get("celery") == {"body": "batch of 25"}


def test_every_message_comes_out_whole_once_and_no_partial_file_is_left(channel, tmp_path):
    for number in range(50):
        channel._put("celery", {"n": number})
    assert not list((tmp_path / "queue").glob("*" + filesystem_broker.PARTIAL_SUFFIX))
    assert sorted(channel._get("celery")["n"] for _ in range(50)) == list(range(50))
    with pytest.raises(Empty):
        channel._get("celery")


def test_the_default_broker_uses_it():
    if not settings.CELERY_BROKER_URL.startswith("filesystem://"):
        pytest.skip("about the embedded default broker")
    from celery import current_app

    with current_app.connection_for_write() as connection:
        assert isinstance(connection.default_channel, filesystem_broker.Channel)
