"""Pages of the 行、刑、纪 chain."""
