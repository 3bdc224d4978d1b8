"""What was actually spent from a person's payment card or direct-payment account."""
