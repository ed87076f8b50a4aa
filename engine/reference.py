"""Slow, obviously-correct loop versions of convolution and pooling.

The fast layers in `layers.py` are tested against these. They follow the lecture's definitions
one output value at a time and are not used for training.
"""

from __future__ import annotations

import numpy as np


def conv1d_valid(x, k) -> np.ndarray:
    """1-D convolution as the lecture computes it (cross-correlation, no padding).

    output[n] = sum_j k[j] * x[n + j], for n = 0 .. len(x) - len(k).
    """
    x, k = np.asarray(x, dtype=np.float64), np.asarray(k, dtype=np.float64)
    out = np.zeros(len(x) - len(k) + 1)
    for n in range(len(out)):
        for j in range(len(k)):
            out[n] += k[j] * x[n + j]
    return out


def conv2d(x, weight, bias=None, stride=1, padding=0) -> np.ndarray:
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) -> (N, O, Ho, Wo), zero padding.

    y[n, o, i, j] = bias[o] + sum_{c, a, b} weight[o, c, a, b] * xpad[n, c, i*stride + a, j*stride + b]
    """
    x, weight = np.asarray(x), np.asarray(weight)
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    xp = np.zeros((n, c, h + 2 * padding, w + 2 * padding), x.dtype)
    xp[:, :, padding : padding + h, padding : padding + w] = x
    ho, wo = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    y = np.zeros((n, o, ho, wo), np.result_type(x, weight))
    for b in range(n):
        for f in range(o):
            for i in range(ho):
                for j in range(wo):
                    patch = xp[b, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
                    y[b, f, i, j] = np.sum(patch * weight[f]) + (0 if bias is None else bias[f])
    return y


def _pool2d(x, kernel_size, stride, reduce) -> np.ndarray:
    x = np.asarray(x)
    stride = kernel_size if stride is None else stride
    n, c, h, w = x.shape
    ho, wo = (h - kernel_size) // stride + 1, (w - kernel_size) // stride + 1
    y = np.zeros((n, c, ho, wo), x.dtype)
    for b in range(n):
        for ch in range(c):
            for i in range(ho):
                for j in range(wo):
                    r, c0 = i * stride, j * stride
                    window = x[b, ch, r : r + kernel_size, c0 : c0 + kernel_size]
                    y[b, ch, i, j] = reduce(window)
    return y


def maxpool2d(x, kernel_size=2, stride=None) -> np.ndarray:
    """x (N, C, H, W) -> (N, C, Ho, Wo): the maximum of each window."""
    return _pool2d(x, kernel_size, stride, np.max)


def avgpool2d(x, kernel_size=2, stride=None) -> np.ndarray:
    """x (N, C, H, W) -> (N, C, Ho, Wo): the mean of each window."""
    return _pool2d(x, kernel_size, stride, np.mean)
