"""deploy/: systemd units verified by systemd-analyze, the compose file, the example
environment against what Settings reads, and the image's entry point run outside Docker."""

from __future__ import annotations

import configparser
import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
VENV_BIN = ROOT / ".venv" / "bin"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
# Read by the metrics endpoint once Settings carries it (see deploy/GUIDE.md, Metrics).
METRICS_PORT = "ASSISTANT_METRICS_PORT"


def settings_variables() -> set[str]:
    """Every variable assistant/settings.py reads, with the *_FILE form of each secret."""
    source = (ROOT / "assistant" / "settings.py").read_text()
    names = set(re.findall(r'"(ASSISTANT_[A-Z0-9_]+)"', source))
    secrets = re.findall(r'read_secret\(env, "(ASSISTANT_[A-Z0-9_]+)"\)', source)
    return names | {f"{name}_FILE" for name in secrets}


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path)
    return parser


def test_units_exist_for_each_process() -> None:
    assert [u.name for u in UNITS] == ["assistant-run.service", "assistant-scheduler.service",
                                       "assistant-watch.service", "assistant-worker@.service"]


@pytest.mark.parametrize("unit", UNITS, ids=lambda p: p.name)
def test_unit_runs_an_assistant_command_as_a_service_user(unit: Path) -> None:
    service = _unit(unit)["Service"]
    program, *args = shlex.split(service["ExecStart"])
    assert program.endswith("/.venv/bin/assistant")
    assert args and args[0] in main.commands
    assert service["User"] not in ("", "root")
    assert service["EnvironmentFile"] == "/etc/assistant/assistant.env"
    assert service["KillSignal"] == "SIGTERM"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_analyze_verify(tmp_path: Path) -> None:
    # Given the units with ExecStart pointing at this checkout's assistant
    for unit in UNITS:
        text = unit.read_text().replace("/opt/assistant/.venv/bin/assistant",
                                        str(VENV_BIN / "assistant"))
        (tmp_path / unit.name).write_text(text)
    shutil.copy(tmp_path / "assistant-worker@.service", tmp_path / "assistant-worker@1.service")
    names = [p.name for p in sorted(tmp_path.glob("*.service")) if not p.name.endswith("@.service")]
    # When systemd verifies them
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", *names], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    # Then it finds nothing to say: no unknown key, no missing executable
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


def test_compose_services() -> None:
    data = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = data["services"]
    assert set(services) == {"postgres", "redis", "migrate", "watch", "scheduler", "worker"}
    for name in ("migrate", "watch", "scheduler", "worker"):
        service = services[name]
        assert service["command"][0] in main.commands
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
        assert set(service["environment"]) <= settings_variables()
    assert services["worker"]["deploy"]["replicas"] >= 2
    assert services["watch"]["depends_on"]["migrate"]["condition"] == \
        "service_completed_successfully"
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}


def _example_names() -> list[str]:
    text = (DEPLOY / "assistant.env.example").read_text()
    return re.findall(r"^#? ?(ASSISTANT_[A-Z0-9_]+)=", text, flags=re.MULTILINE)


def test_example_env_names_exactly_what_settings_reads() -> None:
    names = _example_names()
    assert len(names) == len(set(names))
    assert set(names) == settings_variables() | {METRICS_PORT}


def test_example_env_loads_into_settings() -> None:
    # Given the example file read by a POSIX shell, as systemd and compose read it
    out = subprocess.run(["sh", "-c", f"set -a; . '{DEPLOY / 'assistant.env.example'}'; "
                          "env -0"], capture_output=True, check=True, env={}).stdout
    env = dict(i.split("=", 1) for i in out.decode().split("\0") if i.startswith("ASSISTANT_"))
    # Then Settings builds from it
    settings = Settings.from_env(env)
    assert settings.redis_url == "redis://localhost:6379/0"
    assert settings.inbox_url.startswith("imaps://assistant%40example.com@")


def _dockerfile_instruction(name: str) -> list[str]:
    text = (DEPLOY / "Dockerfile").read_text()
    match = re.search(rf"^{name} (\[.*\])$", text, flags=re.MULTILINE)
    assert match, name
    return list(json.loads(match.group(1)))


def test_dockerfile_basics() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert text.splitlines()[3] == "FROM python:3.11-slim"
    assert "RUN pip install ." in text
    users = re.findall(r"^USER (\S+)$", text, flags=re.MULTILINE)
    assert users and users[-1] not in ("root", "0")


def test_image_entrypoint_runs_outside_docker() -> None:
    # Given the image's ENTRYPOINT and CMD
    entrypoint = _dockerfile_instruction("ENTRYPOINT")
    command = _dockerfile_instruction("CMD")
    # When the entry point runs from this checkout's virtualenv
    result = subprocess.run([str(VENV_BIN / entrypoint[0]), *entrypoint[1:], "--help"],
                            capture_output=True, text=True, timeout=60)
    # Then it answers, and the default command is one of its commands
    assert result.returncode == 0, result.stderr
    assert command[0] in main.commands
    for name in ("run", "watch", "worker", "scheduler", "doctor", "init"):
        assert f"  {name} " in result.stdout
