"""The chat screen's widgets, one small file per area."""
