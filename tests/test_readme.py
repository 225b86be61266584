import re

from tests.conftest import REPO


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.DOTALL).group(1)
    return [line.strip() for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_the_quick_start_has_exactly_two_commands():
    assert len(quick_start_commands()) == 2


def test_ci_runs_the_readme_test_command():
    test_command = quick_start_commands()[1]
    assert f"exec {test_command}" in (REPO / ".ci" / "run").read_text()


def test_make_serve_is_the_production_command_the_readme_names():
    from tests.deploy.readme import PRODUCTION_SECTION, shell_blocks

    assert any("make serve" in block for block in shell_blocks(PRODUCTION_SECTION))
    makefile = (REPO / "Makefile").read_text()
    recipe = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in recipe
    assert "manage.py serve --production" in recipe


def test_the_production_section_names_gunicorn_collectstatic_and_the_https_settings():
    from tests.deploy.readme import PRODUCTION_SECTION, section

    text = section(PRODUCTION_SECTION)
    for needed in ("gunicorn", "collectstatic --noinput", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
                   "SECURE_PROXY_SSL_HEADER", "check --deploy", "compose.yaml", "axes_reset_username"):
        assert needed in text, needed
