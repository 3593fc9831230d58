import numpy as np

from snippets.softmin import softmin, softmin_jacobian  # on the page: the definitions above

# --8<-- [start:example]
x = np.array([1.0, 2.0, 3.0])
print(softmin(x))  # the smallest entry gets the largest weight
#> [0.66524096 0.24472847 0.09003057]
print(softmin_jacobian(x))  # minus the softmax Jacobian at -x
#> [[-0.22269543  0.1628034   0.05989202]
#>  [ 0.1628034  -0.18483645  0.02203304]
#>  [ 0.05989202  0.02203304 -0.08192507]]
print(softmin(np.array([[0.0, 1000.0], [-1000.0, 0.0]])))  # no overflow, row by row
#> [[1. 0.]
#>  [1. 0.]]
# --8<-- [end:example]
