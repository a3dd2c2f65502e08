from ui.pages.page import Page
class ReviewExportPage(Page):
    title = "Review"
    key = "review_export"
