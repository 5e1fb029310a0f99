"""GradStep's data files (lesson presets, icons), read with importlib.resources."""
