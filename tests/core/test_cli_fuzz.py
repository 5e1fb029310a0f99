"""Random argument lists: the command answers with a result or its own one-line error, never a traceback."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import core.cli as cli
from core.functions import FUNCTIONS
from core.optimizers import OPTIMIZERS
from core.run import Run

HYPERS = sorted({h.name for cls in OPTIMIZERS.values() for h in cls.hypers})
TMP = "<tmp>"  # stands for the test's own folder, filled in per example

NUMBERS = st.one_of(
    st.integers(-20_000, 20_000).map(str),
    st.floats().map(repr),  # nan, inf, -inf, 1e+300, 5e-324 and the rest
    st.floats(-1, 1).map(lambda v: f"{v:.3f}".replace("0.", ".", 1)),  # -.5 as people write it
    st.integers(1, 5000).map(lambda n: "9" * n),
    st.integers(1, 5000).map(lambda n: "-" + "1" * n),
    st.integers(-400, 400).map(lambda e: f"-1e{e}"),
    st.sampled_from(["-inf", "+inf", "nan", "-nan", "-0", "1_000", "1,000", "-1,5", "-1e5", "-.5", "0x10", "1e309",
                     "-1e-3", "", " ", "-", "--", "١٢", "1e4", "Infinity", "-Infinity"]),
)
TEXT = st.one_of(
    st.text(max_size=20).filter(lambda t: not t.startswith("--c")),  # --csv only ever names a file in TMP
    st.integers(1000, 100_000).map(lambda n: "é" * n),
    st.sampled_from(["학습률", "\x00", "a\nb", "\udc80", "=", "lr", "--", "-x", "--bogus", "-h"]),
)
VALUES = st.one_of(NUMBERS, TEXT, st.sampled_from([*FUNCTIONS, *OPTIMIZERS]))
SETTING = st.tuples(st.sampled_from([*HYPERS, "bogus", "", " lr "]), st.sampled_from(["=", "", "=="]), NUMBERS)
FLAGS = st.sampled_from(["--function", "--optimizer", "--start", "--steps", "--decimals", "--tol", "--quiet",
                         "--list", "--help", "-h", "--opt", "--fun", "--st", "--s", "--dec", "--to", "--q"])
CSV = st.sampled_from([f"{TMP}/out.csv", "-", f"{TMP}/missing/x.csv", TMP, f"{TMP}/out.csv/", ""])

WELL_FORMED = st.one_of(
    st.tuples(st.just("--function"), st.one_of(st.sampled_from(list(FUNCTIONS)), TEXT)),
    st.tuples(st.just("--optimizer"), st.one_of(st.sampled_from(list(OPTIMIZERS)), TEXT)),
    st.tuples(st.just("--start"), NUMBERS, NUMBERS),
    st.tuples(st.sampled_from(["--steps", "--decimals", "--tol"]), NUMBERS),
    st.sampled_from([("--quiet",), ("--list",)]),
).map(list)
GROUP = st.one_of(
    WELL_FORMED, WELL_FORMED,
    st.tuples(FLAGS, st.lists(VALUES, max_size=3)).map(lambda g: [g[0], *g[1]]),
    st.tuples(FLAGS, VALUES).map(lambda g: [f"{g[0]}={g[1]}"]),
    SETTING.map(lambda s: ["--set", "".join(s)]),
    SETTING.map(lambda s: ["--set", "".join(s)]),
    CSV.map(lambda path: ["--csv", path]),
    CSV.map(lambda path: [f"--csv={path}"]),
    st.lists(VALUES, min_size=1, max_size=2),
)
ARGV = st.lists(GROUP, max_size=8).map(lambda groups: [token for group in groups for token in group])

DONE = re.compile(r"((converged|diverged) at step \d+|wrote steps 0\.\.\d+ to .*|note: .* not one of them.*)")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=ARGV)
def test_any_argument_list_gets_a_result_or_one_line_of_error(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # a random list may well ask for millions of steps; the parsing is under test here, not the stepping
    advance = Run.advance
    monkeypatch.setattr(Run, "advance", lambda run, n=1: advance(run, max(0, min(n, 500 - run.step))))
    argv = [token.replace(TMP, str(tmp_path)) for token in argv]
    try:
        status = cli.main(argv)
    except SystemExit as exit_:  # as good as a returned status, if it comes with the one line
        status = exit_.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if status == 0:
        assert all(DONE.fullmatch(line) for line in err.splitlines()), err
        return
    assert status in (1, 2) and out == ""
    assert err.startswith("gradstep run: error: ") and err.count("\n") == 1 and err.endswith("\n")
    assert len(err) < 400
    assert ("cannot write" in err) == (status == 1)
