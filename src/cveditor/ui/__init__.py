"""The Qt user interface: main window, section editors, preview."""
