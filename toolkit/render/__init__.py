"""The pages: Markdown and HTML of entries, lists, search metadata, heads, the preview."""
