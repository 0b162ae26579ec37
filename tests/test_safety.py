"""Safety: no network use, no code run from data, no half-written output files."""

from __future__ import annotations

import ast
import contextlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus

import skillgap

SRC = Path(skillgap.__file__).resolve().parent
RESUME = CORPUS / "resumes" / "pdf" / "awesome-cv_resume.pdf"
JOB = CORPUS / "jobs" / "pomerium_backend-engineer.txt"

# Every way out to the network raises before skillgap is even imported.
NO_NETWORK = """
import socket, sys
def refuse(*args, **kwargs):
    raise SystemExit("network use: " + repr(args)[:200])
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = socket.gethostbyname = refuse
from skillgap.cli import main
sys.argv = ["skillgap"] + sys.argv[1:]
main()
"""


@needs_corpus
@pytest.mark.parametrize("command", [["compare"], ["rank", "--jobs", "2"]])
def test_safety_no_network_at_import_or_run_time(command: list[str], tmp_path: Path) -> None:
    files = [str(JOB), str(RESUME)] if command[0] == "rank" else [str(RESUME), str(JOB)]
    done = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, *command, *files, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "network use" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert '"score"' in done.stdout


# Calls that would run code or fetch data named by an input or a taxonomy file.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "system", "popen", "loads", "load",
                   "urlopen", "import_module"}  # fmt: skip
ALLOWED = {("json", "loads"), ("tomllib", "loads"), ("re", "compile"), ("json", "load")}


def _calls(tree: ast.AST) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                found.append(("", func.id))
            elif isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else "?"
                found.append((owner, func.attr))
    return found


@pytest.mark.parametrize("module", sorted(SRC.glob("*.py")), ids=lambda p: p.name)
def test_safety_no_code_execution_from_data(module: Path) -> None:
    """Taxonomy files are TOML and inputs are text: nothing evaluates, unpickles or imports them."""
    calls = _calls(ast.parse(module.read_text(encoding="utf-8")))
    risky = [f"{o}.{n}" for o, n in calls if n in FORBIDDEN_CALLS and (o, n) not in ALLOWED]
    risky = [call for call in risky if not call.startswith(("?.", "spacy."))]
    assert not risky, f"{module.name} calls {risky}"


def test_safety_taxonomy_text_is_data_not_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    (tmp_path / "custom.toml").write_text(
        'title = "Custom"\n[[skills]]\n'
        f'id = "payload"\nname = "Payload"\ncategory = "languages"\naliases = ["{payload}"]\n',
        encoding="utf-8",
    )
    with contextlib.suppress(skillgap.SkillgapError):  # a schema complaint is fine
        skillgap.Taxonomy.from_path(tmp_path)
    text = f"Skills: {payload}\n{{{{7*7}}}} ${{jndi:ldap://x}} <script>{payload}</script>"
    skillgap.extract(text)
    assert not marker.exists()


def test_safety_output_is_written_atomically(tmp_path: Path) -> None:
    """A failed write leaves the previous report whole and no temporary file behind."""
    from skillgap.files import write_atomic

    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")
    write_atomic(target, "new report\n")
    assert target.read_text(encoding="utf-8") == "new report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    missing = tmp_path / "no-such-folder" / "report.json"
    with pytest.raises(skillgap.SkillgapError, match="cannot write output"):
        write_atomic(missing, "x")
    assert target.read_text(encoding="utf-8") == "new report\n"
