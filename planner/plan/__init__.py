"""The plan itself: its model, its file, its checks and defaults, and edits by path."""
