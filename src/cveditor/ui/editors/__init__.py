"""Section editors, all built on one binding: a field knows its path into the model."""
