"""Services between the pages and the model: the cache and the cached calls that pages use."""
