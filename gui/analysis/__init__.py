"""What the network learned: representations (PCA + linear probes), mistakes (confusion matrix to
drawings), saliency and occlusion, filter history, the network diagram, dataset health and augmentation
preview. `AnalysisView` holds them; the heavy work runs in the analysis thread (worker.py)."""

from .view import AnalysisView

__all__ = ["AnalysisView"]
