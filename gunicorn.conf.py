"""gunicorn's settings, read from the current directory by every `gunicorn
config.wsgi:application` started in the repository: the README's, `make serve`'s, Docker's.
Processes: WEB_CONCURRENCY (gunicorn reads it itself)."""

# gunicorn 27 opens a control socket in ~/.gunicorn/ by default: one path per user, so two
# servers on a host would take it from each other, and the image's user has no writable
# home. Nothing here uses it.
control_socket_disable = True
# One line per request on stdout, beside the app's log.
accesslog = "-"
