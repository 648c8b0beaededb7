"""Files a build writes besides its pages, and the editors' tools: open data, feed, schemas, templates, the browser editor."""
