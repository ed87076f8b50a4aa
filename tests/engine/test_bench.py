"""measure_speed returns figures (it never prints); the CLI prints them."""

import json

from engine import measure_speed


def test_measure_speed_returns_json_ready_figures(capsys):
    result = measure_speed(repeats=3, batch=4, input_size=16, preset="tiny")
    assert capsys.readouterr().out == ""
    assert json.loads(json.dumps(result)) == result
    assert result["batch"] == 4 and result["input_size"] == 16 and result["preset"] == "tiny"
    assert result["parameters"] > 0
    for key in ("train_step_ms", "train_step_min_ms", "infer_ms", "infer_min_ms"):
        assert result[key] > 0
    assert result["train_step_min_ms"] <= result["train_step_ms"]
    assert result["numpy"] and result["cpu_count"] >= 1 and result["blas_threads"] >= 1
