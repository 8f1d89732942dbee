"""`mappa-kb stats import`: reads both real reports into exactly the committed files,
copes with layout noise, and refuses reports that are incomplete or do not add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from stats_support import CAMBS_REPORT, LONDON_REPORT, REPO

from mappa_kb.cli import main
from mappa_kb.content.statistics.models import AreaYearStatistics
from mappa_kb.stats.importer import ImportFailed, import_report

REPORTS = [
    (LONDON_REPORT, "London", "london"),
    (CAMBS_REPORT, "Cambridgeshire and Peterborough", "cambridgeshire-and-peterborough"),
]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["stats", "import", *args, "--root", str(REPO)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("report", "area", "area_id"), REPORTS)
def test_import_reproduces_the_committed_file(
    report: Path, area: str, area_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = REPO / "data" / "statistics" / area_id / "2022-23.yaml"
    target = tmp_path / "out.yaml"
    code, _, err = run(
        [str(report), "--area", area, "--year", "2022-23", "-o", str(target)], capsys
    )
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    # Printing gives the same text as writing.
    code, out, _ = run([str(report), "--area", area, "--year", "2022-23"], capsys)
    assert code == 0
    assert out == committed.read_text(encoding="utf-8")


def test_committed_figures_match_the_reports() -> None:
    london = yaml.safe_load((REPO / "data/statistics/london/2022-23.yaml").read_text("utf-8"))
    assert london["eligible"]["level2"]["total"] == 120
    assert london["eligible"]["level1"]["cat3"] is None
    assert london["cat1_lifetime_revoked"] == 64
    assert london["notifiable_per_100k"] == 89
    assert london["returned_to_custody"]["total"]["total"] == 65
    assert london["source"] == "london-2022-23"
    cambs = yaml.safe_load(
        (REPO / "data/statistics/cambridgeshire-and-peterborough/2022-23.yaml").read_text("utf-8")
    )
    assert cambs["eligible"]["total"]["cat1"] == 987
    assert cambs["shpo_breach"] == {"level2": 0, "level3": 2, "total": 2}
    assert cambs["source"] == "cambs-peterborough-2022-23"


def test_json_has_the_same_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        [str(LONDON_REPORT), "--area", "London", "--year", "2022-23", "--json"], capsys
    )
    assert code == 0
    data = json.loads(out)
    committed = yaml.safe_load((REPO / "data/statistics/london/2022-23.yaml").read_text("utf-8"))
    assert AreaYearStatistics.model_validate(data) == AreaYearStatistics.model_validate(committed)
    assert list(data)[:8] == [
        "area",
        "area_name",
        "year",
        "period",
        "snapshot_date",
        "source",
        "eligible",
        "levels_2_3_yearly",
    ]
    assert data["eligible"]["level1"] == {"cat1": 6867, "cat2": 3612, "cat3": None, "total": 10479}


def _noisy(text: str) -> str:
    """Another area and year in the same layout: thousands separators, CRLF, extra
    blank lines and spaces, different dashes, and a page number after a table."""
    text = text.replace("31 March 2023", "31 March 2022")
    for plain, grouped in (("6867", "6,867"), ("3612", "3 612"), ("10479", "10,479")):
        text = text.replace(f"\t{plain}\n", f"\t  {grouped}  \n")
    text = text.replace("\t6901\n", "\t6,901\n").replace("\t3669\n", "\t3,669\n")
    text = text.replace("\t10621\n", "\t10,621\n\n\n\n7\n")
    text = text.replace("\tLevel 2\n", "\n\t  Level   2 \n\n")
    text = text.replace("\t-\n", "\t–\n")
    return text.replace("\n", "\r\n")


def test_import_copes_with_layout_noise() -> None:
    text = _noisy(LONDON_REPORT.read_text(encoding="utf-8"))
    stats = import_report(text, "Avon & Somerset", "2021-22", "avon-and-somerset-2021-22")
    assert stats.area == "avon-and-somerset"
    assert stats.period.start.isoformat() == "2021-04-01"
    assert stats.snapshot_date.isoformat() == "2022-03-31"
    assert stats.eligible.level1.cat1 == 6867
    assert stats.eligible.level1.cat3 is None
    assert stats.eligible.total.total == 10621
    assert stats.levels_2_3_yearly.level2.total == 697
    assert stats.shpo == 548


def _fails(text: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    target = tmp_path / "out.yaml"
    code, _, err = run(
        [str(report), "--area", "London", "--year", "2022-23", "-o", str(target)], capsys
    )
    assert code == 1
    assert not target.exists(), "nothing may be written for a bad report"
    assert not list(tmp_path.glob(".out.yaml*")), "no temporary file may be left behind"
    return err


def test_rejects_an_altered_total(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = LONDON_REPORT.read_text(encoding="utf-8").replace("\t120\n", "\t121\n", 1)
    err = _fails(text, capsys, tmp_path)
    assert "table 'eligible', row 'level2', column 'total': stated 121, computed 120" in err
    assert "MAPPA-eligible individuals on 31 March" in err


def test_rejects_an_altered_column_total(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = LONDON_REPORT.read_text(encoding="utf-8").replace("\t197\n", "\t198\n", 1)
    err = _fails(text, capsys, tmp_path)
    assert "table 'levels_2_3_yearly', row 'total', column 'cat1': stated 198, computed 197" in err


def test_rejects_a_missing_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = LONDON_REPORT.read_text(encoding="utf-8")
    start = text.index("\tBreach of SHPO")
    end = text.index("\tTotal number of individuals subject")
    err = _fails(text[:start] + text[end:], capsys, tmp_path)
    assert "table 'shpo_breach' (Breach of SHPO): not found" in err


def test_rejects_a_missing_figure(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = LONDON_REPORT.read_text(encoding="utf-8").replace("\tNotification Order\n\t7\n", "")
    err = _fails(text, capsys, tmp_path)
    assert "figure 'notification_orders' (Notification Order): not found" in err


def test_rejects_a_truncated_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = LONDON_REPORT.read_text(encoding="utf-8")
    cut = text.index("\tLevel 3\n", text.index("Returned to custody for breach of licence"))
    err = _fails(text[: cut + len("\tLevel 3\n\t6\n\t4\n")], capsys, tmp_path)
    assert "table 'returned_to_custody'" in err
    assert "row 'level3' (line" in err and "has 2 numbers, expected 4" in err
    assert "table 'shpo_breach' (Breach of SHPO): not found" in err
    assert "figure 'notifiable_per_100k'" in err


def test_rejects_a_row_cut_short_mid_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = LONDON_REPORT.read_text(encoding="utf-8").replace(
        "\t31\n\t49\n\t40\n", "\t31\n\t49\n", 1
    )
    err = _fails(text, capsys, tmp_path)
    assert (
        "table 'eligible'" in err and "row 'level2'" in err and "has 3 numbers, expected 4" in err
    )


def test_rejects_text_without_a_statistics_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    err = _fails("An annual report with no tables.\n", capsys, tmp_path)
    assert "no 'MAPPA Statistics' section found" in err


def test_rejects_a_snapshot_date_from_another_year() -> None:
    with pytest.raises(ImportFailed) as caught:
        import_report(LONDON_REPORT.read_text(encoding="utf-8"), "London", "2021-22", "x")
    assert "snapshot date 2023-03-31 does not match year 2021-22" in str(caught.value)


def test_rejects_a_badly_written_year() -> None:
    with pytest.raises(ImportFailed, match="two consecutive years"):
        import_report(LONDON_REPORT.read_text(encoding="utf-8"), "London", "2022-24", "x")
