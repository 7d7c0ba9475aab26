"""Tests of data/scenario."""
