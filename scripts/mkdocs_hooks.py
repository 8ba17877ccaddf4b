"""mkdocs hooks of the documentation build (mkdocs.yml loads this file under ``hooks``).

mkdocs-static-i18n points the theme's language links at the current page in the
other language. mkdocs-material writes those links into each page's head as
``<link rel="alternate" hreflang=...>`` too, and its script then asks for
``sitemap.xml`` under each of them, as if each were the root of a site: a request
that fails on every page. The head links are removed here; the language menu keeps
its links to the translated pages, and ``sitemap.xml`` (written with the
``site_url``) still tells search engines which page translates which.
"""

import re
from typing import Any

_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def without_head_alternates(html: str) -> str:
    """Return a page without the language alternates in its head (see the module)."""
    head, tail = html.split("</head>", 1) if "</head>" in html else (html, None)
    head = _HEAD_ALTERNATE.sub("", head)
    return head if tail is None else f"{head}</head>{tail}"


def on_post_page(output: str, **kwargs: Any) -> str:
    """Remove the language alternates from the head of each page as it is written."""
    return without_head_alternates(output)
