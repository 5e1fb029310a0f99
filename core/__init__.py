"""GradStep's computational core: optimizers, test functions, runs and their history, CSV.

Pure numpy and the standard library: nothing here imports Qt, so everything can be scripted, tested and
run headless (``python main.py run``).
"""

__version__ = "0.1.0"
