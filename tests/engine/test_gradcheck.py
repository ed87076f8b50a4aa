"""Central-difference gradient checks in float64 for every layer, both losses and a whole model."""

import numpy as np
import pytest

from engine import (
    AvgPool2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
    build_model,
    sigmoid_binary_cross_entropy,
    softmax_cross_entropy,
)
from engine.layers import ConvReLUPool

H = 1e-6
LIMIT = 1e-6  # relative error limit (float64)


def rel_error(a, b) -> float:
    """max |a - b| / max(|a| + |b|, tiny): the CS231n relative error."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))


def rel_error_norm(a, b) -> float:
    """||a - b|| / (||a|| + ||b||): not fooled by central-difference noise on tiny single entries."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12))


def numeric_grad(f, x, h=H) -> np.ndarray:
    """Central differences of the scalar f() with respect to array x (perturbed in place)."""
    g = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        fp = f()
        x[i] = old - h
        fm = f()
        x[i] = old
        g[i] = (fp - fm) / (2 * h)
    return g


def check_layer(layer, x, limit=LIMIT, seed=0, backward=None):
    """Checks dx and every parameter gradient of `layer` at x against central differences.

    The scalar is sum(forward(x) * r) for a fixed random r, so dy = r. `backward` replaces the
    layer's backward: backward(layer, dy) -> dx (to show a wrong gradient fails).
    Returns the worst relative error.
    """
    layer = layer.astype(np.float64)
    x = np.asarray(x, np.float64)
    r = np.random.default_rng(seed).standard_normal(layer.forward(x).shape)

    def f():
        return float(np.sum(layer.forward(x, training=False) * r))

    layer.forward(x)
    dx = backward(layer, r) if backward else layer.backward(r)
    errors = [rel_error(dx, numeric_grad(f, x))]
    for name, p in layer.params.items():
        analytic = layer.grads[name].copy()
        errors.append(rel_error(analytic, numeric_grad(f, p)))
    worst = max(errors)
    assert worst < limit, f"relative error {worst:.2e} over {limit:.0e}"
    return worst


def rand(*shape, seed=1):
    return np.random.default_rng(seed).standard_normal(shape)


@pytest.mark.parametrize("stride,padding,k", [(1, 0, 3), (1, "same", 3), (2, 1, 3), (2, 0, 1), (3, 2, 5)])
def test_conv2d(stride, padding, k):
    check_layer(Conv2D(2, 3, k, stride=stride, padding=padding, rng=0), rand(2, 2, 7, 6))


def _random_conv_settings(count, seed=11):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        k, s = int(rng.choice([1, 3, 5])), int(rng.integers(1, 4))
        p = "same" if rng.random() < 0.3 else int(rng.integers(0, k))
        yield k, s, p, int(rng.integers(k, 9)), int(rng.integers(k, 9))


@pytest.mark.parametrize("k,stride,padding,h,w", list(_random_conv_settings(8)))
def test_conv2d_random_settings(k, stride, padding, h, w):
    check_layer(Conv2D(2, 2, k, stride=stride, padding=padding, rng=k), rand(2, 2, h, w, seed=h * w))


def test_dense():
    check_layer(Dense(5, 4, rng=0), rand(3, 5))


def test_relu():
    x = rand(3, 4, 5)
    x[np.abs(x) < 1e-3] = 0.5  # keep away from the kink at 0
    check_layer(ReLU(), x)


def test_sigmoid():
    check_layer(Sigmoid(), rand(3, 7) * 3)


def test_tanh():
    check_layer(Tanh(), rand(3, 7) * 2)


POOL_CASES = [(2, None, (2, 3, 6, 4)), (3, 2, (2, 2, 7, 8)), (2, 1, (1, 2, 5, 5)), (3, None, (2, 2, 9, 7)),
              (2, None, (1, 2, 5, 7))]


@pytest.mark.parametrize("k,stride,shape", POOL_CASES)
def test_maxpool(k, stride, shape):
    check_layer(MaxPool2D(k, stride), rand(*shape))  # random normals: no ties


@pytest.mark.parametrize("k,stride,shape", POOL_CASES)
def test_avgpool(k, stride, shape):
    check_layer(AvgPool2D(k, stride), rand(*shape))


def test_flatten():
    check_layer(Flatten(), rand(2, 3, 4, 2))


def test_dropout_with_a_fixed_mask():
    layer = Dropout(0.4, rng=0).astype(np.float64)
    x = rand(4, 6)
    y = layer.forward(x, training=True)
    mask = layer._mask
    assert set(np.unique(mask)) <= {0.0, 1 / 0.6}
    np.testing.assert_allclose(y, x * mask)
    np.testing.assert_allclose(layer.backward(np.ones_like(x)), mask)  # d(sum y)/dx = mask
    np.testing.assert_array_equal(layer.forward(x, training=False), x)  # inference: identity


def test_softmax_cross_entropy():
    logits, labels = rand(5, 4), np.array([0, 3, 1, 1, 2])
    _, d = softmax_cross_entropy(logits, labels)
    num = numeric_grad(lambda: softmax_cross_entropy(logits, labels)[0], logits)
    assert rel_error(d, num) < LIMIT


