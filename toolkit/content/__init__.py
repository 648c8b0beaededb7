"""The content model: kinds of entry and their fields, records, words, addresses, escaping."""
