"""Charts (QtCharts). Pages hold a :class:`ChartSlot`; QtCharts loads when a chart is first shown."""

from ui.charts.slot import ChartSlot

__all__ = ["ChartSlot"]