def test_softmax_cross_entropy_label_smoothing():
    logits, labels = rand(5, 4), np.array([0, 3, 1, 1, 2])
    loss, d = softmax_cross_entropy(logits, labels, 0.1)
    num = numeric_grad(lambda: softmax_cross_entropy(logits, labels, 0.1)[0], logits)
    assert rel_error(d, num) < LIMIT
    # the cross-entropy against the target 0.9 x onehot + 0.1 / 4, computed directly
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    target = np.full((5, 4), 0.1 / 4)
    target[np.arange(5), labels] += 0.9
    assert loss == pytest.approx(float(-(target * logp).sum(axis=1).mean()), rel=1e-12)
    assert not np.allclose(d, softmax_cross_entropy(logits, labels)[1])


def test_sigmoid_binary_cross_entropy():
    logits, targets = rand(4, 3) * 3, (rand(4, 3, seed=2) > 0).astype(np.float64)
    _, d = sigmoid_binary_cross_entropy(logits, targets)
    num = numeric_grad(lambda: sigmoid_binary_cross_entropy(logits, targets)[0], logits)
    assert rel_error(d, num) < LIMIT


def test_whole_model():
    model = build_model("tiny", num_classes=3, input_size=8, seed=0).astype(np.float64)
    x, y = np.random.default_rng(0).random((3, 1, 8, 8)), np.array([0, 2, 1])

    def f():
        return softmax_cross_entropy(model.forward(x), y)[0]

    _, d = softmax_cross_entropy(model.forward(x), y)
    model.backward(d)
    grads = {k: v.copy() for k, v in model.gradients().items()}
    for name, p in model.parameters().items():
        assert p.dtype == np.float64
        num = numeric_grad(f, p)
        assert rel_error_norm(grads[name], num) < 1e-7, name
        assert np.abs(grads[name] - num).max() < 1e-8, name


def test_a_wrong_gradient_fails_the_check():
    def off_by_one_percent(layer, dy):  # a small bug: dx scaled by 1.01
        return layer.backward(dy) * 1.01

    def flipped_kernel(layer, dy):  # a classic bug: convolution instead of cross-correlation
        return Conv2D.backward(layer, dy[:, :, ::-1, ::-1])[:, :, ::-1, ::-1]

    check_layer(Dense(5, 4, rng=0), rand(3, 5))  # the right gradient passes
    with pytest.raises(AssertionError, match="relative error"):
        check_layer(Dense(5, 4, rng=0), rand(3, 5), backward=off_by_one_percent)
    with pytest.raises(AssertionError, match="relative error"):
        check_layer(Conv2D(2, 3, 3, padding=1, rng=0), rand(2, 2, 5, 5), backward=flipped_kernel)


# (in, out, kernel, padding, pool, input shape): pooled column order (in * k² <= out) and the wide grid,
# sizes the pooling does not tile (the last row/column is dropped), pooling 3
FUSED_CASES = [(1, 9, 3, 1, 2, (2, 1, 6, 6)), (1, 4, 3, 0, 2, (2, 1, 7, 8)), (2, 3, 3, 1, 2, (2, 2, 6, 5)),
               (2, 2, 3, 1, 3, (2, 2, 7, 6)), (1, 9, 1, 0, 2, (1, 1, 5, 4)), (1, 9, 3, 1, 3, (2, 1, 7, 6)),
               (2, 3, 3, 1, 2, (2, 2, 7, 7)), (3, 4, 3, 0, 2, (1, 3, 8, 9))]


@pytest.mark.parametrize("cin,cout,k,padding,pool,shape", FUSED_CASES)
def test_conv_relu_pool(cin, cout, k, padding, pool, shape):
    fused = ConvReLUPool(Conv2D(cin, cout, k, padding=padding, rng=cin * 10 + cout), pool)
    assert fused.pooled_columns == (cin * k * k <= cout)
    check_layer(fused, rand(*shape, seed=cout))


@pytest.mark.parametrize("cin,cout,k,padding,pool,shape", FUSED_CASES)
def test_fused_inference_path_gives_the_forward_output(cin, cout, k, padding, pool, shape):
    """infer() (predict_proba's path: no masks, no cache) returns forward()'s values bit for bit, in
    float32, on inputs with ties (blank windows); one image alone (other matrix sizes) within rounding."""
    fused = ConvReLUPool(Conv2D(cin, cout, k, padding=padding, rng=cin * 10 + cout), pool)
    x = (np.random.default_rng(cout).random(shape) < 0.3).astype(np.float32)
    y = fused.forward(x).copy()
    np.testing.assert_array_equal(fused.infer(x), y)
    np.testing.assert_allclose(fused.infer(x[:1]), y[:1], rtol=1e-6, atol=1e-6)


def test_a_wrong_fused_gradient_fails_the_check():
    def mask_forgotten(layer, dy):  # a classic fusion bug: the ReLU mask left out of backward
        y = layer._cache[-1]
        saved = y.copy()
        y[...] = 1.0
        try:
            return layer.backward(dy)
        finally:
            y[...] = saved

    fused = ConvReLUPool(Conv2D(2, 3, 3, padding=1, rng=0), 2)
    check_layer(fused, rand(2, 2, 6, 6))
    with pytest.raises(AssertionError, match="relative error"):
        check_layer(fused, rand(2, 2, 6, 6), backward=mask_forgotten)
