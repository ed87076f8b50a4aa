"""Sequential model and presets: values, copies, names, summary."""

import numpy as np
import pytest

from engine import (
    PRESETS,
    Activation,
    Conv2D,
    Dense,
    Flatten,
    LayerInfo,
    ReLU,
    Sequential,
    build_model,
    softmax,
    softmax_cross_entropy,
)

X = np.random.default_rng(0).random((5, 1, 28, 28), dtype=np.float32)


def test_default_preset_architecture_and_size():
    model = build_model("default", num_classes=4)
    names = [layer.name for layer in model.layers]
    assert names == ["Conv2D", "ReLU", "MaxPool2D", "Conv2D", "ReLU", "MaxPool2D", "Flatten",
                     "Dense", "ReLU", "Dense"]
    assert model.num_parameters() == 92_352 < 100_000
    assert model.output_shape == (4,)


@pytest.mark.parametrize("preset", PRESETS)
def test_every_preset_builds_runs_and_is_float32(preset):
    model = build_model(preset, num_classes=3, input_size=28, seed=1)
    y = model.forward(X)
    assert y.shape == (5, 3) and y.dtype == np.float32
    assert all(p.dtype == np.float32 for p in model.parameters().values())


def test_mlp_preset_has_no_convolution():
    assert not any(isinstance(layer, Conv2D) for layer in build_model("mlp", 4).layers)


def test_unknown_preset_is_refused():
    with pytest.raises(ValueError, match="preset"):
        build_model("huge", 4)


def test_seed_sets_the_initial_weights():
    a, b, c = build_model(seed=3).weights(), build_model(seed=3).weights(), build_model(seed=4).weights()
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["0.weight"], c["0.weight"])


def test_parameter_names_are_pytorch_state_dict_names():
    model = build_model("default", 4)
    assert list(model.parameters()) == ["0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias",
                                        "9.weight", "9.bias"]
    assert model.parameters()["7.weight"].shape == (64, 28 * 7 * 7)
    assert model.parameters().keys() == model.gradients().keys()


def test_predict_proba_accepts_three_input_forms():
    model = build_model("tiny", 4)
    p = model.predict_proba(X)
    assert p.shape == (5, 4) and p.dtype == np.float32
    np.testing.assert_allclose(p.sum(1), 1, rtol=1e-6)
    np.testing.assert_allclose(model.predict_proba(X[0, 0]), p[:1], rtol=1e-5)  # BLAS may round
    np.testing.assert_allclose(model.predict_proba(X[0]), p[:1], rtol=1e-5)  # per batch size
    assert model.predict_proba(X[0, 0].astype(np.float64)).dtype == np.float32  # no silent float64


def test_activations_are_copies_of_every_layer_output():
    model = build_model("default", 4)
    acts = model.activations(X[0, 0])
    assert [a.index for a in acts] == list(range(len(model.layers)))
    assert isinstance(acts[0], Activation) and acts[0].name == "Conv2D" and acts[0].shape == (1, 16, 28, 28)
    np.testing.assert_array_equal(acts[-1].data, model.forward(X[:1]))
    np.testing.assert_array_equal(acts[1].data, np.maximum(acts[0].data, 0))
    acts[0].data[...] = 99  # a copy: changing it changes nothing in the model
    assert not np.array_equal(model.activations(X[0, 0])[0].data, acts[0].data)


def test_weights_are_copies_and_set_weights_validates():
    model = build_model("tiny", 4)
    w = model.weights()
    w["0.weight"][...] = 0
    assert model.parameters()["0.weight"].any()
    model.set_weights(w)
    assert not model.parameters()["0.weight"].any()
    with pytest.raises(ValueError, match="shape"):
        model.set_weights({**w, "0.bias": np.zeros(99)})
    with pytest.raises(ValueError, match="missing"):
        model.set_weights({k: v for k, v in w.items() if k != "0.bias"})


