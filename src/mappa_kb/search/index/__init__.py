"""The Whoosh index: analysis, building (writer) and reading (reader).

The only package that imports whoosh.
"""
