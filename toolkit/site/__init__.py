"""The facade a generator adapter calls, with each page's sources and history."""
