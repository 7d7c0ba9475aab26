"""Builders of the simulator, Vergelijken and the calculator: (result, state, language) -> Dash tree or figure;
the ids of the wing in ids.py."""
