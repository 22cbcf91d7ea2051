"""Labels of the export, assignments and evidence commands."""
LABELS = {
    "export_done": ("Đã ghi {path} ({pages} trang)", "Wrote {path} ({pages} pages)"),
    "help_overwrite": ("ghi đè tệp đã có", "replace an existing file"),
}
