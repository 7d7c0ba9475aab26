"""The `imw case`, `imw project` and `imw scenario` commands: results, and bad input of every kind."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import openpyxl
import pytest
import yaml

from cli import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


CASE = ["case", "--date", "2026-02-10", "--referteloon", "9000", "--fte", "0.8", "--quarter", "3"]


def test_case_prints_one_json_object_with_the_amounts_per_quarter(capsys):
    code, out, err = run(capsys, *CASE, "--package", "5y-standard", "--coaching", "medium", "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    # cap 3 x 2 x 2,154.11 x 0.8 = 10,339.728; 40 % of 9,000; 1,200 + 730 x 0.8
    assert result["cap_eur"] == 10339.73
    assert result["percentage"] == 0.4
    assert result["loonpremie_eur"] == 3600.0
    assert result["begeleidingspremie_eur"] == 1784.0


def test_case_prints_belgian_amounts_without_json(capsys):
    code, out, _ = run(capsys, *CASE, "--percentage", "45", "--coaching", "high", "--hours", "0,5")
    assert code == 0
    assert "€\u00a04.050,00" in out  # 45 % x 9,000
    assert "€\u00a01.840,00" in out  # 1,200 + 1,280 x 0.5


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--package", "5y-standard", "--coaching", "sometimes"], "--coaching"),
        (["--package", "9y", "--coaching", "low"], "--package"),
        (["--percentage", "47", "--coaching", "low"], "percentage 47"),
        (["--percentage", "abc", "--coaching", "low"], "--percentage"),
        (["--coaching", "low"], "--package"),
        (["--package", "2y", "--percentage", "40", "--coaching", "low"], "not both"),
        (["--package", "2y", "--coaching", "low", "--hours", "1.5"], "hours"),
    ],
)
def test_case_refuses_bad_input_with_one_message_and_exit_code_2(capsys, argv, named):
    code, out, err = run(capsys, *CASE, *argv)
    assert code == 2
    assert out == ""
    assert named in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_case_refuses_a_date_that_does_not_exist(capsys):
    code, _, err = run(
        capsys,
        "case",
        "--date",
        "2026-02-30",
        "--referteloon",
        "1",
        "--fte",
        "1",
        "--package",
        "2y",
        "--quarter",
        "1",
        "--coaching",
        "none",
    )
    assert code == 2 and "YYYY-MM-DD" in err


def test_scenario_baseline_prints_a_complete_scenario_that_reads_back_as_the_baseline(capsys, tmp_path):
    code, out, _ = run(capsys, "scenario", "--baseline")
    assert code == 0
    document = yaml.safe_load(out)
    assert document["parameters"]["fallback.window_quarters"] == 6
    assert len(document["parameters"]) > 50
    path = tmp_path / "baseline.yaml"
    path.write_text(out, encoding="utf-8")
    code, table, _ = run(capsys, "project", "--scenario", str(path))
    assert code == 0 and "2037" in table


def test_project_prints_a_table_per_year(capsys, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("horizon_years: 3\n", encoding="utf-8")
    code, out, _ = run(capsys, "project", "--scenario", str(path))
    lines = out.strip().splitlines()
    assert code == 0
    assert lines[0].startswith("jaar")
    assert [line.split("\t")[0] for line in lines[1:4]] == ["2026", "2027", "2028"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_project_writes_results_with_the_scenario_and_versions_inside(capsys, tmp_path, suffix):
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps({"horizon_years": 2, "parameters": {"fallback.mode": "on_top"}}))
    out = tmp_path / f"results{suffix}"
    code, _, _ = run(
        capsys, "project", "--scenario", str(scenario), "--draws", "50", "--seed", "3", "--out", str(out)
    )
    assert code == 0
    if suffix == ".json":
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["metadata"]["scenario"]["parameters"] == {"fallback.mode": "on_top"}
        assert document["metadata"]["draws"] == 50
        assert {"model_version", "parameters_version"} <= set(document["metadata"])
        assert {row["year"] for row in document["results"]} == {2026, 2027}
    elif suffix == ".csv":
        text = out.read_text(encoding="utf-8")
        assert "# model_version:" in text and "on_top" in text
        assert "year,quarter" not in text and "p95" in text
    else:
        book = openpyxl.load_workbook(out)
        assert book.sheetnames == ["Kerncijfers", "Resultaten", "Metadata"]
        metadata = dict(book["Metadata"].iter_rows(min_row=2, values_only=True))
        assert "on_top" in str(metadata["Scenario (YAML)"]) and metadata["Trekkingen"] == 50


@pytest.mark.parametrize(
    ("content", "name", "named"),
    [
        (
            "parameters: {fallback.window_quarters: 25}\n",
            "s.yaml",
            "fallback.window_quarters: 25 is out of range",
        ),
        ("parameters: {fallback.window_quarters: 2.5}\n", "s.yaml", "not a whole number"),
        ("parameters: {fallback.mode: sometimes}\n", "s.yaml", '"sometimes" is not allowed'),
        ("parameters: {inflow.trend: fast}\n", "s.yaml", '"fast" is not a number'),
        ("parameters: {no.such.thing: 1}\n", "s.yaml", "no.such.thing: is not a known parameter"),
        ("parameters: {ggmmi: 3000}\n", "s.yaml", "ggmmi: is fixed"),
        ("paramters: {}\n", "s.yaml", "paramters: is not a scenario key"),
        ("horizon_years: 40\n", "s.yaml", "horizon_years: 40 is out of range"),
        ("parameters: {inflow.coaching_share.none: 0.9}\n", "s.yaml", "must add up to 1"),
        ("parameters: [1, 2\n", "s.yaml", "s.yaml is not valid YAML (line 2"),
        ("{not json", "s.json", "s.json is not valid JSON"),
        ("a: 1", "s.txt", "use a .yaml, .yml or .json file"),
    ],
)
def test_project_refuses_a_bad_scenario_and_writes_nothing(capsys, tmp_path, content, name, named):
    scenario = tmp_path / name
    scenario.write_text(content, encoding="utf-8")
    out = tmp_path / "results.csv"
    code, stdout, err = run(capsys, "project", "--scenario", str(scenario), "--out", str(out))
    assert code == 2
    assert named in err, err
    assert not out.exists() and stdout == ""
    assert list(tmp_path.iterdir()) == [scenario]


def test_project_refuses_a_missing_file_and_a_bad_output_name(capsys, tmp_path):
    code, _, err = run(capsys, "project", "--scenario", str(tmp_path / "missing.yaml"))
    assert code == 2 and "does not exist" in err
    scenario = tmp_path / "s.yaml"
    scenario.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "project", "--scenario", str(scenario), "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and ".csv, .xlsx, .json" in err
    code, _, err = run(capsys, "project", "--scenario", str(scenario), "--draws", "-1")
    assert code == 2 and "--draws -1" in err


def test_the_console_script_shows_no_traceback_on_bad_input(tmp_path):
    imw = shutil.which("imw", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert imw, "the imw console script is not installed"
    result = subprocess.run(
        [imw, "project", "--scenario", str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "does not exist" in result.stderr


def test_project_records_the_seed_and_draws_it_ran_with(tmp_path):
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: Proef\ndraws: 0\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert (
        main(["project", "--scenario", str(scenario), "--draws", "50", "--seed", "1", "--out", str(out)]) == 0
    )
    metadata = json.loads(out.read_text(encoding="utf-8"))["metadata"]
    assert metadata["seed"] == 1 and metadata["draws"] == 50
    assert metadata["scenario"]["seed"] == 1


def test_calibrate_check_says_the_committed_flows_are_current(capsys):
    assert main(["calibrate", "--check"]) == 0
    assert "is current" in capsys.readouterr().out


def test_backtest_json_lists_every_published_point_after_2023_with_its_band(capsys):
    assert main(["backtest", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["points"] == len(document["points"]) == 10
    for point in document["points"]:
        assert point["p5"] <= point["p50"] <= point["p95"]
        assert point["inside_p5_p95"] == (point["p5"] <= point["published"] <= point["p95"])
    assert [row["year"] for row in document["binding"]] == list(range(2019, 2026))


def test_case_whole_package_runs_to_the_end_of_the_package(capsys):
    argv = ["case", "--date", "2026-01-15", "--referteloon", "9000", "--fte", "1", "--package", "2y",
            "--coaching", "none", "--whole-package", "--json"]  # fmt: skip
    assert main(argv) == 0
    quarters = json.loads(capsys.readouterr().out)["quarters"]
    assert len(quarters) == 8
    assert quarters[0]["quarter_start"] == "2026-01-01" and quarters[-1]["quarter_start"] == "2027-10-01"
    assert {q["loonpremie_eur"] for q in quarters} == {1800.0}


def test_case_prints_the_legal_values_it_used(capsys):
    argv = ["case", "--date", "2028-02-10", "--referteloon", "9000", "--fte", "1", "--package", "5y-standard",
            "--quarter", "10", "--coaching", "low"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "GGMMI: 2189.81 (vanaf 2026-04-01" in out and "laatst bekende waarde" in out


def test_project_refuses_an_alias_bomb_quickly_with_a_short_message(capsys, tmp_path):
    from tests.data.test_bounded_load import alias_bomb

    scenario = tmp_path / "bom.yaml"
    scenario.write_text(alias_bomb(), encoding="utf-8")
    code, _, err = run(capsys, "project", "--scenario", str(scenario))
    assert code == 2
    assert "aliases are not allowed" in err and len(err) < 300 and "Traceback" not in err


@pytest.mark.parametrize("target", ["folder", "/proc/no-such-folder/results.csv"])
def test_project_to_a_path_that_cannot_be_written_is_bad_input_not_a_traceback(capsys, tmp_path, target):
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: x\n", encoding="utf-8")
    out = tmp_path / "folder.csv"
    out.mkdir()
    code, _, err = run(
        capsys, "project", "--scenario", str(scenario), "--out", str(out) if target == "folder" else target
    )
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--referteloon", "1e400"], "referteloon 1E+400 is not allowed"),
        (["--referteloon", "-1"], "referteloon -1 is not allowed"),
        (["--referteloon", "NaN"], "not a finite number"),
        (["--referteloon", "3500.001"], "to the cent"),
        (["--fte", "1e-400"], "fte 1E-400 is not allowed"),
        (["--percentage", "1e400"], "percentage 1.00E+400 is not allowed"),
        (["--hours", "1e-999"], "hours 1E-999 is not allowed"),
        (["--quarter", "99999999999999"], "use a quarter from 1 to"),
        (["--date", "9999-12-31"], "after 2099-12-31"),
    ],
)
def test_case_refuses_absurd_values_with_one_short_message_and_exit_code_2(capsys, argv, named):
    given = {"--date": "2026-02-10", "--referteloon": "9000", "--fte": "0.8", "--quarter": "3",
             "--percentage": "40", "--coaching": "low"}  # fmt: skip
    given.update(dict(zip(argv[::2], argv[1::2], strict=True)))
    code, out, err = run(capsys, "case", *[part for pair in given.items() for part in pair])
    assert code == 2 and out == ""
    assert named in err and len(err) < 300
    assert "Traceback" not in err and err.count("\n") == 1


def test_case_names_the_band_of_the_package(capsys):
    code, out, _ = run(capsys, *CASE, "--package", "5y-standard", "--coaching", "none", "--json")
    assert code == 0 and json.loads(out)["band"] == 1
    code, out, _ = run(capsys, *CASE, "--percentage", "45", "--coaching", "none", "--json")
    assert json.loads(out)["band"] is None
