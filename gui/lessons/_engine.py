"""The engine names the lessons use besides `engine.lessons`, in one place (all public `engine` names)."""

from __future__ import annotations

from engine import build_model, generate_drawings, rasterize, rasterize_many

__all__ = ["build_model", "generate_drawings", "rasterize", "rasterize_many"]
