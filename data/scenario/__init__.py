"""A scenario and everything it is made of or turned into, one module each:

- `schema`: the Scenario, its errors (ScenarioError names the field), the checks of its values against the
  parameters' metadata, and `Scenario.document()`, the one mapping every format writes;
- `files`: a scenario read from YAML or JSON (text, file, upload), the baseline written out;
- `presets`: the simulator's presets (data/scenarios/*.yaml);
- `inputs`: from the dated parameters and a scenario to the model's inputs;
- `decomposition`: a difference between two scenarios split into the effects of their changes.

The link's codec (``?s=``) is services/scenario_url.py: it checks a link with the page's limits on draws, which
live in services/.
"""
