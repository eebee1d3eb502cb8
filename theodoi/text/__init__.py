"""Document-intelligence core: decoding, normalisation, restoration, parsing, extraction.

Pure Python. Nothing under ``theodoi.text`` may import Django (a test enforces
this), so the core can be used as a library and from the command line alone.
"""
