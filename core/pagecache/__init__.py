"""Whole pages cached for readers, with exact invalidation.

Every change to what readers can see (a post, a page, a category, an approved comment, the site's
settings…) moves one *content generation* on (generation.py), once its transaction has committed.
Cached pages are keyed by that generation and by the deployment (core/deployment.py), so the first
request after a change renders afresh in every process at once: a page is never served stale, and no
code has to know which pages a change touched (the sidebar's recent comments and archives mean most
changes touch every page). Which model changes count is said in one place: config/invalidation.py.

Only readers for whom a page is the same get a cached copy: GET or HEAD, no query string, no cookie
but CSRF's. Everyone else (logged in, with a held comment in their session, with a name remembered
for the comment form, with a password-protected post unlocked) gets the page rendered for them. The
few values a cached page holds per reader (the CSRF token, the comment form's timestamp) are stored as
placeholders and filled in for each request (per_reader.py).

Pages also expire by the clock (expiry.py): when the next scheduled post goes out, when a post's
comments close after the site's N days, and after PAGE_CACHE_SECONDS in any case. The page cache is on
only with a cache every process shares (Redis): with one local-memory cache per process, a comment
posted through one process would leave the others' copies stale.
"""
