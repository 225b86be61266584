"""The embedded default broker: kombu's filesystem transport, with one change: a message
file appears in the queue folder only once it is complete.

kombu writes a message by opening the file under its final name and then writing into it.
A worker polling the folder in between takes the still-empty file, cannot decode it, and
the message is gone: its articles wait for the sweep. Seen here with two workers on a busy
machine (a batch of 25 articles left pending). Writing under a temporary name that no
reader looks for, then renaming it into place (atomic on one filesystem), closes that gap.
Selected by CELERY_BROKER_TRANSPORT in the settings whenever the broker is `filesystem://`.
"""
from __future__ import annotations

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

# Readers take only files named "<anything>.<queue>.msg"; this suffix hides a file from them.
PARTIAL_SUFFIX = ".part"


class Channel(filesystem.Channel):
    def _put(self, queue: str, payload: dict, **kwargs) -> None:
        """Put a message on `queue`: written whole under a hidden name, then renamed."""
        # The same name as kombu gives it (a millisecond prefix: roughly oldest first).
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = final + PARTIAL_SUFFIX
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
