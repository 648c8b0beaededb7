"""The Kleinstadtakademie knowledge-base compiler. Knows nothing of MkDocs."""
