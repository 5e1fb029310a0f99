"""The headless command on consoles and redirections that cannot take every character (cp949, ASCII)."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli_output import ERRORS, ascii_spelling, transliterated

ROOT = Path(__file__).resolve().parents[2]


def _cli(encoding, *args, lang=None):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    if lang is not None:  # the command's language from LANG alone
        env = {key: value for key, value in env.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
        env["LANG"] = lang
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "run", *args], capture_output=True, cwd=ROOT,
                          env=env, timeout=60)


def test_list_in_ascii_spells_every_symbol():
    done = _cli("ascii", "--list")
    assert done.returncode == 0 and done.stderr == b""
    assert max(done.stdout) < 128
    out = done.stdout.decode("ascii")
    for spelled in ("x^2 + y^2 + xy - 4x - 8y",  # the quadratic
                    "p <- p - eta*g",  # SGD
                    "p <- p - eta*g / (sqrt h + eps)",  # AdaGrad
                    "m <- beta1*m + (1-beta1)*g", "lr_t = eta*sqrt(1-beta2^t) / (1-beta1^t)",  # Adam
                    "range 0 < lr <= 100", "range 0 <= beta1 < 1", "range 0 <= gamma < 1"):
        assert spelled in out, spelled


def test_list_in_cp949_keeps_what_cp949_carries():
    done = _cli("cp949", "--list")
    assert done.returncode == 0 and done.stderr == b""
    out = done.stdout.decode("cp949")
    # cp949 has ≤ √ ← · ² β₁ η but no minus sign U+2212 and no modifier letter ᵗ
    assert "m ← β₁·m + (1-β₁)·g" in out and "lr_t = η·√(1-β₂^t) / (1-β₁^t)" in out
    assert "x² + y² + xy - 4x - 8y" in out and "range 0 < lr ≤ 100" in out
    assert "−" not in out and "?" not in out


@pytest.mark.parametrize(("encoding", "expected"), [
    ("ascii", "gradstep run: error: lr = -1 is out of range: need 0 < lr <= 100\n"),
    ("cp949", "gradstep run: error: lr = -1 is out of range: need 0 < lr ≤ 100\n"),
    ("utf-8", "gradstep run: error: lr = -1 is out of range: need 0 < lr ≤ 100\n"),
])
def test_an_error_reads_plainly_in_any_encoding(encoding, expected):
    done = _cli(encoding, "--set", "lr=-1")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode(encoding) == expected


def test_hangul_passes_through_cp949_and_is_spelled_out_in_ascii():
    korean = _cli("cp949", "--function", "학습률")
    assert korean.returncode == 2 and "'학습률'" in korean.stderr.decode("cp949")
    plain = _cli("ascii", "--function", "학습률")
    assert plain.returncode == 2 and b"Traceback" not in plain.stderr and max(plain.stderr) < 128
    assert b"unknown function '???'" in plain.stderr


def test_korean_output_passes_through_cp949_with_ascii_spellings_for_what_cp949_lacks():
    listed = _cli("cp949", "--list", lang="ko_KR.UTF-8")
    assert listed.returncode == 0 and listed.stderr == b""
    out = listed.stdout.decode("cp949")  # strict: every byte is cp949
    assert out.startswith("함수 (--function):\n") and "옵티마이저 (--optimizer)와 하이퍼파라미터" in out
    assert "학습률: 한 번 시행할 때 기울기를 따라 얼마나 멀리 이동하는지" in out
    # the symbols cp949 has stay; the minus sign U+2212 and the modifier letter ᵗ are spelled out
    assert "m ← β₁·m + (1-β₁)·g" in out and "lr_t = η·√(1-β₂^t) / (1-β₁^t)" in out
    assert "기본값 0.01     범위 0 < lr ≤ 100" in out
    assert "−" not in out and "?" not in out
    refused = _cli("cp949", "--set", "lr=-1", lang="ko_KR.UTF-8")
    assert refused.returncode == 2 and refused.stdout == b""
    assert refused.stderr.decode("cp949") == ("gradstep run: 오류: lr = -1: 범위를 벗어났습니다 "
                                              "(허용 범위: 0 < lr ≤ 100)\n")
    converged = _cli("cp949", "--set", "lr=0.5", "--steps", "1000", "--quiet", lang="ko_KR.eucKR")
    assert converged.returncode == 0 and converged.stderr.decode("cp949") == "30회 시행에서 수렴\n"


def test_korean_output_on_an_ascii_console_is_ascii_and_whole():
    refused = _cli("ascii", "--set", "lr=-1", lang="ko_KR.UTF-8")
    assert refused.returncode == 2 and b"Traceback" not in refused.stderr and max(refused.stderr) < 128
    assert refused.stderr.startswith(b"gradstep run: ??: lr = -1: ") and refused.stderr.endswith(b": 0 < lr <= 100)\n")
    assert refused.stderr.count(b"\n") == 1


def test_a_text_stream_writes_what_its_encoding_carries():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp949", errors="strict", newline="")
    with transliterated(stream):
        stream.write("학습률 η ≤ 1, β₂ᵗ − ∇f … ½ × 2\n")
        stream.flush()
        assert stream.errors == ERRORS
    assert stream.errors == "strict"  # restored
    assert raw.getvalue().decode("cp949") == "학습률 η ≤ 1, β₂^t - ∇f … ½ × 2\n"
    ascii_raw = io.BytesIO()
    ascii_stream = io.TextIOWrapper(ascii_raw, encoding="ascii", errors=ERRORS, newline="")
    ascii_stream.write("학습률 η ≤ 1, β₂ᵗ − ∇f … ½ × 2 – μ·γ·ε·π ‖g‖ ³⁴ ← ≥ é α\n")
    ascii_stream.flush()
    assert ascii_raw.getvalue() == (b"??? eta <= 1, beta2^t - grad f ... 1/2 x 2 - mu*gamma*eps*pi |g| ^3^4 <- >= e "
                                    b"alpha\n")


@pytest.mark.parametrize("character", ["\udc80", "\U0001f600", "\u200b", "\x85", "ﬁ"])
def test_any_character_gets_an_ascii_stand_in(character):
    spelled = ascii_spelling(character)
    assert spelled and spelled.isascii() and spelled.isprintable()

