"""Check every internal link of a built documentation site.

Usage: ``python scripts/check_links.py SITE_DIR [--site-url URL]``

Every ``href`` and ``src`` in every HTML page of ``SITE_DIR`` that is relative, or
absolute under the site's own address, must name a file of the site (a folder stands
for its ``index.html``), and a ``#fragment`` must name an ``id`` (or an ``<a name>``)
in the page it points at. Links to other sites are not followed. The site's address is
``--site-url``, by default the ``site_url`` of the ``mkdocs.yml`` beside this folder.
Exit code 0 when every link resolves, 1 otherwise, with one line per broken link.
"""

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
_SITE_URL = re.compile(r"^site_url:\s*(\S+)\s*$", re.MULTILINE)
_NOT_FILES = ("mailto:", "tel:", "javascript:", "data:")
_BASE = "http://site.invalid/"
"""Where a page's relative links are resolved from: a stand-in for the site's root."""


@dataclass
class Page:
    """What a page holds: the ids a fragment may name and the links it makes."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif name in ("href", "src"):
                self.page.links.append(value)

    handle_startendtag = handle_starttag


def read_page(path: Path) -> Page:
    """Read the ids and links of one HTML page."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader.page


def site_url_of_mkdocs(config: Path = ROOT / "mkdocs.yml") -> str | None:
    """Return the ``site_url`` of a mkdocs configuration, if it has one."""
    if not config.exists():
        return None
    match = _SITE_URL.search(config.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def _target(site: Path, url_path: str) -> Path:
    """The file a path under the site's root names: a folder stands for its index.html."""
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def broken_links(site: Path, site_url: str | None = None) -> Iterator[str]:
    """Yield one line for each link of the site that does not resolve."""
    pages = {path: read_page(path) for path in sorted(site.rglob("*.html"))}
    own = urlsplit(site_url) if site_url else None
    for path, page in pages.items():
        where = path.relative_to(site).as_posix()
        for link in page.links:
            if not link or link.startswith(_NOT_FILES):
                continue
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                if own is None or parts.netloc != own.netloc:
                    continue  # another site
                if not parts.path.startswith(own.path or "/"):
                    continue
                url_path = "/" + parts.path[len(own.path or "/") :]
            else:
                url_path = urlsplit(urljoin(_BASE + where, link)).path
            target = _target(site, url_path)
            if not target.is_file():
                yield f"{where}: {link}: no such file {target.relative_to(site).as_posix()}"
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if fragment not in ids:
                    page_name = target.relative_to(site).as_posix()
                    yield f"{where}: {link}: no id {fragment!r} in {page_name}"


def main(argv: list[str] | None = None) -> int:
    """Check the site named on the command line; print each broken link."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, metavar="SITE_DIR", help="the built site")
    parser.add_argument("--site-url", help="the site's own address (default: from mkdocs.yml)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} holds no index.html: build the site first", file=sys.stderr)
        return 1
    site_url = args.site_url or site_url_of_mkdocs()
    broken = list(broken_links(args.site, site_url))
    for line in broken:
        print(line)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    print(f"{len(broken)} broken links in {pages} pages", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
