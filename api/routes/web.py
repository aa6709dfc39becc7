"""The web explorer: `/` and its static files, kept out of the OpenAPI schema.

The explorer is plain ES modules in `web/app/` that call the public API. Its one
front-end library (cytoscape, for the graph view) comes from npm into
`web/node_modules/` (`make install` runs `npm ci` when node is present); only that
library's `dist/` folder is served, at /static/vendor/cytoscape/. Nothing is
fetched from a CDN: the explorer works offline. Without the npm packages `/` still
answers 200 with a Chinese page saying what is missing, and the API is unaffected.
"""

import html
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(__file__).resolve().parent.parent.parent / "web"
APP_DIR = WEB / "app"
INDEX = WEB / "index.html"
VENDOR = {
    # URL folder under /static/vendor/ → the npm package's folder that holds the files the page loads
    "cytoscape": WEB / "node_modules" / "cytoscape" / "dist",
}
REQUIRED = [VENDOR["cytoscape"] / "cytoscape.esm.min.mjs"]
NO_CACHE = {"Cache-Control": "no-cache"}

router = APIRouter(include_in_schema=False)


class InstalledFiles(StaticFiles):
    """Static files whose folder may not be installed yet: 404 until it is, never a server error."""

    async def check_config(self) -> None:
        if self.directory is not None and Path(self.directory).is_dir():
            await super().check_config()


def missing_files() -> list[Path]:
    """The front-end files the explorer needs that are not installed."""
    return [p for p in [INDEX, *REQUIRED] if not p.is_file()]


MISSING_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政策知识图谱 · 浏览器界面尚未安装</title>
<style>
  body {{ font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; background: #f6f5f1;
         color: #1f2933; margin: 0; line-height: 1.7; }}
  main {{ max-width: 40rem; margin: 10vh auto; padding: 2rem; background: #fff; border-radius: 12px;
          box-shadow: 0 1px 3px rgba(0,0,0,.08); }}
  h1 {{ font-size: 1.4rem; margin-top: 0; }}
  code {{ background: #eef2f1; padding: .1rem .35rem; border-radius: 4px; }}
  a {{ color: #0f6b63; }}
</style>
</head>
<body>
<main role="main" aria-labelledby="title">
  <h1 id="title">浏览器界面尚未安装</h1>
  <p>政策知识图谱的网页浏览器需要从 npm 安装前端依赖（图谱可视化库 cytoscape），
     这些文件目前不在 <code>web/node_modules/</code> 中。</p>
  <p>请先安装 Node.js 与 npm，然后在项目目录运行 <code>make install</code>
     （或 <code>cd web &amp;&amp; npm ci</code>），再重新启动 <code>policykg serve</code>。</p>
  <p>缺少的文件：</p>
  <ul>{missing}</ul>
  <p>数据接口照常可用：<a href="/docs">接口文档（/docs）</a> · <a href="/health">/health</a> ·
     <a href="/plans">/plans</a></p>
</main>
</body>
</html>
"""


def _shown(path: Path) -> str:
    return str(path.relative_to(WEB.parent)) if path.is_relative_to(WEB.parent) else str(path)


@router.get("/", response_model=None)
def index() -> FileResponse | HTMLResponse:
    missing = missing_files()
    if missing:
        items = "".join(f"<li><code>{html.escape(_shown(p))}</code></li>" for p in missing)
        return HTMLResponse(MISSING_PAGE.format(missing=items), headers=NO_CACHE)
    return FileResponse(INDEX, media_type="text/html; charset=utf-8", headers=NO_CACHE)


router.mount("/static/app", InstalledFiles(directory=APP_DIR, check_dir=False), name="web-app")
for _name, _folder in VENDOR.items():
    router.mount(f"/static/vendor/{_name}", InstalledFiles(directory=_folder, check_dir=False),
                 name=f"web-vendor-{_name}")
