"""Helpers that several test modules share. A test module imports these, never another test module."""
