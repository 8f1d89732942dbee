"""Search layer: passages -> Whoosh index -> cited answers. Only index.py imports whoosh."""
