import numpy as np

from snippets.gelu import gelu  # on the page: the definitions above

# --8<-- [start:example]
x = np.linspace(-10.0, 10.0, 200001)
difference = np.abs(gelu(x) - gelu(x, approximate=True))
print(f"{difference.max():.2e} at |x| = {abs(x[difference.argmax()]):.2f}")
#> 4.73e-04 at |x| = 2.70
# --8<-- [end:example]
