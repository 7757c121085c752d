#!/usr/bin/env python3
"""Copy a gen_site.py site and give every page the resources a real municipal page loads (issue 11's cost measurement).

    python3 bench/add_resources.py /tmp/lenkevakt-bench/site-2000 /tmp/lenkevakt-bench/site-2000-res

The bench site has one resource per page (the same stylesheet everywhere). Real pages load a logo, a menu script and
a favicon shared by the whole site, and their own images (often with a srcset and an og:image). Each page of the copy
gets, on top of what it has:

  <head>: <link rel="icon" href="/assets/favicon.ico">, <meta property="og:image" content="/bilder/<page>.jpg">
  <body>: <img src="/assets/logo.svg">, <script src="/assets/meny.js">,
          <img src="/bilder/<page>.jpg" srcset="/bilder/<page>.jpg 1x, /bilder/<page>@2x.jpg 2x">

so 6 more resource occurrences per page, 2 new distinct URLs per page and 3 per site, all of which exist (no new
defect: truth.json stays valid and is copied as it is). Stdlib only; the same input gives the same bytes.
"""
import os
import re
import shutil
import sys


def main(src: str, dst: str) -> None:
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    root = os.path.join(dst, "site")
    os.makedirs(os.path.join(root, "assets"), exist_ok=True)
    os.makedirs(os.path.join(root, "bilder"), exist_ok=True)
    for name, body in (("favicon.ico", b"\0\0\1\0"), ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"), ("meny.js", b"// meny\n")):
        with open(os.path.join(root, "assets", name), "wb") as f:
            f.write(body)
    pages = 0
    for folder, _, files in sorted(os.walk(root)):
        for file in sorted(files):
            if not file.endswith(".html"):
                continue
            path = os.path.join(folder, file)
            rel = os.path.relpath(path, root)
            stem = re.sub(r"[^A-Za-z0-9-]+", "-", rel[:-5]).strip("-") or "index"
            with open(path, "rb") as f:
                html = f.read()  # bytes: some bench pages are deliberately not UTF-8; the added markup is ASCII
            if b"</head>" not in html or b"</body>" not in html:
                continue  # the bench's special pages (huge, broken markup) stay as they are
            head = f'<link rel="icon" href="/assets/favicon.ico"><meta property="og:image" content="/bilder/{stem}.jpg">'
            body = (f'<img src="/assets/logo.svg" alt="Logo"><script src="/assets/meny.js"></script>'
                    f'<img src="/bilder/{stem}.jpg" srcset="/bilder/{stem}.jpg 1x, /bilder/{stem}@2x.jpg 2x" alt="Illustrasjon">')
            html = html.replace(b"</head>", head.encode() + b"</head>", 1).replace(b"</body>", body.encode() + b"</body>", 1)
            with open(path, "wb") as f:
                f.write(html)
            for image in (f"{stem}.jpg", f"{stem}@2x.jpg"):
                with open(os.path.join(root, "bilder", image), "wb") as f:
                    f.write(b"\xff\xd8\xff\xd9")
            pages += 1
    print(f"{pages} pages given 6 resource occurrences each in {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
