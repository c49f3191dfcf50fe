"""A bot that answers immigration statistics questions in Indonesian and English."""

__version__ = "0.1.0"
