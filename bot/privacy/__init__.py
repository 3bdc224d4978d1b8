"""Personal data: deleting conversations and plans past retention (purge) or on request (forget)."""
