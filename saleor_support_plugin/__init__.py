"""Support desk for Saleor stores: tickets from store events, agents, SLAs and surveys."""

PLUGIN_ID = "saleor_support_plugin.support"
"""Identifier of the plugin in Saleor (``/plugins/global/<PLUGIN_ID>/``)."""
