"""Screens: the chat, the source view, help and the add-article dialog."""
