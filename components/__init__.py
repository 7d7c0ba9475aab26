"""Reusable pieces of the portal: texts, formats, layout parts, controls and chart builders."""
