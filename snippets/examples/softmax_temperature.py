import numpy as np

from snippets.softmax import softmax  # on the page: above

# --8<-- [start:example]
import matplotlib.pyplot as plt

logits = np.array([2.0, 1.0, 0.1])
temperatures = [0.5, 1.0, 2.0, 5.0]
for T in temperatures:
    print(f"T = {T}:", softmax(logits / T).round(3))
#> T = 0.5: [0.864 0.117 0.019]
#> T = 1.0: [0.659 0.242 0.099]
#> T = 2.0: [0.502 0.304 0.194]
#> T = 5.0: [0.4   0.327 0.273]
print(softmax(logits / 0.01).round(3))  # T close to 0: all on the largest logit
#> [1. 0. 0.]

width = 0.2
for k, T in enumerate(temperatures):
    plt.bar(np.arange(3) + (k - 1.5) * width, softmax(logits / T), width, label=f"T = {T}")
plt.axhline(1 / 3, color="gray", linestyle=":", label="1/3 (T → ∞)")
plt.xticks(range(3), [f"x{i + 1} = {v}" for i, v in enumerate(logits)])
plt.ylabel("softmax(x / T)")
plt.legend()
plt.show()
# --8<-- [end:example]
