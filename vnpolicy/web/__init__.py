"""The web interface over a search index: `create_app("archive.sqlite")` is an ASGI app."""

from vnpolicy.web.app import app_from_env, create_app

__all__ = ["app_from_env", "create_app"]
