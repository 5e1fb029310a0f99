"""The transport's logic without Qt: lockstep, replay, the step on view, stopping, cutting history."""

import numpy as np

from core.functions import get_function
from core.optimizers import SGD, Adam, Momentum
from core.playback import Options, Playback, RunSetup
from core.run import Run, StopReason

QUAD = get_function("quadratic")


def _playback(*optimizers, decimals=4, max_steps=1000, tol=1e-8):
    playback = Playback(QUAD, Options(decimals, max_steps, tol))
    playback.load(QUAD, playback.options, [RunSetup(i, f"run{i}", opt, (0.0, 0.0)) for i, opt in enumerate(optimizers)])
    return playback


def _alone(optimizer, steps, decimals=4):
    run = Run(QUAD, optimizer, (0.0, 0.0), decimals=decimals, max_steps=1000)
    run.advance(steps)
    return run.history.array()


def test_step_computes_only_past_the_newest_and_replays_before_it():
    playback = _playback(SGD(lr=0.1), Momentum(lr=0.1))
    assert playback.advance(10) == 10 and playback.view == 10
    blocks = [run.history.publish().column("x") for run in playback.runs.values()]
    playback.set_view(4)
    assert playback.advance(1) == 1 and playback.view == 5
    for run, block in zip(playback.runs.values(), blocks, strict=True):
        assert run.step == 10  # nothing recomputed, nothing dropped
        assert np.shares_memory(run.history.publish().column("x"), block)
    assert playback.advance(6) == 6 and playback.view == 11
    assert all(run.step == 11 for run in playback.runs.values())
    assert np.array_equal(playback.runs[1].history.array(), _alone(Momentum(lr=0.1), 11))


def test_step_back_discards_nothing():
    playback = _playback(Adam(lr=0.9))
    playback.advance(6)
    for _ in range(3):
        assert playback.step_back()
    assert playback.view == 3 and playback.runs[0].step == 6
    playback.set_view(0)
    assert not playback.step_back()


def test_a_changed_hyperparameter_at_an_earlier_step_cuts_there_and_applies_from_there():
    playback = _playback(SGD(lr=0.5))
    playback.advance(6)
    playback.set_view(2)
    playback.configure(0, optimizer=SGD(lr=0.25))
    run = playback.runs[0]
    assert run.step == 2 and playback.view == 2
    playback.advance(1)
    before, after = run.history.row(2), run.history.row(3)
    assert after["x"] == before["x"] - 0.25 * before["grad_x"]


def test_a_restarted_run_brings_the_view_to_zero_and_the_others_replay():
    playback = _playback(SGD(lr=0.1), Momentum(lr=0.1))
    playback.advance(8)
    playback.configure(1, optimizer=Adam(lr=0.1))
    assert playback.view == 0 and playback.runs[0].step == 8 and playback.runs[1].step == 0
    playback.advance(8)
    assert playback.runs[0].step == 8 and playback.runs[1].step == 8  # lockstep again
    assert np.array_equal(playback.runs[1].history.array(), _alone(Adam(lr=0.1), 8))


def test_a_hidden_run_waits_and_catches_up_when_shown():
    playback = _playback(SGD(lr=0.1), Momentum(lr=0.1))
    playback.advance(3)
    playback.set_visible(1, False)
    playback.advance(4)
    assert (playback.runs[0].step, playback.runs[1].step) == (7, 3)
    playback.set_visible(1, True)
    assert playback.runs[1].step == 7
    assert np.array_equal(playback.runs[1].history.array(), _alone(Momentum(lr=0.1), 7))


def test_nothing_moves_once_every_shown_run_has_stopped_and_its_end_is_on_view():
    playback = _playback(SGD(lr=0.5), max_steps=50)  # with rounding SGD converges in a dozen steps
    moved = playback.advance(1000)
    run = playback.runs[0]
    assert run.stop.reason is StopReason.CONVERGED and playback.view == run.step == moved
    assert not playback.can_move() and playback.advance(5) == 0
    playback.set_view(3)
    assert playback.can_move()  # the recorded steps can still be replayed


def test_continue_here_cuts_every_shown_run_at_the_view():
    playback = _playback(SGD(lr=0.1), Momentum(lr=0.1))
    playback.advance(9)
    playback.set_view(4)
    playback.continue_here()
    assert [run.step for run in playback.runs.values()] == [4, 4]


def test_a_new_rounding_applies_from_the_step_on_view():
    playback = _playback(SGD(lr=0.5), decimals=None)
    playback.advance(5)
    playback.set_view(2)
    playback.set_options(Options(4, 1000, 1e-8))
    run = playback.runs[0]
    assert run.step == 2 and run.decimals == 4
    assert run.history.row(2)["grad_x"] == round(run.history.row(2)["grad_x"], 4)


def test_a_memento_brings_every_run_back_with_its_steps_and_shares_them():
    playback = _playback(SGD(lr=0.1), Adam(lr=0.1))
    playback.advance(12)
    saved = playback.memento()
    before = {i: run.history.array() for i, run in playback.runs.items()}
    playback.set_view(5)
    playback.configure(0, optimizer=SGD(lr=0.3))  # cuts run 0 at 5
    playback.configure(1, optimizer=Momentum())  # restarts run 1
    playback.advance(20)
    playback.restore(saved)
    assert playback.view == 12
    for i, run in playback.runs.items():
        assert np.array_equal(run.history.array(), before[i])
    # and they go on exactly as they would have
    playback.advance(3)
    assert np.array_equal(playback.runs[1].history.array(), _alone(Adam(lr=0.1), 15))
    assert np.array_equal(saved[2][1]["history"].array(), before[1])  # the memento itself is untouched
