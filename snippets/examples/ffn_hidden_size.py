# --8<-- [start:example]
d = 4096  # LLaMA 7B's model width
ffn = 2 * d * (4 * d)  # two matrices: d x 4d and 4d x d
hidden = int(2 * (4 * d) / 3)  # 2/3 of 4d, as LLaMA's FeedForward computes it ...
hidden = 256 * ((hidden + 256 - 1) // 256)  # ... rounded up to a multiple of 256
gated = 3 * d * hidden  # three matrices: d x hidden (twice) and hidden x d
print(hidden, ffn, gated, round(gated / ffn, 4))
#> 11008 134217728 135266304 1.0078
# --8<-- [end:example]
