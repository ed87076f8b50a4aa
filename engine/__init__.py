"""ShapeLab's engine: a small convolutional network and its data, in NumPy only.

No Qt, no printing: functions return plain data and the training loop yields frozen records.
The public names are listed in docs/ARCHITECTURE.md; `gui/` uses only these.
"""
