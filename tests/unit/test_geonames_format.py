from __future__ import annotations

import lzma
from pathlib import Path

import pytest

from app.gazetteer.geonames_format import (
    GazetteerFormatError,
    file_kind,
    read_admin_codes,
    read_alternate_names,
    read_country_info,
    read_places,
)

ROW = "\t".join(["169389", "Idlib", "Idlib", "Idleb,ادلب", "35.93062", "36.63393", "P", "PPLA", "SY", "", "12", "", "",
                 "", "128840", "", "449", "Asia/Damascus", "2020-01-01"])


def test_reads_a_geoname_row_with_admin_names(tmp_path: Path) -> None:
    places = tmp_path / "SY.txt.xz"
    places.write_bytes(lzma.compress((ROW + "\n").encode()))
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("SY.12\tIdlib\tIdlib\t169387\n", encoding="utf-8")
    [place] = read_places(places, admin1=read_admin_codes(admin1))
    assert place.geonameid == 169389 and place.feature_code == "PPLA" and place.admin1_name == "Idlib"
    assert place.alternate_names == ("Idleb", "ادلب")
    assert place.lat == pytest.approx(35.93062)


def test_bad_number_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "SY.txt"
    path.write_text(ROW + "\n" + ROW.replace("35.93062", "abc") + "\n", encoding="utf-8")
    with pytest.raises(GazetteerFormatError, match=r"SY.txt:2: latitude"):
        list(read_places(path))


def test_alternate_names_skip_links_and_codes(tmp_path: Path) -> None:
    path = tmp_path / "alternateNamesV2.txt"
    path.write_text("1\t5\tlink\thttp://x\n2\t5\tar\tادلب\n3\t5\ticao\tOSXX\n", encoding="utf-8")
    assert [n.name for n in read_alternate_names(path)] == ["ادلب"]


def test_country_info_reads_geonameid(tmp_path: Path) -> None:
    path = tmp_path / "countryInfo.txt"
    fields = ["SY", "SYR", "760", "SY", "Syria", "Damascus", "185180", "22933531", "AS", ".sy", "SYP", "Pound",
              "963", "", "", "ar-SY", "163843", "IQ,JO", ""]
    path.write_text("#ISO\tcomment\n" + "\t".join(fields) + "\n", encoding="utf-8")
    assert read_country_info(path)["SY"].geonameid == 163843


@pytest.mark.parametrize(
    ("name", "kind"),
    [("allCountries.txt", "places"), ("SY.zip", "places"), ("alternateNamesV2.txt", "alternate_names"),
     ("admin1CodesASCII.txt.xz", "admin1"), ("admin2Codes.txt", "admin2"), ("countryInfo.txt", "country_info"),
     ("admin_areas.geojson.xz", "admin_areas")],
)
def test_file_kind_from_name(name: str, kind: str) -> None:
    assert file_kind(Path(name)) == kind
