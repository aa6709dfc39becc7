"""The Neo4j Browser guide and style served by the API."""

import re

from graph import catalog


def test_guide_has_runnable_slides_built_from_the_named_queries(client):
    r = client.get("/guide")
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    assert r.text.count("<slide") >= 6
    assert "MATCH (d:Department)-[r:LEADS]-&gt;(u:Action|Project)" in r.text  # leads_by_name, escaped
    assert "db.index.fulltext.queryNodes" in r.text
    assert ":param name =&gt; &#x27;省经济和信息化委&#x27;" in r.text


def test_style_gives_every_label_a_caption_and_colour(client):
    text = client.get("/guide/style.grass").text
    for label, caption in (("Plan", "{title}"), ("Action", "{title}"), ("Project", "{title}"),
                           ("Department", "{name}"), ("Indicator", "{name}")):
        block = re.search(rf"node\.{label} \{{(.*?)\n\}}", text, re.S).group(1)
        assert f'caption: "{caption}"' in block and "color:" in block


def test_neo4j_only_queries_have_headers():
    for ref in ("neo4j/fulltext_units.cypher", "neo4j/neighbourhood.cypher"):
        assert catalog.text_of(ref).startswith("// purpose:")
