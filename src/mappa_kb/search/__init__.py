"""The question search, in the order data flows through it.

- passages/ (build time): content -> passages and the lexicon questions need.
- index/: the Whoosh index; the only package that imports whoosh.
- understand/: a question -> what to look for and what kind of answer fits.
- answer/: candidates -> ranked, trimmed, cited answers.
- api.py: the HTTP shell; build.py: content -> passages -> index, in one call.

passage.py, lexicon.py and text.py are the shared vocabulary. The answering path
(index, understand, answer and those three) imports only the standard library, whoosh
and itself, so it also runs in a reader's browser.
"""
