import numpy as np

from snippets.gelu import gelu  # on the page: the definitions above

# --8<-- [start:example]
def layer_norm(h, eps=1e-5):
    """Each row (token) to mean 0 and variance 1; the learned scale and shift start at 1 and 0."""
    h = h - h.mean(axis=-1, keepdims=True)
    return h / np.sqrt(np.mean(h**2, axis=-1, keepdims=True) + eps)


d, blocks = 768, 12  # the width and depth of BERT-base and GPT-2 small
rng = np.random.default_rng(0)
x = rng.standard_normal((16, d))  # 16 tokens
plain = residual = scaled = x
for _ in range(blocks):
    # one feed-forward block, d -> 4d -> d, every weight drawn from N(0, 0.02^2)
    w1, w2 = 0.02 * rng.standard_normal((d, 4 * d)), 0.02 * rng.standard_normal((4 * d, d))
    plain = gelu(plain @ w1) @ w2  # no LayerNorm, no residual connection
    residual = residual + gelu(layer_norm(residual) @ w1) @ w2  # as in GPT-2: h + F(LN(h))
    scaled = scaled + gelu(layer_norm(scaled) @ w1) @ (w2 / np.sqrt(blocks))  # GPT-2's 1/sqrt(N)

print(f"std of the input {x.std():.2f}, after {blocks} blocks:")
#> std of the input 1.00, after 12 blocks:
print(f"  plain stack           {plain.std():.2g}")
#>   plain stack           8.6e-07
print(f"  LayerNorm + residual  {residual.std():.2f}")
#>   LayerNorm + residual  1.60
print(f"  ... and 1/sqrt(N)     {scaled.std():.2f}")
#>   ... and 1/sqrt(N)     1.06
# --8<-- [end:example]
