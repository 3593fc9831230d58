import numpy as np

from snippets.softmax import softmax  # on the page: above

# --8<-- [start:example]
rng = np.random.default_rng(0)
logits = rng.normal(scale=5.0, size=(10_000, 10))  # 10,000 examples, 10 classes
predicted = np.argmax(logits, axis=-1)  # what inference needs: no exp, no sum
print(np.array_equal(predicted, np.argmax(softmax(logits), axis=-1)))
#> True
print(logits[0].round(2), predicted[0])
#> [ 0.63 -0.66  3.2   0.52 -2.68  1.81  6.52  4.74 -3.52 -6.33] 6
print(softmax(logits[0]).round(3))  # the probabilities, when they are wanted
#> [0.002 0.001 0.03  0.002 0.    0.007 0.82  0.138 0.    0.   ]
# --8<-- [end:example]
