"""GradStep's desktop window: PySide6 and pyqtgraph widgets around the numpy core."""
