"""The test functions and typed-in functions in Korean: titles, notes, and every refusal of a typed formula
translated when it is raised, with the column it had in English."""

import json

import pytest

from core.cli import main
from core.expression import ExpressionError, parse_function
from core.functions import FUNCTIONS, get_function
from core.i18n import set_language
from core.lessons import saved_session_texts
from core.values import InvalidValue

from .test_i18n import korean_command

NAMES = ", ".join(FUNCTIONS)


def test_the_built_in_functions_titles_and_notes_are_korean():
    set_language("ko")
    assert FUNCTIONS["quadratic"].title_text() == "강의 노트의 이차함수"
    assert FUNCTIONS["saddle"].title_text() == "안장"
    assert FUNCTIONS["ill-conditioned"].title_text() == "조건이 나쁜 이차함수"
    assert FUNCTIONS["six-hump-camel"].title_text() == "Six-hump camel (육봉 낙타)"
    assert FUNCTIONS["rosenbrock"].title_text() == "Rosenbrock"  # a name stays as it is
    assert FUNCTIONS["goldstein-price"].title_text() == "Goldstein–Price"
    assert FUNCTIONS["rosenbrock"].note_text() == "길게 휜 골짜기: 들어가기는 쉽지만 따라가기는 느림"
    assert FUNCTIONS["himmelblau"].note_text() == "높이가 같은 최소점 네 개: 어느 최소점에 도달할지는 초기값에 달림"
    assert FUNCTIONS["ill-conditioned"].note_text() == ("y 방향의 곡률이 x 방향보다 20배 큼: 기본 경사 하강법은 "
                                                        "지그재그로 움직임")
    for fn in FUNCTIONS.values():  # every note is translated
        assert fn.note_text() != fn.note and any("가" <= c <= "힣" for c in fn.note_text()), fn.name
    # the declarations stay English: a switch back shows them as they were
    assert FUNCTIONS["saddle"].title == "Saddle"
    set_language("en")
    assert [fn.title_text() for fn in FUNCTIONS.values()] == [fn.title for fn in FUNCTIONS.values()]
    assert [fn.note_text() for fn in FUNCTIONS.values()] == [fn.note for fn in FUNCTIONS.values()]
    assert FUNCTIONS["saddle"].note_text() == ("no minimum: a saddle point at (0, 0) that slow methods linger at, "
                                               "then escape")


def test_a_typed_in_function_keeps_its_formula_and_translates_only_its_notes_words():
    fn = get_function("expr:x^2 + 3*y^2")
    set_language("ko")
    assert get_function("expr:x^2 + 3*y^2") is fn  # the same cached object, read in another language
    assert fn.title_text() == fn.title == "x^2 + 3*y^2"
    assert fn.note_text() == "직접 입력한 함수; ∂f/∂x = 2·x, ∂f/∂y = 6·y"
    assert fn.note == "typed in; ∂f/∂x = 2·x, ∂f/∂y = 6·y"  # the data stays English
    set_language("en")
    assert fn.note_text() == "typed in; ∂f/∂x = 2·x, ∂f/∂y = 6·y"


def test_an_unknown_function_is_refused_in_korean_with_the_names_to_choose_from():
    set_language("ko")
    with pytest.raises(InvalidValue) as raised:
        get_function("nope")
    assert str(raised.value) == f"알 수 없는 함수 'nope' (선택 가능: {NAMES})"
    assert "rosenbrock, beale" in NAMES
    set_language("en")
    with pytest.raises(InvalidValue) as raised:
        get_function("nope")
    assert str(raised.value) == f"unknown function 'nope' (choose from {NAMES})"


