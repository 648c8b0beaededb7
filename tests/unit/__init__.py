"""Tests that need neither a build of the site nor a browser."""
