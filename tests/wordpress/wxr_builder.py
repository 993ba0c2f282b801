"""Writing small WordPress exports for the import tests, in any WXR version and namespace spelling."""

# ruff: noqa: E501 (XML templates read best unbroken)

from xml.sax.saxutils import escape


def cdata(text):
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wxr(*, authors=(), categories=(), tags=(), items=(), version="1.2", scheme="http", title="Old Blog"):
    """A whole export; `items` are the strings `item(...)` returns."""
    ns = f"{scheme}://wordpress.org/export/{version}/"
    parts = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        f'<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">',
        "<channel>",
        f"<title>{escape(title)}</title><link>https://old.example.com</link><description>Old tagline</description>",
        f"<wp:wxr_version>{version}</wp:wxr_version><wp:base_site_url>https://old.example.com</wp:base_site_url>",
        "<wp:base_blog_url>https://old.example.com</wp:base_blog_url>",
    ]
    for a in authors:
        parts.append(
            f"<wp:author><wp:author_id>{a['id']}</wp:author_id><wp:author_login>{cdata(a['login'])}</wp:author_login>"
            f"<wp:author_email>{cdata(a.get('email', ''))}</wp:author_email>"
            f"<wp:author_display_name>{cdata(a.get('name', ''))}</wp:author_display_name>"
            f"<wp:author_first_name>{cdata('')}</wp:author_first_name><wp:author_last_name>{cdata('')}</wp:author_last_name>"
            "</wp:author>"
        )
    for c in categories:
        parts.append(
            f"<wp:category><wp:term_id>{c['id']}</wp:term_id><wp:category_nicename>{cdata(c['slug'])}</wp:category_nicename>"
            f"<wp:category_parent>{cdata(c.get('parent', ''))}</wp:category_parent><wp:cat_name>{cdata(c['name'])}</wp:cat_name>"
            "</wp:category>"
        )
    for t in tags:
        parts.append(
            f"<wp:tag><wp:term_id>{t['id']}</wp:term_id><wp:tag_slug>{cdata(t['slug'])}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(t['name'])}</wp:tag_name></wp:tag>"
        )
    parts.extend(items)
    parts.append("</channel></rss>")
    return "\n".join(parts)


def item(wp_id, *, title="A post", slug=None, post_type="post", status="publish", creator="alice",
         date="2011-03-28 10:00:00", date_gmt=None, content="Hello.", excerpt="", comment_status="open",
         parent=0, menu_order=0, password="", sticky=False, categories=(), tags=(), comments=(), meta=None,
         attachment_url="", link=None):  # fmt: skip
    slug = slug if slug is not None else title.lower().replace(" ", "-")
    date_gmt = date if date_gmt is None else date_gmt
    link = link if link is not None else f"https://old.example.com/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/"
    terms = "".join(f'<category domain="category" nicename="{s}">{cdata(n)}</category>' for s, n in categories)
    terms += "".join(f'<category domain="post_tag" nicename="{s}">{cdata(n)}</category>' for s, n in tags)
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key><wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    return (
        f"<item><title>{cdata(title)}</title><link>{escape(link)}</link><dc:creator>{cdata(creator)}</dc:creator>"
        f'<guid isPermaLink="false">https://old.example.com/?p={wp_id}</guid><description></description>'
        f"<content:encoded>{cdata(content)}</content:encoded><excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:post_date>{cdata(date)}</wp:post_date>"
        f"<wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt><wp:comment_status>{cdata(comment_status)}</wp:comment_status>"
        f"<wp:ping_status>{cdata('open')}</wp:ping_status><wp:post_name>{cdata(slug)}</wp:post_name>"
        f"<wp:status>{cdata(status)}</wp:status><wp:post_parent>{parent}</wp:post_parent>"
        f"<wp:menu_order>{menu_order}</wp:menu_order><wp:post_type>{cdata(post_type)}</wp:post_type>"
        f"<wp:post_password>{cdata(password)}</wp:post_password><wp:is_sticky>{int(sticky)}</wp:is_sticky>"
        + (f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>" if attachment_url else "")
        + terms
        + metas
        + "".join(comments)
        + "</item>"
    )


def comment(wp_id, *, parent=0, author="Rosa", email="rosa@example.net", url="", ip="203.0.113.5",
            date="2011-03-28 12:00:00", content="Nice post.", approved="1", type="comment", user_id=0):  # fmt: skip
    return (
        f"<wp:comment><wp:comment_id>{wp_id}</wp:comment_id><wp:comment_author>{cdata(author)}</wp:comment_author>"
        f"<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>"
        f"<wp:comment_author_url>{cdata(url)}</wp:comment_author_url>"
        f"<wp:comment_author_IP>{cdata(ip)}</wp:comment_author_IP><wp:comment_date>{cdata(date)}</wp:comment_date>"
        f"<wp:comment_date_gmt>{cdata(date)}</wp:comment_date_gmt><wp:comment_content>{cdata(content)}</wp:comment_content>"
        f"<wp:comment_approved>{cdata(approved)}</wp:comment_approved><wp:comment_type>{cdata(type)}</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>{user_id}</wp:comment_user_id></wp:comment>"
    )