def test_summary():
    model = build_model("default", 4)
    rows = model.summary()
    assert rows[0] == LayerInfo(0, "Conv2D", (16, 28, 28), 16 * 9 + 16)
    assert rows[3] == LayerInfo(3, "Conv2D", (28, 14, 14), 28 * 16 * 9 + 28)
    assert rows[5] == LayerInfo(5, "MaxPool2D", (28, 7, 7), 0)
    assert rows[7] == LayerInfo(7, "Dense", (64,), 28 * 7 * 7 * 64 + 64)
    assert rows[-1] == LayerInfo(9, "Dense", (4,), 260)
    text = model.summary_text()
    assert "Conv2D" in text and "92,352" in text and model.num_parameters() == 92_352


def test_copy_and_astype_are_independent():
    model = build_model("tiny", 4)
    twin, wide = model.copy(), model.astype(np.float64)
    np.testing.assert_array_equal(twin.forward(X), model.forward(X))
    np.testing.assert_allclose(wide.forward(X), model.forward(X), rtol=1e-4, atol=1e-5)
    assert wide.forward(X).dtype == np.float64 and wide.dtype == np.float64
    twin.parameters()["0.weight"][...] = 0
    assert model.parameters()["0.weight"].any()
    assert twin.config() == model.config()


def test_layers_that_do_not_fit_are_refused():
    with pytest.raises(ValueError, match="layer 1"):
        Sequential([Flatten(), Dense(100, 3)], (1, 28, 28))
    with pytest.raises(ValueError, match="expected input"):
        Sequential([Flatten(), Dense(784, 3)]).forward(np.zeros((2, 1, 8, 8), np.float32))


