"""tayninh_desktop: the member register and party work of a commune party committee, offline."""

__version__ = "0.1.0"
APP_NAME = "tayninh-desktop"
