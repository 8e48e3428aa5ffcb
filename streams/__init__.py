"""The Faust application and every piece of I/O: topics, agents, tables, web, CLI."""