def test_backward_gradients_match_a_hand_computed_dense_net():
    rng = np.random.default_rng(0)
    model = Sequential([Flatten(), Dense(4, 3, rng=0), ReLU(), Dense(3, 2, rng=1)], (1, 2, 2))
    x, y = rng.random((6, 1, 2, 2), dtype=np.float32), np.array([0, 1, 1, 0, 1, 0])
    loss, d = softmax_cross_entropy(model.forward(x), y)
    model.backward(d)
    w1, b1 = model.parameters()["1.weight"], model.parameters()["1.bias"]
    w2 = model.parameters()["3.weight"]
    h_pre = x.reshape(6, 4) @ w1.T + b1
    h = np.maximum(h_pre, 0)
    dh = (d @ w2) * (h_pre > 0)
    np.testing.assert_allclose(model.gradients()["3.weight"], d.T @ h, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(model.gradients()["1.weight"], dh.T @ x.reshape(6, 4), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("preset", PRESETS)
def test_backward_without_input_gradient_gives_the_same_parameter_gradients(preset):
    model = build_model(preset, 4, seed=0)
    y = np.array([0, 1, 2, 3, 0])
    _, d = softmax_cross_entropy(model.forward(X), y)
    dx = model.backward(d)
    assert dx.shape == X.shape and dx.dtype == np.float32
    full = {k: v.copy() for k, v in model.gradients().items()}
    assert model.backward(d, input_grad=False) is None
    for k, v in model.gradients().items():
        np.testing.assert_array_equal(v, full[k])


def test_inference_helpers_leave_the_training_caches_alone():
    """The GUI may show predictions while a worker trains: a forward of predict_proba or activations
    between a training forward and its backward must not change that backward's gradients."""
    model = build_model("default", 4, seed=0)
    y = np.array([0, 1, 2, 3, 0])
    _, d = softmax_cross_entropy(model.forward(X, training=True), y)
    model.backward(d)
    expected = {k: v.copy() for k, v in model.gradients().items()}
    _, d = softmax_cross_entropy(model.forward(X, training=True), y)
    model.predict_proba(X[0, 0] * 0.5)
    model.activations(np.ones((3, 1, 28, 28), np.float32))
    model.backward(d)
    for k, v in model.gradients().items():
        np.testing.assert_array_equal(v, expected[k], err_msg=k)


def test_inference_helpers_see_weight_updates():
    model = build_model("tiny", 4, seed=0)
    before = model.predict_proba(X)
    model.parameters()["9.bias"][...] = [5, 0, 0, 0]
    after = model.predict_proba(X)
    assert (after[:, 0] > before[:, 0]).all()
    np.testing.assert_allclose(after, softmax(model.forward(X)), rtol=1e-6)
    np.testing.assert_array_equal(model.logits(X), model.forward(X))


def _layer_by_layer(model, x, d):
    """Forward and backward through the separate layers (no fused stages); -> (logits, dx, grads)."""
    for layer in model.layers:
        x = layer.forward(x, training=True)
    logits = x.copy()
    for layer in reversed(model.layers):
        d = layer.backward(d)
    return logits, d, {k: v.copy() for k, v in model.gradients().items()}


@pytest.mark.parametrize("preset", ["tiny", "default"])
def test_fused_stages_compute_what_the_layers_compute(preset):
    """Sequential runs Conv → ReLU → MaxPool as one ConvReLUPool; in float64 it agrees with the three
    layers run one by one, on drawings with ties in every blank window (the first maximum wins)."""
    model = build_model(preset, 4, seed=0).astype(np.float64)
    assert [type(s).__name__ for s in model._stages[:2]] == ["ConvReLUPool", "ConvReLUPool"]
    x = (np.random.default_rng(1).random((3, 1, 28, 28)) < 0.15).astype(np.float64)
    y = np.array([0, 1, 3])
    _, d = softmax_cross_entropy(model.forward(x, training=True), y)
    logits = model.forward(x, training=True)
    dx = model.backward(d)
    fused = {k: v.copy() for k, v in model.gradients().items()}
    logits_ref, dx_ref, grads_ref = _layer_by_layer(model, x, d)
    np.testing.assert_allclose(logits, logits_ref, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-10, atol=1e-12)
    for k, v in grads_ref.items():
        np.testing.assert_allclose(fused[k], v, rtol=1e-10, atol=1e-12, err_msg=k)
    np.testing.assert_allclose(model.logits(x), logits_ref, rtol=1e-12, atol=1e-12)


def test_parameters_and_gradients_are_packed_in_one_buffer_each():
    model = build_model("default", 4, seed=0)
    params, grads = list(model.parameters().values()), list(model.gradients().values())
    for arrays in (params, grads):
        base = arrays[0].base
        assert base is not None and base.size == model.num_parameters()
        assert all(a.base is base for a in arrays)
    assert not any(np.shares_memory(p, g) for p in params for g in grads)
    fresh = build_model("default", 4, seed=0)  # packing keeps the values
    for k, v in fresh.weights().items():
        np.testing.assert_array_equal(v, model.parameters()[k])


def test_a_pickled_model_leaves_its_scratch_arrays_behind_and_computes_the_same():
    """Layers keep scratch arrays and read-only window views on them between steps; pickling (a model
    sent to a helper process) leaves both out, so the copy is small and makes its own views."""
    import pickle

    from engine import Adam

    model = build_model("default", 4, seed=0)
    x = (np.random.default_rng(2).random((8, 1, 28, 28)) < 0.15).astype(np.float32)
    y = np.arange(8) % 4
    opt = Adam(1e-3)
    for _ in range(2):
        _, d = softmax_cross_entropy(model.forward(x, training=True), y)
        model.backward(d, input_grad=False)
        opt.step(model.parameters(), model.gradients())
    model.predict_proba(x)
    data = pickle.dumps(model)
    assert len(data) < 4_000_000  # weights, gradients, the last caches; the scratch arrays would add ~5 MB
    twin = pickle.loads(data)
    np.testing.assert_array_equal(twin.predict_proba(x), model.predict_proba(x))
    x2 = (np.random.default_rng(3).random((8, 1, 28, 28)) < 0.15).astype(np.float32)
    np.testing.assert_array_equal(twin.forward(x2, training=True), model.forward(x2, training=True))
