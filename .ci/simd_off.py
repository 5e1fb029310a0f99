"""Print the NPY_DISABLE_CPU_FEATURES value that leaves numpy on its oldest (baseline) SIMD path here.

numpy picks, at run time, the newest of its compiled SIMD variants the CPU supports (see numpy's "CPU
build options and dispatch" documentation); switching off every dispatch target this CPU has makes it
fall back to the baseline, so CI exercises both ends on whatever machine it gets.  Only targets the CPU
has may be named: numpy refuses to disable a feature that is not there.
"""

try:
    from numpy._core import _multiarray_umath as umath
except ImportError:  # numpy 1.x
    from numpy.core import _multiarray_umath as umath

print(" ".join(name for name in umath.__cpu_dispatch__ if umath.__cpu_features__.get(name)))
