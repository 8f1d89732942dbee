"""MkDocs glue only: the plugin and the macros. Logic lives in content/ and render/."""
