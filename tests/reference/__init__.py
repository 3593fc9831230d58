"""PyTorch reference data and the script that writes it (see make_pytorch_reference.py)."""
