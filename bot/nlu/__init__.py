"""Custom Rasa NLU components. Import them by path in config.yml, e.g.
`- name: bot.nlu.entities.SupportPlanEntityExtractor` (this package imports nothing itself, so
`import bot.nlu` stays cheap and free of Rasa)."""
