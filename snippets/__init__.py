"""The code readers copy: one module per activation function, named after its page."""
