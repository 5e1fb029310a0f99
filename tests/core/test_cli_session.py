"""A saved experiment reruns headless: --save-session, then --session, with overrides."""

from __future__ import annotations

from core.cli import main
from core.lessons import load_session
from core.trajectory_csv import read_csv


def test_a_run_saved_as_a_session_reruns_to_the_same_csv(tmp_path, capsys):
    session, plain, again = tmp_path / "s.gradstep", tmp_path / "plain.csv", tmp_path / "again.csv"
    args = ["--function", "rosenbrock", "--optimizer", "adam", "--set", "lr=0.05", "--start", "-1.2", "1",
            "--steps", "300", "--quiet"]
    assert main([*args, "--csv", str(plain), "--save-session", str(session)]) == 0
    saved = load_session(session)
    assert saved.max_steps == 300 and saved.runs[0].optimizer.values["lr"] == 0.05 and saved.runs[0].name == "Adam"
    assert main(["--session", str(session), "--csv", str(again), "--quiet"]) == 0
    first, second = plain.read_text().splitlines(), again.read_text().splitlines()
    assert first[0] == second[0] and len(first) == len(second) == 302
    assert [line.split(",", 1)[1] for line in first[1:]] == [line.split(",", 1)[1] for line in second[1:]]
    assert second[1].startswith("Adam,adam,rosenbrock,0,")  # the run's name from the session


def test_options_override_the_sessions_and_hidden_runs_stay_at_their_start(tmp_path):
    session = tmp_path / "two.gradstep"
    session.write_text("""{"format": "gradstep-session-1", "session": {"name": "s", "group": "g", "title": "t",
      "description": "", "function": "quadratic", "decimals": 4, "max_steps": 50, "tol": 0.0, "runs": [
      {"name": "SGD", "optimizer": "sgd", "hyperparameters": {"lr": 0.5}, "start": [0, 0]},
      {"name": "Hidden", "optimizer": "momentum", "start": [1, 1], "visible": false}]}}""", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["--session", str(session), "--steps", "3", "--csv", str(out), "--quiet"]) == 0
    runs = {run.label: run for run in read_csv(out)}
    assert runs["SGD"].steps.tolist() == [0, 1, 2, 3] and runs["Hidden"].steps.tolist() == [0]
    assert runs["SGD"].columns["x"].tolist() == [0.0, 2.0, 0.0, 0.5]  # the notes' first table
    assert "v_x" in runs["Hidden"].columns


def test_session_refusals_are_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.gradstep"
    bad.write_text('{"format": "gradstep-session-1", "session": {"name": "s", "function": "__import__"}}',
                   encoding="utf-8")
    assert main(["--session", str(bad)]) == 1
    assert main(["--session", str(tmp_path / "missing.gradstep")]) == 1
    assert main(["--session", str(bad), "--start", "1", "2"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("gradstep run: error: ") for line in errors)
    assert "bad.gradstep" in errors[0] and "missing.gradstep" in errors[1] and "--start" in errors[2]
