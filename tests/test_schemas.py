"""The JSON Schema files match the records, and records validate against them."""

from __future__ import annotations

import jsonschema
import orjson

from processors.contradictions import KeyRecord, observe, DetectionPolicy
from schemas import jsonschema as generator
from schemas.records import AlertRecord
from tests.factories import T0, event


def test_schema_files_are_up_to_date():
    assert generator.main(["--check"]) == 0, "run: python -m schemas.jsonschema --write"


def test_an_alert_record_validates_against_its_schema():
    _, record = observe(event("a", "asserted", side="x"), KeyRecord(), DetectionPolicy(), now=T0)
    alerts, _ = observe(event("b", "denied", side="y"), record, DetectionPolicy(), now=T0)
    wire = orjson.loads(AlertRecord.from_data(alerts[0].to_wire()).dumps())
    schema = orjson.loads(generator.schema_path("alerts.contradictions").read_bytes())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(wire)
    assert wire["schema_version"] == 1 and wire["claim_a"]["participants"] == ["Vladimir Putin", "Donald Trump"]
