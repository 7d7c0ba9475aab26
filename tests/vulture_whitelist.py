"""Names vulture reports as unused that are used, each with why (tests/test_dead_code.py reads this file).

vulture's whitelist format: a name written here counts as used wherever it is defined (``_.name`` for an
attribute or a method). The file is read by vulture, never imported or run.
"""

# ruff: noqa: B018, F821

# --- Dash callbacks: registered by the @callback decorator, called by Dash (and by the tests as functions)
SHARED_CALLBACKS  # app.py: the pages modules imported for their callbacks (Dash imports page modules only)
update_view  # pages/indicator_blocks.py: a block's filters -> its figure, table, summary and banner
download_csv  # pages/indicator_blocks.py: a registered download callback (tests call it)
download_data_csv  # pages/indicator_blocks.py: the same, for the tidy data CSV
download_xlsx  # pages/indicator_blocks.py: the same, for the XLSX
sync_url  # pages/indicator_blocks.py: every block's state -> the query string store
apply_source  # pages/simulator/page.py: a preset or an uploaded file sets every control
describe_preset  # pages/simulator/page.py: the chosen preset's description
update_page  # pages/simulator/page.py: any control -> checked fields and the results
reset_change  # pages/simulator/page.py: a field's reset button

# --- Flask views and hooks: registered by @server.route, before_request or after_request
_scenario  # services/api.py: GET /api/scenario
_plotly  # services/delivery.py: serves the partial plotly.js bundle
_delivery_headers  # services/delivery.py: after_request, caching headers
_default_view  # services/delivery.py: before_request, a default view answered from memory
_keep_default_view  # services/delivery.py: after_request, keeps a default view's answer
_before  # services/hardening.py: before_request, the callback request check and the 404 for no page
_headers  # services/hardening.py: after_request, the security headers
_health  # services/hardening.py: GET /health
_index  # services/monitoring_api.py: GET /api/monitoring
_release_file  # services/monitoring_api.py: GET /api/monitoring/<file>
_openapi  # services/openapi.py: GET /api/openapi.json
_start_warm_up  # services/warmup.py: before_request, starts the warm-up with the first request
_.imw_default_view  # services/delivery.py: set on flask.g, read back with g.pop("imw_default_view")

# --- click: commands registered by @data.command, methods click calls on its own types
validate_command  # cli/data.py: imw data validate
import_command  # cli/data.py: imw data import
releases_command  # cli/data.py: imw data releases
restore_command  # cli/data.py: imw data restore
_.get_metavar  # cli/common.py: click calls it to write an option's value in --help (YYYY-MM-DD)
_.list_commands  # cli/common.py: click calls it to list a group's commands in --help

# --- Dash's component protocol: attributes Dash's Component base class reads
_._valid_wildcard_attributes  # components/shell/lazy.py, static_html.py: Component checks props against it
_.__doc__  # pages/indicator_blocks.py: a generated callback's docstring, read by help() and pydoc

# --- openpyxl: attributes the workbook writer reads when it saves the file
_.font  # services/monitoring_exports.py, data/results_workbook.py: a cell's font (bold headings)
_.alignment  # data/results_workbook.py: a cell's alignment (wrapped text)
_.freeze_panes  # services/monitoring_exports.py, data/results_workbook.py: the sheet's frozen heading rows

# --- pydantic: the model's configuration, read by pydantic's metaclass
model_config  # data/scenario/document.py, data/monitoring/catalogue.py: the models forbid unknown keys, strict

# --- dataclass fields, reported when no code reads them by name. Those marked "never read by name" are not used:
# they stay as part of their record (a record's shape, cached or built from YAML) until someone decides to drop them
variable_part  # simulation/coverage.py: CoverageRow's variable premium (never read by name)
date_read  # data/monitoring/public_sources.py: PublicSource's reading date (never read by name)
source_file  # data/parameter_store.py: Parameter's YAML file (never read by name)
affects  # data/parameter_store.py: Parameter, from the YAML metadata; the code-health tests read it
affects_reason  # data/parameter_store.py: Parameter, from the YAML metadata; the code-health tests read it
rules  # data/scenario/schema.py: Scenario's named rules, already applied to its values (never read by name)
reasoning  # simulation/calibration.py: Estimate's argument for its range (never read by name)
other_exits  # simulation/collective.py: QuarterStart's flow; the invariant tests read it
returns_inside  # simulation/collective.py: QuarterEnd's flow; the invariant tests read it
returns_waiting  # simulation/collective.py: QuarterEnd's flow (never read by name)

# --- ModelInputs fields the projection reads by name from the drawn assumptions (a["wage_factor"], ...)
wage_factor  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["wage_factor"] in simulation/projection.py
elasticity  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["elasticity"]
raised_from_queue_share  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["raised_from_queue_share"]
exit_rate_factor  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["exit_rate_factor"]
renewal_five_year  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["renewal_five_year"]
vop_stock  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["vop_stock"]
vop_conversion_share  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["vop_conversion_share"]
fallback_takeup  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["fallback_takeup"]
contingent_growth  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["contingent_growth"]
collective_other_exit  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["collective_other_exit"]
collective_doorstroom  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["collective_doorstroom"]
doorstroom_to_imw  # simulation/inputs.py: UNCERTAIN_FIELDS, read as a["doorstroom_to_imw"]

# --- used outside the paths vulture reads
_.warm  # services/compute.py: ComputePool.warm, called by deploy/gunicorn.conf.py before a worker serves

# --- declarations and seams the tests of behaviour rely on
recheck  # app.py: forgets the last file check, so the /health tests see a file removed at once
_.process_ids  # services/compute.py: the compute tests check a run happened in another process
first_view_html  # components/shell/first_view.py: the module's documented writer; the HTML tests write trees with it
BUILT_HERE  # data/scenario/inputs.py: parameters the builders read; the code-health test checks every one is read
KEY_COLUMNS  # data/monitoring/schema.py: a release's key; a test checks no two rows share it
