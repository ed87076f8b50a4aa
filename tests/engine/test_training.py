"""The training generator: records, determinism, control from another thread, divergence."""

import hashlib
import queue
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from engine import TrainConfig, TrainControl, TrainRecord, build_model, evaluate, train
from engine.training import _Eta, ema_factor, scheduled_lr, validation_points


def data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 4
    X = rng.random((n, 1, 12, 12), dtype=np.float32) * 0.2
    for i, label in enumerate(y):  # a bright quarter per class: easy to learn
        X[i, 0, (label // 2) * 6 : (label // 2) * 6 + 6, (label % 2) * 6 : (label % 2) * 6 + 6] += 0.8
    return X, y


def model(seed=0):
    return build_model("tiny", 4, input_size=12, seed=seed)


def test_records_sequence_and_fields():
    config = TrainConfig(epochs=2, batch_size=16)
    recs = list(train(model(), data(), config, val=data(20, 1)))
    kinds = [r.kind for r in recs]
    assert kinds == ["step"] * 3 + ["epoch"] + ["step"] * 3 + ["epoch", "done"]
    steps = [r for r in recs if r.kind == "step"]
    assert [r.step for r in steps] == [1, 2, 3, 4, 5, 6]
    assert [r.epoch for r in steps] == [0, 0, 0, 1, 1, 1]
    assert all(r.steps_per_epoch == 3 for r in recs)
    assert [r.lr for r in steps] == [scheduled_lr(config, k, 6) for k in range(6)]
    assert all(r.val_loss is None and r.val_accuracy is None for r in steps)
    epoch = recs[3]
    assert epoch.val_loss is not None and 0 <= epoch.val_accuracy <= 1
    # the epoch's loss is the mean over its 40 samples of the batch losses (batches of 16, 16, 8)
    assert epoch.loss == pytest.approx((16 * steps[0].loss + 16 * steps[1].loss + 8 * steps[2].loss) / 40)
    elapsed = [r.elapsed for r in recs]
    assert elapsed == sorted(elapsed) and elapsed[0] > 0
    assert recs[-1].eta == 0 and "2 epochs" in recs[-1].message
    assert all(r.eta is None or r.eta >= 0 for r in recs)
    with pytest.raises(AttributeError):  # frozen
        recs[0].loss = 0


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_training_stays_float32(optimizer):
    m = model()
    list(train(m, data(16), TrainConfig(epochs=1, batch_size=8, optimizer=optimizer, weight_decay=1e-4)))
    assert all(p.dtype == np.float32 for p in m.parameters().values())
    assert all(g.dtype == np.float32 for g in m.gradients().values())


def test_training_reduces_the_loss():
    recs = list(train(model(), data(), TrainConfig(epochs=15, batch_size=8, lr=3e-3)))
    epochs = [r for r in recs if r.kind == "epoch"]
    assert epochs[-1].loss < 0.5 * epochs[0].loss
    assert epochs[-1].accuracy == 1.0


def test_bit_for_bit_repeatable_with_a_seed():
    def run(seed):
        m = model()
        losses = [r.loss for r in train(m, data(), TrainConfig(epochs=2, batch_size=8, seed=seed))]
        return losses, m.weights()

    (la, wa), (lb, wb), (lc, _) = run(5), run(5), run(6)
    assert la == lb
    assert all(np.array_equal(wa[k], wb[k]) for k in wa)
    assert la != lc  # another seed shuffles differently


def _default_run_digest() -> str:
    """sha256 of the losses and final weights of a short seeded run of the default model."""
    rng = np.random.default_rng(3)
    X = (rng.random((40, 1, 28, 28)) < 0.15).astype(np.float32)
    y = np.arange(40) % 4
    m = build_model("default", 4, seed=1)
    losses = [r.loss for r in train(m, (X, y), TrainConfig(epochs=2, batch_size=16, seed=2))]
    h = hashlib.sha256(np.float64(losses).tobytes())
    for _, v in sorted(m.weights().items()):
        h.update(v.tobytes())
    return h.hexdigest()


def test_default_model_training_is_bit_for_bit_repeatable_in_fresh_processes():
    """The default model's fused stages (pooled columns, the wide grid, reused scratch buffers, batches
    of 16 and a last batch of 8) give the same losses and weights, bit for bit, in two new processes
    and in this one."""
    here = Path(__file__).resolve().parent
    code = (f"import sys; sys.path.insert(0, {str(here)!r}); import test_training as t; "
            "print(t._default_run_digest())")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=here.parents[1], capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert len(runs[0]) == 64 and runs[0] == runs[1] == _default_run_digest()


def test_sgd_optimizer_and_data_object_with_arrays_per_epoch():
    calls = []

    class Augmented:
        def arrays(self, epoch):
            calls.append(epoch)
            return data(24, seed=epoch)

    recs = list(train(model(), Augmented(), TrainConfig(epochs=3, batch_size=8, optimizer="sgd", lr=0.05)))
    assert calls == [0, 1, 2]
    assert recs[-1].kind == "done" and sum(r.kind == "step" for r in recs) == 9


def test_bad_config_and_data_are_refused():
    with pytest.raises(ValueError):
        TrainConfig(optimizer="rmsprop")
    with pytest.raises(ValueError):
        TrainConfig(lr=0)
    X, y = data()
    with pytest.raises(ValueError, match="labels"):
        next(train(model(), (X, y + 4), TrainConfig()))


def test_divergence_stops_restores_last_finite_weights_and_suggests_lower_lr():
    m = model()
    recs = list(train(m, data(), TrainConfig(epochs=50, batch_size=8, optimizer="sgd", lr=1e6, momentum=0)))
    last = recs[-1]
    assert last.kind == "diverged"
    assert not np.isfinite(last.loss)
    assert "learning rate" in last.message and "lower" in last.message
    assert all(np.isfinite(w).all() for w in m.weights().values())
    steps = [r for r in recs if r.kind == "step"]
    assert steps and np.isfinite(steps[-1].loss)
    # the kept weights are the ones that gave a finite loss, so training can go on from them
    assert np.isfinite(next(train(m, data(), TrainConfig(epochs=1, lr=1e-9))).loss)


def test_divergence_at_the_first_step_keeps_the_initial_weights():
    m = model()
    m.parameters()["9.bias"][...] = [np.float32(3e38), 0, 0, 0]  # the logits overflow at once
    before = m.weights()
    recs = list(train(m, data(8), TrainConfig(epochs=1, batch_size=8)))
    assert [r.kind for r in recs] == ["diverged"] and recs[0].step == 0
    assert "step 1" in recs[0].message
    assert all(np.array_equal(before[k], v) for k, v in m.weights().items())


def test_non_finite_images_are_refused_before_training():
    X, y = data(8)
    X[3, 0, 0, 0] = np.inf
    with pytest.raises(ValueError, match="not finite"):
        next(train(model(), (X, y), TrainConfig()))


def _run_in_thread(gen):
    """Consumes `gen` in a thread, putting its records on a queue (None at the end)."""
    q: queue.Queue = queue.Queue()

    def consume():
        for r in gen:
            q.put(r)
        q.put(None)

    t = threading.Thread(target=consume, daemon=True)
    t.start()
    return q, t


def test_pause_step_once_resume_and_stop_from_another_thread():
    control = TrainControl()
    control.pause()
    q, thread = _run_in_thread(train(model(), data(), TrainConfig(epochs=100, batch_size=8), control=control))
    assert control.wait_until_blocked(timeout=10)  # paused before the first step
    assert q.empty() and control.paused

    for expected_step in (1, 2):
        control.step_once()
        rec = q.get(timeout=10)
        assert rec.kind == "step" and rec.step == expected_step
        assert control.wait_until_blocked(timeout=10)  # paused again after exactly one batch
        assert q.empty() and control.paused

    control.resume()
    assert not control.paused
    later = q.get(timeout=10)
    assert later.kind == "step" and later.step == 3
    control.stop()
    assert control.stopped
    rest = []
    while (r := q.get(timeout=10)) is not None:
        rest.append(r)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert rest[-1].kind == "stopped" and "stopped" in rest[-1].message.lower()
    assert len(rest) < 100 * 5  # it did not run to the end


def test_stop_while_paused_ends_the_generator():
    control = TrainControl()
    control.pause()
    q, thread = _run_in_thread(train(model(), data(), TrainConfig(epochs=3), control=control))
    assert control.wait_until_blocked(timeout=10)
    control.stop()
    assert q.get(timeout=10).kind == "stopped"
    assert q.get(timeout=10) is None
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_record_type():
    r = TrainRecord("step", 0, 1, 3, loss=1.0)
    assert r.val_loss is None and r.message == ""


def _averaged_by_hand(steps_weights, start, decay):
    """The running average of the weights after each step, as TrainConfig.ema_decay documents it."""
    avg = {k: v.copy() for k, v in start.items()}
    for n, w in enumerate(steps_weights, start=1):
        d = min(decay, (1 + n) / (10 + n))
        for k in avg:
            avg[k] *= np.float32(d)
            avg[k] += np.float32(1 - d) * w[k]
    return avg


def _raw_run(config):
    """Trains with averaging off; returns the initial weights and the weights after every step."""
    m = model()
    start, after = m.weights(), []
    for r in train(m, data(), config):
        if r.kind == "step":
            after.append(m.weights())
    return start, after


def test_ema_factor_warms_up_then_holds_the_decay():
    assert ema_factor(0.998, 1) == pytest.approx(2 / 11)
    assert ema_factor(0.998, 100) == pytest.approx(101 / 110)
    assert ema_factor(0.998, 10_000) == 0.998
    assert ema_factor(0.5, 20) == 0.5 and ema_factor(0.5, 3) == pytest.approx(4 / 13)
    assert TrainConfig().ema_decay == 0.998  # on by default


def test_weight_averaging_ends_with_the_running_average_and_leaves_the_steps_alone():
    config = TrainConfig(epochs=3, batch_size=8, lr=3e-3, seed=1, ema_decay=0.9)
    start, after = _raw_run(replace(config, ema_decay=0.0))
    m = model()
    recs = list(train(m, data(), config))
    raw = list(train(model(), data(), replace(config, ema_decay=0.0)))
    # averaging changes only where the model ends, not the steps taken
    assert [r.loss for r in recs if r.kind == "step"] == [r.loss for r in raw if r.kind == "step"]
    expected = _averaged_by_hand(after, start, 0.9)
    final = m.weights()
    for k in final:
        np.testing.assert_allclose(final[k], expected[k], rtol=1e-5, atol=1e-7)
    assert any(not np.allclose(final[k], after[-1][k]) for k in final)  # not the last step's weights


def test_weight_averaging_off_ends_with_the_last_steps_weights():
    config = TrainConfig(epochs=2, batch_size=8, seed=2, ema_decay=0.0)
    _, after = _raw_run(config)
    m = model()
    list(train(m, data(), config))
    assert all(np.array_equal(m.weights()[k], after[-1][k]) for k in after[-1])


def test_validation_figures_are_those_of_the_averaged_weights():
    m = model()
    val = data(20, 1)
    recs = list(train(m, data(), TrainConfig(epochs=2, batch_size=8, ema_decay=0.95), val=val))
    last_epoch = [r for r in recs if r.kind == "epoch"][-1]
    assert recs[-1].kind == "done"
    loss, acc = evaluate(m, *val)  # the model now holds the averaged weights
    assert last_epoch.val_loss == pytest.approx(loss, rel=1e-6) and last_epoch.val_accuracy == acc


def test_validation_points_split_an_epoch_evenly_and_end_it():
    assert validation_points(169, 1) == (169,)
    assert validation_points(169, 2) == (84, 169)
    assert validation_points(169, 4) == (42, 84, 126, 169)
    assert validation_points(3, 2) == (1, 3)
    assert validation_points(2, 5) == (1, 2)  # never twice after a step, never before the first
    assert validation_points(1, 3) == (1,)
    with pytest.raises(ValueError, match="val_per_epoch"):
        TrainConfig(val_per_epoch=0)


def test_validating_within_epochs_changes_no_training_and_reports_the_model_as_it_is_then():
    """val_per_epoch=2: step records halfway through each epoch carry the validation figures of the
    model after that step (here without averaging: the model itself); every loss, the epoch figures
    and the final weights are those of the run that validates once an epoch."""
    val = data(20, 1)
    config = TrainConfig(epochs=3, batch_size=8, ema_decay=0.0, seed=1)
    once_model, twice_model = model(), model()
    once = list(train(once_model, data(), config, val=val))
    twice, seen = [], []
    for r in train(twice_model, data(), replace(config, val_per_epoch=2), val=val):
        twice.append(r)
        if r.kind == "step" and r.val_accuracy is not None:
            seen.append(evaluate(twice_model, *val))  # the weights as they are when the record comes
    assert [r.kind for r in twice] == [r.kind for r in once]
    assert [r.loss for r in twice] == [r.loss for r in once]
    assert [(r.val_loss, r.val_accuracy) for r in twice if r.kind == "epoch"] == [
        (r.val_loss, r.val_accuracy) for r in once if r.kind == "epoch"]
    mid = [r for r in twice if r.kind == "step" and r.val_accuracy is not None]
    assert [r.step for r in mid] == [2, 7, 12]  # 5 steps an epoch: after step 2 of each
    assert [(r.val_loss, r.val_accuracy) for r in mid] == seen
    assert all(r.val_loss is None for r in once if r.kind == "step")
    for k, w in once_model.weights().items():
        np.testing.assert_array_equal(twice_model.weights()[k], w)


def test_validations_within_an_epoch_use_the_averaged_weights():
    val = data(20, 1)
    config = TrainConfig(epochs=2, batch_size=8, ema_decay=0.9, val_per_epoch=5)  # after every step
    m = model()
    recs = list(train(m, data(), config, val=val))
    last_step = [r for r in recs if r.kind == "step"][-2]  # the last step validated within the epoch
    assert last_step.step == 9 and last_step.val_accuracy is not None
    stopped, control = model(), TrainControl()
    for r in train(stopped, data(), replace(config, val_per_epoch=1), val=val, control=control):
        if r.kind == "step" and r.step == 9:
            control.stop()
    assert r.kind == "stopped"  # the model now holds the average after step 9
    loss, acc = evaluate(stopped, *val)
    assert last_step.val_loss == pytest.approx(loss, rel=1e-6) and last_step.val_accuracy == acc


def test_stopping_ends_with_the_average_so_far():
    config = TrainConfig(epochs=3, batch_size=8, seed=3, ema_decay=0.8)
    start, after = _raw_run(replace(config, ema_decay=0.0))
    m, control = model(), TrainControl()
    for r in train(m, data(), config, control=control):
        if r.kind == "step" and r.step == 4:
            control.stop()
    assert r.kind == "stopped" and r.step == 4
    expected = _averaged_by_hand(after[:4], start, 0.8)
    for k, w in m.weights().items():
        np.testing.assert_allclose(w, expected[k], rtol=1e-5, atol=1e-7)


def test_the_final_message_says_whether_the_model_keeps_averaged_weights():
    on = list(train(model(), data(), TrainConfig(epochs=1, batch_size=8, ema_decay=0.9)))[-1]
    off = list(train(model(), data(), TrainConfig(epochs=1, batch_size=8, ema_decay=0.0)))[-1]
    assert on.kind == off.kind == "done"
    assert on.message.endswith("running average of its weights over the latest steps (weight averaging).")
    assert "average" not in off.message and off.message.startswith("Finished 1 epoch (")
    m, control = model(), TrainControl()
    for r in train(m, data(), TrainConfig(epochs=2, batch_size=8, ema_decay=0.9), control=control):
        if r.kind == "step":
            control.stop()
    assert r.kind == "stopped" and "weight averaging" in r.message


def test_the_apps_average_weights_setting_is_the_engines_ema_decay():
    from gui.core.training import TrainSettings

    assert TrainSettings().average and TrainSettings().config().ema_decay == TrainConfig().ema_decay
    assert TrainSettings(average=False).config().ema_decay == 0.0
    assert TrainSettings.from_dict({"average": "false"}).average is False  # as QSettings stores it
    assert TrainSettings.from_dict({}).average is True  # settings saved before the option existed


@pytest.mark.parametrize("decay", [-0.1, 1.0, 1.5])
def test_bad_ema_decay_is_refused(decay):
    with pytest.raises(ValueError, match="ema_decay"):
        TrainConfig(ema_decay=decay)


def test_default_learning_rate_is_shared_by_the_cli_and_the_app():
    from gui.cli import build_parser
    from gui.core.training import TrainSettings

    assert TrainConfig().lr == 7e-3 and TrainConfig().schedule == "cosine"  # recipe 4, README Performance
    assert TrainSettings().lr == TrainSettings().config().lr == 7e-3
    assert TrainSettings().config().schedule == "cosine" and TrainSettings().copies == 3
    args = build_parser().parse_args(["train", "d.ndjson", "--out", "m.npz"])
    assert (args.lr, args.epochs, args.versions, args.schedule) == (7e-3, 8, 3, "cosine")


def test_cosine_schedule_warms_up_to_the_peak_then_decays_towards_zero():
    config = TrainConfig(lr=0.01, schedule="cosine", warmup=0.1)  # 1,000 steps: 100 of warm-up
    lrs = [scheduled_lr(config, k, 1000) for k in range(1000)]
    assert lrs[0] == pytest.approx(0.01 / 100)
    assert lrs[49] == pytest.approx(0.005)
    assert lrs[99] == pytest.approx(0.01) and lrs[100] == pytest.approx(0.01) and max(lrs) == lrs[100]
    assert lrs[550] == pytest.approx(0.005)  # half-way through the decay: half the peak
    assert 0 < lrs[-1] < 1e-6
    assert all(a < b for a, b in zip(lrs[:99], lrs[1:100], strict=True))
    assert all(a > b for a, b in zip(lrs[100:-1], lrs[101:], strict=True))
    flat = TrainConfig(lr=0.01, schedule="constant")
    assert {scheduled_lr(flat, k, 1000) for k in (0, 500, 999)} == {0.01}
    no_warmup = TrainConfig(lr=0.01, schedule="cosine", warmup=0.0)
    assert scheduled_lr(no_warmup, 0, 10) == 0.01 and scheduled_lr(no_warmup, 9, 10) < 0.01 * 0.03
    assert scheduled_lr(config, 0, 1) == 0.01  # a run of one step takes the peak


def test_the_run_follows_the_schedule_over_all_its_epochs():
    # 5 steps an epoch, 15 in all, 3 of warm-up
    config = TrainConfig(epochs=3, batch_size=8, lr=0.004, schedule="cosine", warmup=0.2)
    lrs = [r.lr for r in train(model(), data(), config) if r.kind == "step"]
    assert lrs == [scheduled_lr(config, k, 15) for k in range(15)]
    assert lrs[2] == pytest.approx(0.004) and lrs[0] == pytest.approx(0.004 / 3)


@pytest.mark.parametrize("field, value", [("schedule", "linear"), ("warmup", 1.0), ("warmup", -0.1),
                                          ("label_smoothing", 1.0), ("label_smoothing", -0.1)])
def test_bad_schedules_are_refused(field, value):
    with pytest.raises(ValueError, match=field):
        TrainConfig(**{field: value})


class _FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _timed_run(step_time, *, epochs, n=64, batch=16, first_epoch_s=4.0, wait_s=0.05, val_s=0.02,
               first_step_s=0.5, val_per_epoch=1):
    """A run on a fake clock: step k (from 0) takes step_time(k) seconds (the very first first_step_s),
    making epoch 0's arrays first_epoch_s and each later one wait_s, each validation val_s.
    -> (records, the clock time the run ended at)."""
    clock = _FakeClock()
    X, y = data(n)

    class SlowData:  # the first epoch is made in the calling process: slow and one-off
        def arrays(self, epoch):
            clock.now += first_epoch_s if epoch == 0 else wait_s
            return X, y

    m = model()
    forward, logits = m.forward, m.logits
    count = [0]

    def timed_forward(x, training=False):
        clock.now += first_step_s if count[0] == 0 else step_time(count[0])
        count[0] += 1
        return forward(x, training=training)

    def timed_logits(x):  # validation: one batch of 16
        clock.now += val_s
        return logits(x)

    m.forward, m.logits = timed_forward, timed_logits
    config = TrainConfig(epochs=epochs, batch_size=batch, ema_decay=0.0,  # validates `m` itself
                         val_per_epoch=val_per_epoch)
    recs = list(train(m, SlowData(), config, val=data(16), clock=clock))
    return recs, recs[-1].elapsed


def test_eta_says_estimating_until_the_first_epoch_boundary_then_is_exact_for_steady_costs():
    """Steady step time, waits between epochs and validation: no estimate before the first epoch
    boundary, then the exact time left at every step once a wait after the first is known; the one-off
    costs (the first step, the first epoch's arrays, the first wait) are not projected forward."""
    recs, end = _timed_run(lambda k: 0.01, epochs=20, n=16 * 30)
    steps = [r for r in recs if r.kind == "step"]
    assert len(steps) == 600 and end == pytest.approx(4.0 + 0.5 + 599 * 0.01 + 19 * 0.05 + 20 * 0.02)
    assert all(r.eta is None for r in recs if r.epoch == 0)
    assert all(r.eta is not None for r in recs if r.epoch > 0)
    for r in steps[30:]:
        unknown = 18 * 0.05 if r.epoch == 1 else 0.0  # the 18 waits to come: the first one is left out
        assert r.eta == pytest.approx(end - r.elapsed - unknown, rel=1e-9, abs=1e-9)
    assert recs[-1].eta == 0.0


def test_eta_is_exact_with_validations_within_each_epoch():
    """Validating 3 times an epoch (after steps 10, 20 and 30 of 30): the validations within an epoch are
    neither counted as step time nor left out of the time left."""
    recs, end = _timed_run(lambda k: 0.01, epochs=20, n=16 * 30, val_per_epoch=3)
    steps = [r for r in recs if r.kind == "step"]
    assert len(steps) == 600 and end == pytest.approx(4.0 + 0.5 + 599 * 0.01 + 19 * 0.05 + 60 * 0.02)
    assert [r.step for r in steps if r.val_accuracy is not None][:4] == [10, 20, 40, 50]
    for r in steps[30:]:
        unknown = 18 * 0.05 if r.epoch == 1 else 0.0  # the 18 waits to come: the first one is left out
        assert r.eta == pytest.approx(end - r.elapsed - unknown, rel=1e-9, abs=1e-9)


def test_eta_holds_within_5_percent_when_steps_alternate_within_each_epoch():
    """The step time of an app run changes within each epoch (slow while the helper process makes the
    next epoch, fast once it is done): with a window of one epoch's steps the estimate stays within 5 %
    of the real time left from the first epoch boundary on (up to the last two epochs, where a small
    time left makes any half-epoch swing a large share of it); a window of 20 steps was 20-50 % off."""
    spe = 160

    def step_time(k):
        return 0.014 if k % spe < spe // 2 else 0.006

    recs, end = _timed_run(step_time, epochs=8, n=spe * 16)
    steps = [r for r in recs if r.kind == "step"]
    trusted = [r for r in steps if r.eta is not None]
    assert trusted[0].epoch == 1 and len(trusted) == 7 * spe
    errors = [abs(r.eta / (end - r.elapsed) - 1) for r in trusted if r.step <= 6 * spe]  # a run's first 3/4
    assert max(errors) < 0.05, max(errors)


def test_eta_follows_a_change_of_step_time_within_one_window():
    """A run whose steps slow down 4x half-way (another program takes the processor): once the window
    (MIN_WINDOW steps here: an epoch is 4 steps) holds only slow steps, the estimate is the new step time
    x the steps left, where a whole-run mean would still be far below."""
    recs, end = _timed_run(lambda k: 0.01 if k < 200 else 0.04, epochs=100, wait_s=0.0, val_s=0.0,
                           first_epoch_s=0.0)
    steps = [r for r in recs if r.kind == "step"]
    assert len(steps) == 400
    slow = steps[200 + _Eta.MIN_WINDOW - 1]
    assert slow.eta == pytest.approx((400 - slow.step) * 0.04, rel=0.01)
    assert steps[199].eta == pytest.approx(200 * 0.01, rel=0.01)


def test_a_one_epoch_run_is_estimated_after_its_first_steps():
    recs, end = _timed_run(lambda k: 0.01, epochs=1, n=16 * 40)
    steps = [r for r in recs if r.kind == "step"]
    assert [r.eta is None for r in steps[: _Eta.TRUST_STEPS]] == [True] * _Eta.TRUST_STEPS
    r = steps[_Eta.TRUST_STEPS]
    assert r.eta == pytest.approx(end - r.elapsed - 0.02)  # all but the one validation, not yet measured


def test_eta_leaves_out_the_first_wait():
    eta = _Eta()
    for _ in range(30):
        eta.add_step(0.01)
    assert eta.left(10, 2) is None  # epochs to come, no boundary passed yet
    eta.add_wait(1.0)  # the helper process starting up: not projected onto the boundaries to come
    assert eta.left(10, 2) == pytest.approx(10 * 0.01)
    eta.add_wait(0.2)
    eta.add_wait(0.4)
    eta.add_validation(0.05)
    assert eta.left(10, 2, validations_left=3) == pytest.approx(10 * 0.01 + 2 * 0.3 + 3 * 0.05)


def test_time_spent_paused_is_not_counted():
    clock = _FakeClock()

    class SlowToAllow(TrainControl):
        def wait_for_turn(self):
            clock.now += 60.0  # a minute paused before each step is allowed
            return super().wait_for_turn()

    config = TrainConfig(epochs=1, batch_size=8)
    recs = list(train(model(), data(), config, control=SlowToAllow(), clock=clock))
    assert [r.elapsed for r in recs] == [0.0] * 7 and recs[-1].kind == "done"
