"""The app's dialogs: About, Glossary, Import actuals."""
