"""Draw a scene into QSvgGenerator, and make its output an SVG that presentation programs draw as the
plot looks.

`paint_items` draws the scene item by item, each with its clip set outright: QSvgGenerator does not
restore a clip when the painter is restored, so with `QGraphicsScene.render` every item drawn after a
clipped one (the title's text, the plot area) took that item's clip, and the axes vanished.

Two things need fixing after Qt writes the document:

* its size is in millimetres at the generator's resolution; a slide wants pixels;
* pyqtgraph draws lines in data coordinates with cosmetic pens (a width in pixels), which Qt writes as
  a path in data coordinates under a scaling ``transform`` with ``vector-effect="non-scaling-stroke"``.
  Browsers honour that; librsvg (before 2.57), LibreOffice and others do not, and draw a line two *data
  units* wide: a trajectory becomes a blob.  `bake_strokes` applies such a transform to the points
  themselves, so the stroke is the stated width in any viewer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

__all__ = ["bake_strokes", "in_pixels", "paint_items", "slide_svg"]

_Flag = QGraphicsItem.GraphicsItemFlag

_SVG = "http://www.w3.org/2000/svg"
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_PAIR = re.compile(r"(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?),(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_POINTS = {f"{{{_SVG}}}path": "d", f"{{{_SVG}}}polyline": "points", f"{{{_SVG}}}polygon": "points"}


def paint_items(painter: QPainter, scene: QGraphicsScene, page: QRectF) -> None:
    """Paint every visible item of ``scene`` within ``page`` (scene coordinates, as the painter's),
    bottom first, each clipped as its ancestors clip it."""
    option = QStyleOptionGraphicsItem()
    for item in scene.items(Qt.SortOrder.AscendingOrder):
        if not item.isVisible() or item.flags() & _Flag.ItemHasNoContents:
            continue
        option.exposedRect = item.boundingRect()
        painter.save()
        painter.setClipPath(_clip(item, page))
        painter.setTransform(item.deviceTransform(QTransform()))
        painter.setOpacity(item.effectiveOpacity())
        item.paint(painter, option, None)
        painter.restore()


def _clip(item: QGraphicsItem, page: QRectF) -> QPainterPath:
    clip = QPainterPath()
    clip.addRect(page)
    if item.flags() & _Flag.ItemClipsToShape:
        clip = clip.intersected(item.mapToScene(item.shape()))
    parent = item.parentItem()
    while parent is not None:
        if parent.flags() & _Flag.ItemClipsChildrenToShape:
            clip = clip.intersected(parent.mapToScene(parent.shape()))
        parent = parent.parentItem()
    return clip


def slide_svg(svg: bytes, width: int, height: int) -> bytes:
    """Qt's SVG as a slide wants it: `bake_strokes`, then `in_pixels`."""
    return in_pixels(bake_strokes(svg), width, height)


def in_pixels(svg: bytes, width: int, height: int) -> bytes:
    """The document's width and height in pixels (the view box, and so the drawing, unchanged)."""
    head, tag, rest = svg.partition(b"<svg")
    end = rest.index(b">")
    attributes = re.sub(rb'\bwidth="[^"]*"', f'width="{width}px"'.encode(), rest[:end], count=1)
    attributes = re.sub(rb'\bheight="[^"]*"', f'height="{height}px"'.encode(), attributes, count=1)
    return head + tag + attributes + rest[end:]


def bake_strokes(svg: bytes) -> bytes:
    """Apply each transform that would scale a non-scaling stroke to the coordinates it holds (see the
    module docstring).  Groups holding anything else (text, images, shapes without points) stay as they are."""
    ET.register_namespace("", _SVG)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    for group in root.iter(f"{{{_SVG}}}g"):
        matrix = _MATRIX.fullmatch(group.get("transform", "").strip())
        children = list(group)
        if matrix is None or not children or not all(_bakeable(child) for child in children):
            continue
        numbers = tuple(float(v) for v in matrix.group(1).split(","))
        for child in children:
            attribute = _POINTS[child.tag]
            child.set(attribute, _transformed(child.get(attribute, ""), numbers))
            del child.attrib["vector-effect"]
        del group.attrib["transform"]
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(root, encoding="unicode").encode()


def _bakeable(element: ET.Element) -> bool:
    return element.tag in _POINTS and element.get("vector-effect") == "non-scaling-stroke"


def _transformed(points: str, matrix: tuple[float, ...]) -> str:
    """Every "x,y" in ``points`` mapped by the SVG ``matrix(a, b, c, d, e, f)``."""
    a, b, c, d, e, f = matrix

    def mapped(match: re.Match) -> str:
        x, y = float(match.group(1)), float(match.group(2))
        return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"
    return _PAIR.sub(mapped, points)
