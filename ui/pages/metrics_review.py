from ui.pages.page import Page
class MetricsReviewPage(Page):
    title = "Metrics"
    key = "metrics_review"
