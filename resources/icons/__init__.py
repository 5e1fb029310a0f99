"""SVG icons drawn for GradStep."""
