"""Personal budgets: importing them from the council, and reading them (database or finance API)."""
