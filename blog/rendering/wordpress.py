"""Posts kept in WordPress's own conventions (the "wordpress" format of imported posts).

Their text is stored as WordPress had it, so that it can be edited and exported
again as it was; it is turned into HTML at save time: WordPress attachment ids in
`[gallery ids="…"]` become the imported images', links to the old site's uploads
point at the imported files, then WordPress's automatic paragraphs and shortcodes.
"""

import re
from functools import reduce
from operator import or_

from django.db.models import Q

from blog.media.models import Image
from blog.rendering.autop import wordpress_to_html

GALLERY_IDS = re.compile(r'(\[gallery\b[^\]]*?\bids=["\']?)([0-9,\s]+)', re.IGNORECASE)
UPLOAD_URL = re.compile(
    r"""https?://[^\s"'<>]+?/wp-content/uploads/([^\s"'<>?#]+?)(?:-[0-9]+x[0-9]+)?(\.(?:jpe?g|png|gif|webp))""",
    re.IGNORECASE,
)


def wordpress_source_to_html(text):
    return wordpress_to_html(_point_at_imported_files(_gallery_ids_to_candid(text)))


def _gallery_ids_to_candid(text):
    """`[gallery ids="…"]` names WordPress attachment ids; Candid's shortcode wants its own."""
    matches = list(GALLERY_IDS.finditer(text))
    if not matches:
        return text
    wanted = {int(i) for m in matches for i in re.findall(r"[0-9]+", m.group(2))}
    candid = dict(Image.objects.filter(wp_id__in=wanted).values_list("wp_id", "pk"))

    def replace(match):
        ids = [int(i) for i in re.findall(r"[0-9]+", match.group(2))]
        return match.group(1) + ",".join(str(candid.get(i, i)) for i in ids)

    return GALLERY_IDS.sub(replace, text)


def _point_at_imported_files(text):
    """Links to the old site's wp-content/uploads lead to the imported file, when there is one."""
    matches = {m.group(0): m.group(1) + m.group(2) for m in UPLOAD_URL.finditer(text)}
    if not matches:
        return text
    wanted = reduce(or_, (Q(source_url__endswith=f"/wp-content/uploads/{r}") for r in set(matches.values())))
    files = {}
    for image in Image.objects.filter(wanted).exclude(file="").only("file", "source_url"):
        files[image.source_url.split("/wp-content/uploads/", 1)[-1]] = image.file.url
    for old, relative in matches.items():
        if relative in files:
            text = text.replace(old, files[relative])
    return text
