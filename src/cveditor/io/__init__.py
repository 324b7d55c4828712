"""Pure file formats: bytes or text in, model out, and back. No Qt here."""
