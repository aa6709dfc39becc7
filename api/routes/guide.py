"""A Neo4j Browser guide (`:play http://localhost:8000/guide`) and the Browser style.

The guide walks through the model with runnable queries taken from queries/,
so what the Browser runs is exactly what the API runs.
"""

import html

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, PlainTextResponse

from graph import catalog

router = APIRouter(tags=["neo4j browser"])
CORS = {"Access-Control-Allow-Origin": "*"}  # the Browser fetches guides from its own origin

SLIDES = [
    ("模型 The model",
     "计划（Plan）包含行动（Action），行动包含项目（Project）；部门（Department）牵头（LEADS）或配合（SUPPORTS）"
     "行动和项目；计划、行动、项目设定目标（TARGETS → Indicator）；计划贯彻落实（IMPLEMENTS）国家文件。"
     "每条边都带着原文引文（quote）和字符位置（span_start, span_end）。",
     [], "CALL db.schema.visualization()"),
    ("省经济和信息化委牵头的全部工作",
     "部门名可写全称或文中任一简称；jurisdiction 为空表示所有地区。",
     [":param name => '省经济和信息化委'", ":param jurisdiction => '安徽省'"], "leads_by_name"),
    ("谁配合一项行动", "先按名称找到行动，再看配合部门及其依据。",
     [":param ids => ['请替换为 /plans/{id} 中某个单元的 id']", ":param role => 'supports'"], "unit_departments"),
    ("2020 年关于宽带的目标", "按年份和关键词过滤目标，带原文。",
     [":param plan => ''", ":param year => 2020", ":param q => '宽带'", ":param offset => 0", ":param limit => 50"],
     "indicators"),
    ("哪些计划贯彻落实国发〔2015〕40号", "国家文件是共享的 Plan 节点（national = true）。",
     [":param doc_number => '国发〔2015〕40号'"], "plans_implementing"),
    ("看一个部门的邻域", "用上面的样式（style.grass）看起来最清楚。",
     [":param name => '省经济和信息化委'"], "neo4j/neighbourhood.cypher"),
    ("中文全文检索", "unit_text 索引用 Lucene 的 CJK 分析器；unit_tokens 索引存的是 jieba 分词结果。",
     [":param q => '医疗'", ":param limit => 10"], "neo4j/fulltext_units.cypher"),
]


def _query_text(ref: str) -> str:
    return catalog.text_of(ref) if ref.endswith(".cypher") else (catalog.load(ref).text if ref in catalog.names()
                                                                 else ref)


def _slide(title: str, text: str, params: list[str], ref: str) -> str:
    blocks = "".join(f'<pre class="pre-scrollable code runnable">{html.escape(p)}</pre>' for p in params)
    query = html.escape(_query_text(ref).strip())
    return (f'<slide class="row-fluid"><div class="col-sm-12"><h3>{html.escape(title)}</h3>'
            f"<p>{html.escape(text)}</p>{blocks}"
            f'<pre class="pre-scrollable code runnable">{query}</pre></div></slide>')


def guide_html() -> str:
    slides = "".join(_slide(*s) for s in SLIDES)
    return ('<article class="guide"><carousel class="deck container">'
            f"{slides}</carousel></article>")


@router.get("/guide", response_class=HTMLResponse, summary="Neo4j Browser guide")
def guide() -> HTMLResponse:
    """Open in the Neo4j Browser with `:play http://localhost:8000/guide`: the model and the named
    queries, runnable slide by slide."""
    return HTMLResponse(guide_html(), headers=CORS)


@router.get("/guide/style.grass", response_class=PlainTextResponse, summary="Neo4j Browser style")
def style() -> PlainTextResponse:
    """The GraSS style (captions and colours per label) to drop into the Neo4j Browser."""
    return PlainTextResponse(catalog.text_of("style.grass"), headers=CORS)
