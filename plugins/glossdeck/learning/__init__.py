"""The learning feature: quizzes, flashcards, learning paths, progress, the explorer and the graph.
Importing this package registers it (see `features.register`); `glossdeck.learning:LEARNING` is
its entry point."""

from ..features import register
from .feature import LEARNING, Learning

register(LEARNING)

__all__ = ["LEARNING", "Learning"]
