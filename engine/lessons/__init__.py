"""Qt-free computations behind the Lessons mode (issue 6), built on the engine's own layers and losses.

corners       the hand-made representation: corner counting from strokes, the rule classifier
depth         "Then, how deep?": 0, 1 and 2 conv blocks trained for the same budget, accuracy and probes
neuron        a weighted sum, four activations side by side, two linear layers collapsing into one
separability  AND / OR / XOR point sets, the lecture's perceptron and a one-hidden-layer network
backprop      the appendix network: every number of a forward pass, the chain rule and an update
traces        convolution, ReLU and pooling step by step; kernels on drawings; shifts; parameter counts
"""

from .backprop import BackpropExample, BackpropNumbers, backprop_numbers
from .corners import (
    CORNER_DEGREES,
    RULE_CLASSES,
    SHORT_FRACTION,
    SIMPLIFY_FRACTION,
    ClassComparison,
    CornerResult,
    clean_shape,
    compare_representations,
    corner_rule_text,
    count_corners,
    rdp,
    rule_classify,
    stratified_sample,
)
from .depth import BLOCKS, DepthProgress, DepthResult, depth_model, depth_study
from .neuron import (
    ACTIVATIONS,
    NEURON_EXAMPLE,
    CollapseNumbers,
    NeuronNumbers,
    activation,
    collapse_example,
    neuron_numbers,
)
from .separability import (
    EXTENT,
    POINT_SETS,
    HiddenLayerNet,
    Perceptron,
    PerceptronUpdate,
    grid,
    linearly_separable,
    point_set,
    separating_line,
)
from .traces import (
    LECTURE_FILTER,
    LECTURE_IMAGE,
    LECTURE_KERNEL_1D,
    LECTURE_POOL_INPUT,
    LECTURE_SIGNAL,
    NAMED_KERNELS,
    ConvStep,
    ConvTrace,
    ParameterComparison,
    PoolStep,
    PoolTrace,
    ShiftRow,
    apply_kernel,
    conv1d_trace,
    conv2d_trace,
    first_conv_index,
    parameter_comparison,
    pool_trace,
    relu,
    shift_image,
    shift_study,
    with_filter,
)

__all__ = [
    "BackpropExample", "BackpropNumbers", "backprop_numbers",
    "RULE_CLASSES", "ClassComparison", "CornerResult", "clean_shape", "compare_representations",
    "corner_rule_text", "count_corners", "CORNER_DEGREES", "SHORT_FRACTION", "SIMPLIFY_FRACTION",
    "stratified_sample", "rdp", "rule_classify",
    "BLOCKS", "DepthProgress", "DepthResult", "depth_model", "depth_study",
    "ACTIVATIONS", "NEURON_EXAMPLE", "CollapseNumbers", "NeuronNumbers", "activation", "collapse_example",
    "neuron_numbers",
    "EXTENT", "POINT_SETS", "HiddenLayerNet", "Perceptron", "PerceptronUpdate", "grid", "point_set",
    "linearly_separable", "separating_line",
    "LECTURE_FILTER", "LECTURE_IMAGE", "LECTURE_KERNEL_1D", "LECTURE_POOL_INPUT", "LECTURE_SIGNAL",
    "NAMED_KERNELS", "ConvStep", "ConvTrace", "ParameterComparison", "PoolStep", "PoolTrace", "ShiftRow",
    "apply_kernel", "conv1d_trace", "conv2d_trace", "first_conv_index", "parameter_comparison", "pool_trace",
    "relu", "shift_image", "shift_study", "with_filter",
]
