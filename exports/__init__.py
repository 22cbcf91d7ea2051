"""Reports: PDF documents (reportlab) and text tables (tabulate). Knows nothing of Textual."""
