import numpy as np

from snippets.softmax import log_softmax, softmax  # on the page: the definitions above

# --8<-- [start:example]
a = np.array([0.0, -1000.0])
with np.errstate(divide="ignore"):
    print(np.log(softmax(a)))  # softmax underflows to 0, log(0) = -inf
#> [  0. -inf]
print(log_softmax(a))  # exact
#> [    0. -1000.]
# --8<-- [end:example]