KOREAN_REFUSALS = [  # text, its refusal in Korean, the column (as in English)
    ("((x)", "1번째 열의 '(': 닫는 괄호가 없습니다", 1),
    ("x)", "2번째 열의 ')': 짝이 되는 '('가 없습니다", 2),
    ("x + foo", "5번째 열의 'foo': 알 수 없는 이름입니다. 수식에는 수, x, y, pi, e, + - * / ^ ( ), 그리고 sin, "
                "cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, arctan만 쓸 수 있습니다", 5),
    ("Sin(x)", "1번째 열의 'Sin': 알 수 없는 이름입니다. 이름은 소문자로 씁니다. sin처럼 쓰세요", 1),
    ("05*x", "1번째 열의 '05': 정수는 0으로 시작하지 않습니다. 5처럼 쓰세요", 1),
    ("x^2 + 2x", "8번째 열: 곱셈 기호 *가 빠졌습니다. 2*x처럼 쓰세요", 8),
    ("sin^2(x)", "1번째 열의 sin: 인수를 괄호 안에 써야 합니다. sin^2(x)가 아니라 sin(x)^2처럼 쓰세요", 1),
    ("x − y", "3번째 열의 '−' (MINUS SIGN): 쓸 수 없는 문자입니다. 대신 -을(를) 입력하세요", 3),
    ("x % y", "3번째 열의 '%': 쓸 수 없는 문자입니다. 나눗셈에는 /를 쓰세요", 3),
    ("x +", "함수가 너무 일찍 끝납니다. 3번째 열의 '+' 뒤에 무언가가 더 있어야 합니다", 3),
    ("x/(x-x)", "4번째 열의 'x-x': 값이 0이라 나눌 수 없습니다", 4),
    ("x**10**100", "4번째 열의 '10**100': 지수가 너무 큽니다. 상수 지수는 -100부터 100까지여야 합니다", 4),
    ("x // y", "3번째 열의 '//': 수식에 없는 연산자입니다. + - * / ^ 중 하나를 쓰세요", 3),
    ("   ", "x와 y의 함수를 입력하세요. 예: x^2 + 3*y^2", None),
    ("x" * 600, "함수가 600자입니다. 최대 500자까지 쓸 수 있습니다", None),
]


@pytest.mark.parametrize(("text", "korean", "column"), KOREAN_REFUSALS, ids=[r[0][:12] for r in KOREAN_REFUSALS])
def test_a_typed_formula_is_refused_in_korean_at_the_same_column(text, korean, column):
    with pytest.raises(ExpressionError) as english:
        parse_function(text)
    set_language("ko")
    with pytest.raises(ExpressionError) as raised:
        parse_function(text)
    assert str(raised.value) == korean
    assert raised.value.column == english.value.column == column
    if column is not None:
        assert f"column {column}" in str(english.value) and f"{column}번째 열" in korean


def test_a_saved_sessions_texts_are_in_the_language_in_use():
    saddle = FUNCTIONS["saddle"]
    assert saved_session_texts(saddle, 1) == ("Sessions", "Saved session", "1 run on Saddle")
    assert saved_session_texts(FUNCTIONS["rosenbrock"], 3) == ("Sessions", "Saved session", "3 runs on Rosenbrock")
    set_language("ko")
    assert saved_session_texts(saddle, 1) == ("세션", "저장한 세션", "안장에서 실행 1개")
    assert saved_session_texts(get_function("expr:x^2 + y"), 2)[2] == "x^2 + y에서 실행 2개"


def test_save_session_writes_the_english_texts_under_english(tmp_path):
    path = tmp_path / "s.gradstep"
    assert main(["--function", "saddle", "--save-session", str(path), "--quiet"]) == 0
    body = json.loads(path.read_text(encoding="utf-8"))["session"]
    assert (body["group"], body["title"], body["description"]) == ("Sessions", "Saved session", "1 run on Saddle")


def test_the_command_speaks_korean_about_functions_under_a_korean_locale(tmp_path):
    refused = korean_command("run", "--function", "nope")
    assert refused.returncode == 2 and refused.stdout == b""
    assert refused.stderr.decode() == f"gradstep run: 오류: 알 수 없는 함수 'nope' (선택 가능: {NAMES})\n"
    typed = korean_command("run", "--function", "expr:x^2 + 2x")
    assert typed.returncode == 2
    assert typed.stderr.decode() == "gradstep run: 오류: 8번째 열: 곱셈 기호 *가 빠졌습니다. 2*x처럼 쓰세요\n"
    path = tmp_path / "세션.gradstep"
    saved = korean_command("run", "--function", "ill-conditioned", "--save-session", str(path), "--quiet")
    assert saved.returncode == 0, saved.stderr.decode()
    body = json.loads(path.read_text(encoding="utf-8"))["session"]
    texts = (body["group"], body["title"], body["description"])
    assert texts == ("세션", "저장한 세션", "조건이 나쁜 이차함수에서 실행 1개")
    assert body["function"] == "ill-conditioned" and body["runs"][0]["name"] == "SGD"  # names are data as declared
