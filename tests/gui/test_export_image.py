"""File ▸ Export image: the plot as the class sees it, with title and legend, at a chosen size; PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from gui import export_dialogs
from gui.export_dialogs import MAX_SIDE, ImageSizeDialog
from gui.exporters import rgb_array
from gui.slide import SLIDE_POINTS, screen_size, slide_size
from gui.svg_document import slide_svg

from .conftest import wait_steps
from .export_support import answer_save_dialog, colour_near, record_slides


@pytest.fixture
def slides(monkeypatch):
    return record_slides(monkeypatch)


def _export(qtbot, window, monkeypatch, path, size, steps: int = 3, choose: int = 0):
    for _ in range(steps):
        window.action_step.trigger()
    wait_steps(qtbot, window, steps)
    monkeypatch.setattr(export_dialogs, "ask_image_size", lambda win: size)
    asked = answer_save_dialog(monkeypatch, path, choose)
    window.action_export_image.trigger()
    return asked


def test_a_png_has_the_size_asked_for_the_title_and_the_run_at_its_point(qtbot, window, tmp_path, monkeypatch,
                                                                        slides):
    asked = _export(qtbot, window, monkeypatch, tmp_path / "slide", slide_size(1280, 720))
    assert asked[0][1].endswith("quadratic-step3.png")  # the default name: function and step on view
    image = QImage(str(tmp_path / "slide.png"))
    assert (image.width(), image.height()) == (1280, 720)
    pixels = rgb_array(image)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 100  # the colour map, contours, text: not blank
    slide = slides[0]
    assert "Lecture-notes quadratic" in slide.title and "x² + y² + xy − 4x − 8y" in slide.title
    assert "SGD η=0.5" in slide.title and "4 decimals" in slide.title
    assert slide.labels[-1] == "step 3"
    entry = window.selected()
    x, y = entry.history.points()[3]
    point = slide.pixel(x, y)
    assert np.allclose(point, slide.qt_pixels[entry.run_id][3], atol=0.6)  # Qt's mapping agrees with ours
    assert colour_near(pixels, point, entry.color) >= 10
    assert window.statusBar().currentMessage().startswith("Saved the plot (1280 × 720 pixels)")


def test_the_picture_is_laid_out_as_a_slide_whatever_its_pixel_size(qtbot, window, tmp_path, monkeypatch, slides):
    _export(qtbot, window, monkeypatch, tmp_path / "big", slide_size(3840, 2160), steps=2)
    big = slides[0]
    assert QImage(str(tmp_path / "big.png")).size() == QSize(3840, 2160)
    monkeypatch.setattr(export_dialogs, "ask_image_size", lambda win: slide_size(1920, 1080))
    answer_save_dialog(monkeypatch, tmp_path / "small")
    window.action_export_image.trigger()
    small = slides[1]
    # the same layout, drawn twice as finely: the data area is at the same place, twice the pixels
    assert abs(big.area.width() - 2 * small.area.width()) < 2.5 and abs(big.area.top() - 2 * small.area.top()) < 2.5
    assert big.recorded_box == small.recorded_box


def test_svg_by_its_name_is_an_svg_document(qtbot, window, tmp_path, monkeypatch):
    _export(qtbot, window, monkeypatch, tmp_path / "slide.svg", slide_size(1280, 720), steps=1)
    root = ET.parse(tmp_path / "slide.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width").startswith("1280") and root.get("height").startswith("720")
    text = (tmp_path / "slide.svg").read_text(encoding="utf-8")
    assert "<svg" in text and "Lecture-notes quadratic" in text
    scaled = [g for g in root.iter("{http://www.w3.org/2000/svg}g")
              if g.get("transform", "").startswith("matrix(") and not g.get("transform").startswith("matrix(1,0,0,1,")]
    assert all(child.get("vector-effect") != "non-scaling-stroke" for g in scaled for child in g)  # all baked


def test_the_svg_filter_gives_a_name_without_suffix_an_svg_one(qtbot, window, tmp_path, monkeypatch):
    _export(qtbot, window, monkeypatch, tmp_path / "slide", slide_size(640, 360), steps=1, choose=1)
    assert (tmp_path / "slide.svg").exists() and not (tmp_path / "slide.png").exists()


def test_a_missing_folder_shows_an_error_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "missing" / "slide.png"
    _export(qtbot, window, monkeypatch, target, slide_size(1280, 720), steps=1)
    assert shown and "image was not written" in shown[0] and "does not exist" in shown[0]
    assert list(out.iterdir()) == []


def test_cancelling_the_size_dialog_asks_for_no_file(window, monkeypatch):
    asked = answer_save_dialog(monkeypatch, "never")
    monkeypatch.setattr(export_dialogs, "ask_image_size", lambda win: None)
    window.action_export_image.trigger()
    assert asked == []


def test_the_size_dialog_offers_slides_the_plot_as_on_screen_and_checked_custom_sizes(qtbot):
    dialog = ImageSizeDialog(None, QSize(700, 500), 11.0)
    qtbot.addWidget(dialog)
    sizes = dialog.sizes
    texts = [sizes.preset.itemText(i) for i in range(sizes.preset.count())]
    assert texts[:3] == ["1920 × 1080", "1280 × 720", "3840 × 2160"]
    assert "700 × 500" in texts[3] and "1400 × 1000" in texts[4] and texts[5] == "Custom size"
    assert sizes.choice() == slide_size(1920, 1080) and slide_size(1920, 1080).points == SLIDE_POINTS
    assert not sizes.width_field.isEnabled()
    sizes.preset.setCurrentIndex(4)
    assert sizes.choice() == screen_size(QSize(700, 500), 2, 11.0)
    assert (sizes.choice().width, sizes.choice().height, sizes.choice().ratio) == (1400, 1000, 2.0)
    sizes.preset.setCurrentIndex(5)
    assert sizes.width_field.isEnabled() and sizes.width_field.value() == 1400  # starts from the last size
    sizes.width_field.setValue(99_999)  # beyond the range: held at the largest
    sizes.height_field.setValue(3)
    assert (sizes.choice().width, sizes.choice().height) == (MAX_SIDE, 64)


def test_strokes_drawn_in_data_units_are_baked_into_their_points():
    svg = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="35mm" height="20mm" '
           b'viewBox="0 0 100 50"><g transform="matrix(10,0,0,-10,50,40)"><path vector-effect="non-scaling-stroke" '
           b'd="M0,0 L2,1.5 L-1e-1,3 "/></g><g transform="matrix(2,0,0,2,0,0)"><text>kept</text></g></svg>')
    root = ET.fromstring(slide_svg(svg, 1000, 500))
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("1000px", "500px", "0 0 100 50")
    baked, kept = root.findall("{http://www.w3.org/2000/svg}g")
    assert baked.get("transform") is None and baked[0].get("vector-effect") is None
    assert baked[0].get("d") == "M50,40 L70,25 L49,10 "
    assert kept.get("transform") == "matrix(2,0,0,2,0,0)"
