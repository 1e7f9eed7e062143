"""What the dashboard shows: each panel is read from its domain's own selectors."""


def dashboard_panels(*, actor):
    return {"unit": actor.unit}
