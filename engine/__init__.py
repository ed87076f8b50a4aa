"""ShapeLab's engine: a small convolutional network and its data, in NumPy only.

No Qt, no printing: functions return plain data and the training loop yields frozen records.
The public names are listed in docs/ARCHITECTURE.md; `gui/` uses only these.
"""

# --- the network: layers, losses, optimizers, model, model files, training, benchmark ---
from .bench import measure_speed
from .calibration import NOT_SURE_BELOW, Calibration, CalibrationBin, SureSplit, calibration, sure_split
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
    "NOT_SURE_BELOW", "Calibration", "CalibrationBin", "SureSplit", "calibration", "sure_split",
]
# --- end of the network exports (data-module exports go below; extend __all__ with `__all__ += [...]`) ---

# --- drawings and datasets: strokes, the NDJSON file, rasterizing, synthetic data, augmentation ---
from .augment import DEFAULT_AUGMENT, AugmentConfig, augment_batch, augment_drawing, augmented_versions
from .dataset import (
    EpochPrefetcher,
    Rasters,
    TrainingSet,
    class_list,
    end_with_parent,
    labels_to_indices,
    stratified_split,
    to_arrays,
)
from .drawing import Drawing, simplify_drawing
from .picture import preprocess_image
from .raster import (
    THICKNESS_KEY,
    Cancelled,
    StrokeBatch,
    rasterize,
    rasterize_many,
    render_picture,
    upright_angle,
)
from .store import DrawingStore, LoadProblem, drawing_key, read_ndjson, write_ndjson
from .synth import DEFAULT_CLASSES, generate_drawing, generate_drawings

__all__ += [
    "DEFAULT_AUGMENT", "AugmentConfig", "augment_batch", "augment_drawing", "augmented_versions",
    "EpochPrefetcher", "Rasters", "TrainingSet", "class_list", "end_with_parent", "labels_to_indices",
    "stratified_split",
    "to_arrays",
    "Drawing", "simplify_drawing",
    "THICKNESS_KEY", "Cancelled", "StrokeBatch", "preprocess_image", "rasterize", "rasterize_many",
    "render_picture",
    "upright_angle",
    "DrawingStore", "LoadProblem", "drawing_key", "read_ndjson", "write_ndjson",
    "DEFAULT_CLASSES", "generate_drawing", "generate_drawings",
]

# --- atomic file writes (used by the engine's writers and by gui/) ---
from .atomic import atomic_path, atomic_write, remove_stale_temps  # noqa: E402

__all__ += ["atomic_path", "atomic_write", "remove_stale_temps"]
