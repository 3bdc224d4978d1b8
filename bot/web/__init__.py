"""The project's web app: the chat page for budget holders (adviser console and plan documents
come with later work)."""
