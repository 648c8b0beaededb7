"""Reading and checking the sources editors write: files, fields, vocabularies, texts."""
