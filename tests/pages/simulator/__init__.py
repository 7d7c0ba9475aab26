"""Tests of pages/simulator."""
