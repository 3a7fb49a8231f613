"""The ratings service (`glossdeck api`): a small Starlette app served by uvicorn."""
