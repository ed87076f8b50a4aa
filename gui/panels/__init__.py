"""The trainer window's visual panels: training plots, learned filters, feature maps, prediction bars."""
