"""Reporters: one module per output format, registered through the ``newslint_reporters`` hook."""
