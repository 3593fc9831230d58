import numpy as np

x = np.array([-np.inf, -1.0, np.nan, 2.0])
print(np.maximum(x, 0.0))  # relu: NaN stays NaN
#> [ 0.  0. nan  2.]
print(np.where(x > 0, x, 0.0))  # hides the NaN
#> [0. 0. 0. 2.]
with np.errstate(invalid="ignore"):
    print(x * (x > 0))  # -inf * 0 is NaN
#> [nan -0. nan  2.]
