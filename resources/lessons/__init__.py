"""Lesson presets: JSON files of runs to set up side by side."""
