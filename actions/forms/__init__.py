"""The shared base for every section form's validation (DESIGN §6), one concern a module:

- `detours`: a sign of risk, a request for a person, a question, stop/save or start again,
  handled whatever question is open;
- `section_changes`: asking to change another part of the plan goes there;
- `skipping`: skipping a question the section allows to skip;
- `retries`: failed answers, explained another way on the second failure, paused on the third;
- `resuming`: the message after such a pause tried as the answer to the paused question;
- `choice_checks`: a middling reading of a choice put back to the person as one short question;
- `base`: `SectionFormValidation`, the thin class that composes them in that order;
- `recording`: `FreeTextFormValidation`, a one-question form that saves its answer at once.

Each module's docstring lists the domain entries (slots, responses) it needs."""
