"""Statistics as content: data/statistics/<area>/<year>.yaml, its schema and its checks.

The standard tables (catalogue), every total against its parts (consistency), review
dates (reviews), and loading with problems as file:line values (loading). Figures worked
out from the data, and the sentences and pages made of it, live in mappa_kb.stats.
"""
