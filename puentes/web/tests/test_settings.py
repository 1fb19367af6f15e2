"""Settings come only from the environment, strictly parsed; production is checked."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PUENTES_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_production_configuration_passes_check_deploy(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PUENTES_SECRET_KEY="k" * 20 + "-production-secret-key-with-enough-entropy-1234567890",
        PUENTES_HTTPS="true",
        PUENTES_ALLOWED_HOSTS="puentes.example.org",
        PUENTES_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unsafe_configuration_fails_check_deploy(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PUENTES_DEBUG="true",
        PUENTES_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0


def test_unparseable_values_stop_the_start_naming_the_variable(tmp_path):
    for name, value in [
        ("PUENTES_DEBUG", "maybe"),
        ("PUENTES_SESSION_IDLE_MINUTES", "ten"),
        ("PUENTES_DATABASE_URL", "mysql://x/y"),
        ("PUENTES_SECRET_KEY", "short"),
    ]:
        result = _manage("check", **{name: value, "PUENTES_VAR_DIR": str(tmp_path)})
        assert result.returncode != 0
        assert name in result.stderr, (name, result.stderr[-500:])


def test_without_a_secret_key_one_is_generated_once_and_kept_private(tmp_path):
    assert _manage("check", PUENTES_VAR_DIR=str(tmp_path)).returncode == 0
    key_file = tmp_path / "secret_key"
    first = key_file.read_text()
    assert len(first) >= 50 and oct(key_file.stat().st_mode)[-3:] == "600"
    _manage("check", PUENTES_VAR_DIR=str(tmp_path))
    assert key_file.read_text() == first
