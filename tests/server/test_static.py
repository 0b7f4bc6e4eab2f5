"""A first visit to the join page (the page and everything it loads: styles, scripts and the
modules they import, the Socket.IO client, icons) transfers under 100 KB compressed; files
carry cache headers, and a revisit of an unchanged file costs a 304."""
import re
from urllib.parse import urljoin, urlsplit

BUDGET = 100 * 1024
ACCEPT = {"Accept-Encoding": "br, gzip, deflate, zstd"}
LINKS = re.compile(r'(?:src|href)="([^"#]+)"')
IMPORTS = re.compile(r'(?:import|export)\s[^"\']*?from\s*["\']([^"\']+)["\']|import\s*\(?\s*["\']([^"\']+)["\']')
CSS_URLS = re.compile(r'url\(\s*["\']?([^"\')]+)["\']?\s*\)|@import\s+["\']([^"\']+)["\']')


def assets_of(path: str, body: str) -> list[str]:
    if path.split("?")[0].endswith(".js"):
        found = [a or b for a, b in IMPORTS.findall(body)]
    elif path.split("?")[0].endswith(".css"):
        found = [a or b for a, b in CSS_URLS.findall(body)]
    else:
        found = LINKS.findall(body)
    urls = [urljoin(path, f) for f in found if not f.startswith(("data:", "http:", "https:", "mailto:"))]
    return [u for u in urls if not urlsplit(u).path.startswith("/j/")]  # the link to this page itself


def test_the_join_page_and_its_assets_transfer_under_100_kb_compressed(app_server):
    code = app_server.create_room("Static")["code"]
    client = app_server.app.test_client()
    seen, queue, sizes = set(), [f"/j/{code}"], {}
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, headers=ACCEPT)
        assert response.status_code == 200, path
        sizes[path] = len(response.data)  # as sent: compressed when the type compresses
        plain = client.get(path).get_data(as_text=True) if response.mimetype.startswith(("text/", "application/javascript")) else ""
        queue += assets_of(path, plain)
    assert any(p.startswith("/vendor/socket.io") for p in sizes) and any(".css" in p for p in sizes)
    assert sum(1 for p in sizes if ".js" in p) > 5, "the page's modules are followed"
    total = sum(sizes.values())
    assert total < BUDGET, f"{total} bytes: " + ", ".join(f"{p} {n}" for p, n in sorted(sizes.items(), key=lambda kv: -kv[1])[:8])


def test_files_are_compressed_and_cached(app_server):
    code = app_server.create_room("Static")["code"]
    client = app_server.app.test_client()
    page = client.get(f"/j/{code}", headers=ACCEPT)
    assert page.headers["Content-Encoding"] in ("br", "zstd", "gzip")
    html = client.get(f"/j/{code}").get_data(as_text=True)
    versioned = re.search(r'src="(/static/js/join\.js\?v=[0-9a-f]+)"', html).group(1)
    response = client.get(versioned, headers=ACCEPT)
    assert response.headers["Content-Encoding"] in ("br", "zstd", "deflate")
    assert "max-age=31536000" in response.headers["Cache-Control"] and "immutable" in response.headers["Cache-Control"]
    for path in ("/static/js/live.js", "/vendor/socket.io.min.js"):  # no version in the URL: revalidate
        first = client.get(path, headers=ACCEPT)
        assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
        assert first.headers["Content-Encoding"] in ("br", "zstd", "deflate")
        again = client.get(path, headers={**ACCEPT, "If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and not again.data


def test_no_stylesheet_makes_a_size_container():
    """Chromium sometimes leaves a size container's contents unpainted (the join page showed
    empty choices, about one load in a hundred), so layouts switch with percentages instead."""
    from pathlib import Path
    css = Path(__file__).resolve().parents[2] / "web" / "static" / "css"
    found = [f.name for f in css.glob("*.css") if re.search(r"container-type\s*:\s*(inline-)?size|@container\s*\(", f.read_text())]
    assert found == []
