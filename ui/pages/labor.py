"""Placeholder."""
from ui.pages.page import Page
class LaborPage(Page):
    title = "Labor model"
    key = "labor"
