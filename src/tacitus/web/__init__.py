"""The local web app: `tacitus serve`."""
