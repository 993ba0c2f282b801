"""A post's source turned into the sanitised HTML stored with it: done once, at save time, never per reader.

markup.py renders the formats (Markdown, HTML, WordPress's own with autop.py and wordpress.py), split at
WordPress's more and next-page markers; bounded.py renders within a time and memory limit, for the admin.
Every format's HTML goes through core/sanitizer.py; the media library's shortcodes are expanded after.
"""
