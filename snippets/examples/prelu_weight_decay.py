alpha = 0.25  # PyTorch's initial slope
lr, weight_decay = 0.1, 1e-4
for _ in range(100_000):
    alpha -= lr * weight_decay * alpha  # what SGD's weight decay does to alpha at each step
print(alpha)  # where the decay alone takes it, without the data's gradient
#> 0.09196940044164226
