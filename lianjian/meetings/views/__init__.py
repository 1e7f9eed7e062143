"""Pages of the joint-meeting domain: they parse input, call services and selectors, and render."""
