"""A saved model loads into the equivalent torch.nn.Sequential and agrees with it (skipped without torch)."""

import json

import numpy as np
import pytest

from engine import SGD, Adam, build_model, load_model, save_model, softmax_cross_entropy

torch = pytest.importorskip("torch")
nn = torch.nn

CLASSES = ["square", "triangle", "circle", "irregular"]


def torch_model_from_meta(layers: list[dict]) -> "torch.nn.Sequential":
    """Builds the torch model from the file's layer descriptions (PyTorch constructor names)."""
    kinds = {"conv2d": nn.Conv2d, "relu": nn.ReLU, "maxpool2d": nn.MaxPool2d, "avgpool2d": nn.AvgPool2d,
             "flatten": nn.Flatten, "linear": nn.Linear, "dropout": nn.Dropout, "sigmoid": nn.Sigmoid,
             "tanh": nn.Tanh}
    return nn.Sequential(*[kinds[c["type"]](**{k: v for k, v in c.items() if k != "type"}) for c in layers])


def load_into_torch(path):
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(str(z["__meta__"]))
        state = {k: torch.from_numpy(z[k].copy()) for k in z.files if k != "__meta__"}
    tmodel = torch_model_from_meta(meta["layers"])
    tmodel.load_state_dict(state, strict=True)
    return tmodel


@pytest.fixture(params=["default", "wide", "mlp"])
def pair(request, tmp_path):
    model = build_model(request.param, 4, seed=1)
    path = tmp_path / "m.npz"
    save_model(path, model, CLASSES)
    return load_model(path).model, load_into_torch(path)


def batch(seed=0):
    rng = np.random.default_rng(seed)
    X = (rng.random((6, 1, 28, 28)) < 0.2).astype(np.float32) * rng.random((6, 1, 28, 28), dtype=np.float32)
    return X, np.array([0, 1, 2, 3, 1, 2])


def test_outputs_agree(pair):
    ours, theirs = pair
    X, _ = batch()
    theirs.eval()
    with torch.no_grad():
        expected = theirs(torch.from_numpy(X)).numpy()
    np.testing.assert_allclose(ours.forward(X), expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(ours.predict_proba(X), torch.softmax(torch.from_numpy(expected), 1).numpy(),
                               rtol=1e-4, atol=1e-6)


def test_one_steps_gradients_agree(pair):
    ours, theirs = pair
    X, y = batch(1)
    theirs.eval()  # no dropout: both in inference mode for the gradient comparison
    loss_t = nn.functional.cross_entropy(theirs(torch.from_numpy(X)), torch.from_numpy(y))
    loss_t.backward()
    loss, d = softmax_cross_entropy(ours.forward(X), y)
    ours.backward(d)
    assert loss == pytest.approx(loss_t.item(), rel=1e-5)
    tgrads = {k: p.grad.numpy() for k, p in theirs.named_parameters()}
    assert tgrads.keys() == ours.gradients().keys()
    for k, g in ours.gradients().items():
        scale = np.abs(tgrads[k]).max()
        np.testing.assert_allclose(g, tgrads[k], rtol=1e-3, atol=1e-4 * scale, err_msg=k)


@pytest.mark.parametrize("opt_name", ["adam", "sgd"])
def test_optimizer_steps_agree(tmp_path, opt_name):
    model = build_model("default", 4, seed=2)
    path = tmp_path / "m.npz"
    save_model(path, model, CLASSES)
    theirs = load_into_torch(path)
    if opt_name == "adam":
        ours_opt, t_opt = Adam(1e-3, weight_decay=1e-4), torch.optim.Adam(theirs.parameters(), 1e-3,
                                                                           weight_decay=1e-4)
    else:
        ours_opt = SGD(0.05, momentum=0.9, weight_decay=1e-4)
        t_opt = torch.optim.SGD(theirs.parameters(), 0.05, momentum=0.9, weight_decay=1e-4)
    for step in range(3):
        X, y = batch(step)
        t_opt.zero_grad()
        nn.functional.cross_entropy(theirs(torch.from_numpy(X)), torch.from_numpy(y)).backward()
        t_opt.step()
        _, d = softmax_cross_entropy(model.forward(X), y)
        model.backward(d)
        ours_opt.step(model.parameters(), model.gradients())
    state = theirs.state_dict()
    for k, w in model.weights().items():
        np.testing.assert_allclose(w, state[k].numpy(), rtol=1e-3, atol=1e-5, err_msg=k)
