"""`manage.py check --deploy` finds nothing under the production environment the README
documents: every security setting Django knows of is on, none silenced."""
import os
import secrets
import subprocess
import sys

from tests.conftest import REPO
from tests.deploy.readme import scale_out_block


def documented_production_environment() -> dict[str, str]:
    """The README's exports, with a real key in place of its `...`."""
    documented = {name: line.text for name, line in scale_out_block().environment.items()}
    assert documented["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert documented["SECRET_KEY"] == "..."
    documented["SECRET_KEY"] = secrets.token_urlsafe(50)
    return documented


def test_check_deploy_is_clean_under_the_documented_production_environment():
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("SECURE_", "DJANGO_", "AXES_"))
                   and k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")}
    environment.update(documented_production_environment())
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            check=False,
                            cwd=REPO, env=environment, capture_output=True, text=True, timeout=120)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_readme_production_steps_collect_the_static_files_and_name_gunicorn():
    block = scale_out_block()
    assert block.command_running("collectstatic").text.endswith("manage.py collectstatic --noinput")
    assert "config.wsgi:application" in block.command_running("gunicorn").text
