from ui.pages.page import Page
class ChannelsPage(Page):
    title = "Channels"
    key = "channels"
