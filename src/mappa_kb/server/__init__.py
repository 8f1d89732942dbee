"""How the site and the API meet the network: connection deadlines and file snapshots.

Knows nothing about content or search: `api` and `cli.serve_cmd` put it together.
"""
