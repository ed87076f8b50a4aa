"""The TensorFlow.js export loaded by the real @tensorflow/tfjs in Node (skipped without node or without
@tensorflow/tfjs installed: `npm install --prefix ~/.cache/shapelab-tfjs @tensorflow/tfjs@4`, or point
SHAPELAB_TFJS_DIR at a folder whose node_modules holds it). Nothing is fetched by the test."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.export import check_inputs, export_model, web_input

TFJS_DIR = Path(os.environ.get("SHAPELAB_TFJS_DIR", Path.home() / ".cache" / "shapelab-tfjs"))
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None or not (TFJS_DIR / "node_modules" / "@tensorflow" / "tfjs").is_dir(),
    reason="needs node and @tensorflow/tfjs installed locally (see the module docstring)",
)

SCRIPT = r"""
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');
(async () => {
  const dir = process.argv[2];
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(dir, spec.weightsManifest[0].paths[0]));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const model = await tf.loadLayersModel({
    load: async () => ({modelTopology: spec.modelTopology, weightSpecs: spec.weightsManifest[0].weights,
                        weightData, format: spec.format, generatedBy: spec.generatedBy})});
  const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const out = model.predict(tf.tensor(input.data, input.shape, 'float32'));
  process.stdout.write(JSON.stringify({shape: out.shape, data: Array.from(out.dataSync()),
                                       inputShape: model.inputs[0].shape}));
})().catch(e => { console.error(e); process.exit(1); });
"""


def run_node(folder: Path, x: np.ndarray, tmp_path: Path) -> dict:
    (tmp_path / "check.js").write_text(SCRIPT)
    (tmp_path / "input.json").write_text(json.dumps({"shape": list(x.shape), "data": x.ravel().tolist()}))
    env = {**os.environ, "NODE_PATH": str(TFJS_DIR / "node_modules")}
    done = subprocess.run([NODE, str(tmp_path / "check.js"), str(folder), str(tmp_path / "input.json")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("preset", ["default", "mlp"])
def test_tensorflow_js_runs_the_export_like_the_engine(tmp_path, preset):
    model = engine.build_model(preset, 4, seed=5)
    model.layers[-1].params["weight"] *= np.float32(40.0)
    engine.save_model(tmp_path / "m.npz", model, ["square", "triangle", "circle", "irregular"])
    export_model(tmp_path / "m.npz", "tfjs", tmp_path / "web")
    X = check_inputs(28)
    expected = model.predict_proba(X)
    got = run_node(tmp_path / "web", web_input(X), tmp_path)
    assert got["inputShape"] == [None, 28, 28, 1]
    p = np.array(got["data"], np.float32).reshape(got["shape"])
    assert np.abs(p - expected).max() <= 1e-5
    np.testing.assert_array_equal(p.argmax(1), expected.argmax(1))
    got5 = run_node(tmp_path / "web" / "ml5", web_input(X[:4], rgb=True), tmp_path)
    assert got5["inputShape"] == [None, 224, 224, 3]
    p5 = np.array(got5["data"], np.float32).reshape(got5["shape"])
    assert np.abs(p5 - expected[:4]).max() <= 1e-5
