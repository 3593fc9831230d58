import numpy as np

from snippets.softmax2d import softmax2d, softmax2d_vjp  # on the page: the definitions above

# --8<-- [start:example]
rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 4, 4))  # 2 images, 3 channels (classes), 4 x 4 pixels
y = softmax2d(x)
print(y.shape, np.allclose(y.sum(axis=1), 1.0))  # probabilities over the channels, at each pixel
#> (2, 3, 4, 4) True
print(y[0, :, 0, 0])  # the three class probabilities of the first pixel
#> [0.44174255 0.22604589 0.33221156]
g = rng.normal(size=x.shape)  # a gradient arriving at y
print(np.allclose(softmax2d_vjp(x, g).sum(axis=1), 0.0))  # it sums to 0 over the channels
#> True
# --8<-- [end:example]
