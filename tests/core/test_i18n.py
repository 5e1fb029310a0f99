"""The core's texts in Korean and English: choosing the language, translating when a text is shown or
raised, and the headless commands under a Korean locale."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import format_list, main
from core.i18n import available_languages, language, language_from_environment, set_language
from core.optimizers import OPTIMIZERS, SGD, Adam, Lion, Momentum, get_optimizer
from core.run import Stop, StopReason
from core.schedules import SCHEDULES, Schedule
from core.settings import DECIMALS, START, TOL, VIEW
from core.values import InvalidValue

ROOT = Path(__file__).resolve().parents[2]
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def korean_command(*args, lang="ko_KR.UTF-8", encoding="utf-8"):
    """``python main.py ARGS`` with LANG=``lang`` (the other locale variables unset) and its output bytes."""
    env = {key: value for key, value in os.environ.items() if key not in LOCALE_VARIABLES}
    env.update(LANG=lang, PYTHONIOENCODING=encoding)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, cwd=ROOT, env=env,
                          timeout=60)


def test_the_library_is_english_whatever_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("LANGUAGE", "ko")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert language() == "en" and "ko" in available_languages()
    assert str(Stop(StopReason.CONVERGED, 12)) == "converged at step 12"
    assert main(["--set", "lr=-1"]) == 2  # given its arguments, the command does not read the environment
    assert capsys.readouterr().err == "gradstep run: error: lr = -1 is out of range: need 0 < lr ≤ 100\n"


@pytest.mark.parametrize(("code", "expected"), [
    ("ko", "ko"), ("ko_KR", "ko"), ("ko_KR.UTF-8", "ko"), ("ko-KR", "ko"), ("KO", "ko"), ("ko_KR.eucKR", "ko"),
    ("en", "en"), ("en_US.UTF-8", "en"), ("fr_FR", "en"), ("C", "en"), ("", "en"), (None, "en"),
])
def test_set_language_takes_any_spelling_and_falls_back_to_english(code, expected):
    assert set_language(code) == expected
    assert language() == expected


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "ko_KR.UTF-8"}, "ko"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:ko", "LANG": "en_US.UTF-8"}, "ko"),  # a list of preferences: the first one available
    ({"LANGUAGE": "en:ko"}, "en"),
    ({"LANGUAGE": "", "LANG": "ko_KR.eucKR"}, "ko"),  # an empty variable counts as unset
    ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
    ({"LANGUAGE": "C:ko"}, "en"),  # C ends the search, as in gettext
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_environment_chooses_as_gettext_does(environ, expected):
    assert language_from_environment(environ) == expected


def test_a_language_switch_applies_to_every_text_shown_afterwards():
    lr = Momentum.hyper("lr")
    set_language("ko")
    assert (TOL.label_text, Momentum.title_text(), Adam.title_text()) == ("허용 오차", "모멘텀", "Adam")
    assert lr.meaning_text == "학습률: 한 번 시행할 때 기울기를 따라 얼마나 멀리 이동하는지"
    assert Momentum.field_text("v") == ("속도", "속도: 지난 이동들을 점점 줄여 가며 더한 합")
    assert str(Stop(StopReason.CONVERGED, 12)) == "12회 시행에서 수렴"
    assert str(Stop(StopReason.DIVERGED, 3)) == "3회 시행에서 발산"
    assert StopReason.STEP_LIMIT.text == "최대 시행 횟수 도달"
    assert DECIMALS.range_text == "0부터 12까지" and DECIMALS.off_text == "반올림 안 함"
    assert Schedule("cosine", warmup=5).formula.startswith("k ≤ 5일 때 η_k = η·k/5; 그 뒤로는 η_k = η_min")
    set_language("en")
    assert (TOL.label_text, Momentum.title_text(), lr.meaning_text) == ("the tolerance", "Momentum", lr.meaning)
    assert str(Stop(StopReason.CONVERGED, 12)) == "converged at step 12"
    assert lr.meaning == "learning rate: how far one step moves along the gradient"  # the declaration is English


def test_names_symbols_and_numbers_stay_as_they_are():
    set_language("ko")
    lr = SGD.hyper("lr")
    assert (lr.label_text, lr.symbol, lr.range_text) == ("lr", "η", "0 < lr ≤ 100")
    assert SCHEDULES["step"].formula == "η_k = η·γ^⌊(k−1)/step_size⌋"
    korean = format_list()
    set_language("en")
    english = format_list()
    for cls in OPTIMIZERS.values():
        line = f"  {cls.name:<10} {'; '.join(cls.formula)}\n"
        assert line in korean and line in english


@pytest.mark.parametrize(("refuse", "korean"), [
    (lambda: TOL.parse("abc"), "허용 오차: 숫자여야 합니다 (받은 값: 'abc')"),
    (lambda: DECIMALS.parse("13"), "소수 자릿수: 0부터 12까지의 정수여야 합니다 (받은 값: 13)"),
    (lambda: SGD(lr=-1), "lr = -1: 범위를 벗어났습니다 (허용 범위: 0 < lr ≤ 100)"),
    (lambda: START.check("a"), "초기값: 두 수 [x, y]여야 합니다 (받은 값: 'a')"),
    (lambda: START.parse("1", "x"), "초기값 y: 숫자여야 합니다 (받은 값: 'x')"),
    (lambda: VIEW.check([0, 0, 0, 1]), "보기 영역: x_min < x_max, y_min < y_max를 만족해야 합니다"),
    (lambda: get_optimizer("adamz"), "알 수 없는 옵티마이저 'adamz' (선택 가능: sgd, momentum,"),
    (lambda: Momentum.hyper("gamma"), "momentum에 없는 하이퍼파라미터 'gamma' (선택 가능: lr, momentum)"),
    (lambda: Schedule.parse("cosine:t_max=0"), "스케줄 cosine: t_max: 1부터 10,000,000까지의 정수여야 합니다"),
])
def test_refusals_are_translated_when_they_are_raised(refuse, korean):
    set_language("ko")
    with pytest.raises(InvalidValue) as raised:
        refuse()
    assert str(raised.value).startswith(korean)


def test_an_optimizer_explains_itself_in_korean():
    set_language("ko")
    assert Lion.rounding_note() == ("강의 노트식 반올림은 노트에 나오는 옵티마이저 여섯 개에만 적용되므로, 여기에 "
                                    "속하지 않는 Lion의 시행은 언제나 전체 정밀도로 계산합니다.")
    assert Momentum.about_text().startswith("이전 이동의 μ배를 유지하는 속도 v를 더한 경사 하강법입니다.")
    sgd = SGD(lr=0.5)
    assert sgd.derived(sgd.init((0.0, 0.0)), 1)["step_size"] == ("기울기에 곱한 계수: η", (0.5, 0.5))


def test_run_list_speaks_korean_under_a_korean_locale():
    done = korean_command("run", "--list")
    assert done.returncode == 0 and done.stderr == b""
    out = done.stdout.decode("utf-8")
    assert out.startswith("함수 (--function):\n  quadratic        x² + y² + xy − 4x − 8y\n"
                          "                   강의 노트의 이차함수 — 강의 노트의 함수: 둥근 그릇 모양\n"
                          "                   보기 영역 x -4..6, y -1..9; 최소점 (0, 4), f = -16\n")
    assert "\n  saddle           x² − y²\n                   안장 — " in out
    assert "\n옵티마이저 (--optimizer)와 하이퍼파라미터 (--set NAME=VALUE):\n  sgd        p ← p − η·g\n" in out
    assert ("    lr        η   기본값 0.01     범위 0 < lr ≤ 100           "
            "학습률: 한 번 시행할 때 기울기를 따라 얼마나 멀리 이동하는지\n") in out
    assert ("    momentum  μ   기본값 0.9      범위 0 ≤ momentum < 1       "
            "모멘텀: 시행마다 이전 속도(관성)를 남기는 비율\n") in out
    assert "학습률 스케줄 (--schedule NAME:KEY=VALUE,...; k는 1부터 세는 시행 번호):" in out
    assert "    step_size  기본값 10       범위 1부터 10,000,000까지" in out
    assert "최소점 없음" in out and "Functions" not in out and "default" not in out


def test_the_commands_messages_are_korean_under_a_korean_locale(tmp_path):
    refused = korean_command("run", "--set", "lr=-1")
    assert refused.returncode == 2 and refused.stdout == b""
    assert refused.stderr.decode() == "gradstep run: 오류: lr = -1: 범위를 벗어났습니다 (허용 범위: 0 < lr ≤ 100)\n"
    decimals = korean_command("run", "--decimals", "13")
    assert decimals.stderr.decode() == ("gradstep run: 오류: 소수 자릿수: 0부터 12까지의 정수여야 합니다 "
                                        "(받은 값: 13)\n")
    converged = korean_command("run", "--set", "lr=0.5", "--steps", "1000")
    assert converged.returncode == 0 and converged.stderr.decode() == "30회 시행에서 수렴\n"
    assert converged.stdout.decode().splitlines()[0].split() == ["step", "x", "y", "f", "grad_x", "grad_y"]
    target = tmp_path / "궤적.csv"
    written = korean_command("run", "--optimizer", "lion", "--decimals", "4", "--csv", str(target))
    wrote, note = written.stderr.decode().splitlines()
    assert wrote == f"0..10번째 시행을 {target}에 썼습니다"
    assert note.startswith("참고: 강의 노트식 반올림은 노트에 나오는 옵티마이저 여섯 개에만")
    assert "Lion의 시행은" in note
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("run,optimizer,function,step,x,y,f,grad_x,grad_y,m_x,m_y,")  # data, not translated
    sweep = korean_command("sweep", "--count", "0")
    assert sweep.stderr.decode() == ("gradstep sweep: 오류: 학습률 개수: 1부터 10,000까지의 정수여야 합니다 "
                                     "(받은 값: 0)\n")


def test_help_speaks_korean_under_a_korean_locale():
    for command, description in (("run", "2차원 테스트 함수에서 경사 하강법 옵티마이저를"),
                                 ("sweep", "로그 간격으로 놓인 여러 학습률로"),
                                 ("basin", "영역을 덮는 격자의 모든 초기값에서")):
        done = korean_command(command, "--help")
        out = done.stdout.decode()
        assert done.returncode == 0 and out.startswith(f"사용법: gradstep {command} [-h]"), out
        assert description in out and "\n옵션:\n  -h, --help            이 도움말을 보여 주고 끝냅니다\n" in out


@pytest.mark.parametrize("lang", ["C", "C.UTF-8", "en_US.UTF-8", "fr_FR.UTF-8"])
def test_other_locales_get_the_english_output(lang):
    listed = korean_command("run", "--list", lang=lang)
    assert listed.stdout.decode() == format_list() and format_list().startswith("Functions (--function):\n")
    refused = korean_command("run", "--set", "lr=-1", lang=lang)
    assert refused.stderr.decode() == "gradstep run: error: lr = -1 is out of range: need 0 < lr ≤ 100\n"


def test_the_launchers_help_speaks_korean_under_a_korean_locale():
    done = korean_command("--help")
    assert done.returncode == 0 and done.stderr == b""
    out = done.stdout.decode("utf-8")
    assert out.startswith("사용법: gradstep [FILE | run | sweep | basin [옵션] | --help | --version]\n")
    assert "\n  gradstep               데스크톱 앱을 엽니다\n" in out and "desktop" not in out
