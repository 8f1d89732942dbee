"""A question -> what to look for and what kind of answer fits (`Understanding`)."""
