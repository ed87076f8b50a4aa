"""What the network learned: representations (PCA + linear probes), mistakes (confusion matrix to
drawings), saliency and occlusion, filter history, the network diagram, dataset health and augmentation
preview. `AnalysisView` (a QTabWidget, objectName "analysis") holds the seven panels; the heavy work runs
in the analysis thread, which hands it to one low-priority helper process (worker.py, jobs.py).

Wiring into the trainer window (`MainWindow.show_analysis` and the `_feed_analysis_*` methods do this):

    analysis = AnalysisView()                                   # e.g. in a dock "Analysis"
    def dataset_changed(kind=None):                             # state.changed (and once at start)
        analysis.set_dataset(state.drawings, [(c.name, c.color) for c in state.classes])
    MainWindow._update_stale: analysis.set_stale(stale)         # model_state.stale (data changed since)
    training_panel.settingsChanged -> analysis.set_validation(s.val_split, s.seed)   (s = settings())
    controller.recordReceived(rec): on rec.kind == "epoch":
        analysis.record_epoch(rec.epoch, model.weights(),
                              model.activations(predictor.last_input) if it is not None else None)
    and on "epoch" / "done" / "stopped":
        analysis.set_model(controller.model.copy(), controller.classes, f"Model after epoch {rec.epoch + 1}.")
    controller.modelReplaced -> analysis.set_model(controller.model.copy(), controller.classes)
                                and analysis.history.clear()
    canvas.strokesChanged -> analysis.set_drawing(canvas.strokes())
    analysis.drawingRequested(int) -> the window's "open drawing i in the canvas" (MainWindow._open_in_canvas)
    analysis.showDrawings(list) -> filter the gallery to exactly these rows (needs a Gallery method; until
                                   then gallery.select_rows(rows) selects them)
    analysis.layerRequested(int) -> optional: raise the filters / feature-maps docks
    analysis.set_test_set(drawings) after importing a labelled test set; showTestDrawings(list) gives the
                                   positions in that test set of a clicked cell
    closeEvent: analysis.shutdown()                             # before the window goes
"""

from .view import AnalysisView

__all__ = ["AnalysisView"]
