"""After a plan is agreed: when it is reviewed (Care Act s.27; ../shared/DOMAIN.md "Review")."""
