"""Records on the wire (``faust.Record``), their JSON Schemas and codecs."""
