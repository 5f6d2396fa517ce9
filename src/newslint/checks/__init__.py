"""Built-in rule families, one module per family; each is a plugin registered by entry point."""
