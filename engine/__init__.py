"""ShapeLab's engine: a small convolutional network and its data, in NumPy only.

No Qt, no printing: functions return plain data and the training loop yields frozen records.
The public names are listed in docs/ARCHITECTURE.md; `gui/` uses only these.
"""

# --- the network: layers, losses, optimizers, model, model files, training, benchmark ---
from .bench import measure_speed
from .layers import (
    AvgPool2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Layer,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
    layer_from_config,
)
from .losses import sigmoid_binary_cross_entropy, softmax, softmax_cross_entropy
from .model import PRESETS, Activation, LayerInfo, Sequential, build_model
from .modelio import LoadedModel, ModelFileError, load_model, save_model
from .optim import SGD, Adam
from .training import TrainConfig, TrainControl, TrainRecord, evaluate, train

__all__ = [
    "AvgPool2D", "Conv2D", "Dense", "Dropout", "Flatten", "Layer", "MaxPool2D", "ReLU", "Sigmoid", "Tanh",
    "layer_from_config",
    "sigmoid_binary_cross_entropy", "softmax", "softmax_cross_entropy",
    "PRESETS", "Activation", "LayerInfo", "Sequential", "build_model",
    "LoadedModel", "ModelFileError", "load_model", "save_model",
    "SGD", "Adam",
    "TrainConfig", "TrainControl", "TrainRecord", "evaluate", "train",
    "measure_speed",
]
# --- end of the network exports (data-module exports go below; extend __all__ with `__all__ += [...]`) ---
