"""Tests that need a real build of the site and Chromium."""
