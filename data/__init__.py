"""The data layer: dated legal parameters, scenarios, and the monitoring data with sources and flags."""
