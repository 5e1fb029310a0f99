"""Where ``--csv`` writes: devices and FIFOs in place, links followed, no temporary file left behind."""

import csv
import fcntl
import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.atomic import part_path
from core.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _device(tmp_path: Path, name: str) -> Path:
    """A character device like /dev/<name>: a node of our own in tmp_path where we may make one (as root,
    the case where a rename over it succeeds and would destroy it), else the system's own (which no one
    else can replace, so a failing test cannot break the machine)."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.stat(f"/dev/{name}").st_rdev)
    except PermissionError:
        return Path(f"/dev/{name}")
    return node


def _wait_until(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _three_steps(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["step"] for r in rows] == ["0", "1", "2", "3"]
    # SGD with lr 0.01 on x² + y² + xy − 4x − 8y from (0, 0): the gradient there is (-4, -8)
    assert (float(rows[1]["x"]), float(rows[1]["y"])) == (0.01 * 4, 0.01 * 8)


def test_a_null_device_stays_a_device(tmp_path, capsys):
    null = _device(tmp_path, "null")
    assert main(["--steps", "3", "--csv", str(null)]) == 0
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert "wrote steps 0..3" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) in ([], ["null"])


def test_a_full_device_is_a_one_line_error(tmp_path, capsys):
    full = _device(tmp_path, "full")
    assert main(["--steps", "3", "--csv", str(full)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"gradstep run: error: cannot write {full}: no space left on device\n"
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_a_fifo_is_written_in_place_for_its_reader(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    assert main(["--steps", "3", "--csv", str(fifo), "--quiet"]) == 0
    reader.join(timeout=60)
    assert received, "the reader got nothing"
    _three_steps(received[0])
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(tmp_path) == ["pipe"]


def test_a_link_is_followed_and_stays_a_link(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "links").mkdir()
    real = tmp_path / "data" / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "links" / "link.csv"
    link.symlink_to(real)
    assert main(["--steps", "3", "--csv", str(link), "--quiet"]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    _three_steps(real.read_text(encoding="utf-8"))
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # replaced, with the permissions it had
    assert os.listdir(tmp_path / "links") == ["link.csv"] and os.listdir(tmp_path / "data") == ["real.csv"]


def test_a_dangling_link_gets_its_file(tmp_path, capsys):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    assert main(["--steps", "3", "--csv", str(link), "--quiet"]) == 0
    assert link.is_symlink()
    _three_steps((tmp_path / "new.csv").read_text(encoding="utf-8"))


def test_leftovers_of_a_killed_export_are_removed_by_the_next(tmp_path, capsys):
    target = tmp_path / "out.csv"
    part_path(target).write_text("half a file", encoding="utf-8")
    (tmp_path / ".out.csv.k2_x9abq.part").write_text("left by an earlier version", encoding="utf-8")
    (tmp_path / ".other.csv.gradstep-part").write_text("another target's", encoding="utf-8")
    assert main(["--steps", "3", "--csv", str(target), "--quiet"]) == 0
    _three_steps(target.read_text(encoding="utf-8"))
    assert sorted(os.listdir(tmp_path)) == [".other.csv.gradstep-part", "out.csv"]


def test_an_export_under_way_is_left_alone(tmp_path, capsys):
    target = tmp_path / "out.csv"
    with open(part_path(target), "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a live export holds it
        assert main(["--steps", "3", "--csv", str(target)]) == 1
        err = capsys.readouterr().err
        assert err == f"gradstep run: error: cannot write {target}: another export to it is under way\n"
        assert part_path(target).exists() and not target.exists()
    assert main(["--steps", "3", "--csv", str(target), "--quiet"]) == 0
    assert os.listdir(tmp_path) == ["out.csv"]


def test_an_export_killed_mid_write_leaves_nothing_after_the_next(tmp_path):
    target = tmp_path / "out.csv"
    part = part_path(target)
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run", "--steps", "10000000", "--tol", "0",
                              "--csv", str(target)], cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        _wait_until(lambda: part.exists() and part.stat().st_size > 1_000_000)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert part.exists() and not target.exists()  # what SIGKILL leaves
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--steps", "3", "--csv", str(target)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == f"wrote steps 0..3 to {target}\n"
    _three_steps(target.read_text(encoding="utf-8"))
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_name_near_the_limit_still_gets_a_temporary_file(tmp_path, capsys):
    target = tmp_path / ("n" * 250 + ".csv")  # 254 bytes: the temporary file cannot add to it
    assert main(["--steps", "3", "--csv", str(target), "--quiet"]) == 0
    _three_steps(target.read_text(encoding="utf-8"))
    assert os.listdir(tmp_path) == [target.name]


@pytest.mark.parametrize(("name", "message"), [
    ("n" * 300, "file name too long"),
    ("", "cannot write a file with an empty name"),
    ("out.csv/", "a name ending in / names a folder"),
])
def test_a_name_that_names_no_file_is_one_line_from_the_command(tmp_path, name, message):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--csv", name], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("gradstep run: error: cannot write ") and done.stderr.count("\n") == 1
    assert message in done.stderr.lower() and len(done.stderr) < 200
    assert os.listdir(tmp_path) == []
