"""Tests that need a real build of the site, but no browser."""
