"""Builders of the monitoring pages: (data, state, language) -> Dash tree or figure."""
