"""Tests of components/simulator."""
