"""RDF export of the whole graph or one plan."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import StoreDep
from graph.rdf import FORMATS, export_graph, serialize

router = APIRouter(tags=["export"])


@router.get("/export", summary="The graph as RDF", response_class=Response,
            responses={200: {"content": {media: {} for _, media in FORMATS.values()},
                             "description": "the RDF graph in the requested format"}})
def export(
    store: StoreDep,
    format: Annotated[Literal["turtle", "nt", "jsonld", "xml"], Query(description="RDF serialisation")] = "turtle",
    plan: Annotated[str, Query(description="only this plan's id ('' = the whole graph)", openapi_examples={
        "all": {"summary": "the whole graph", "value": ""}})] = "",
):
    """Plans, units, departments (SKOS labels in Chinese), targets, and beside each pkg:leads /
    pkg:supports triple a pkg:Assignment with basis, quote, offsets and deadline. A fact a person's
    correction made or changed has basis `corrected`, is prov:wasAttributedTo that person and
    prov:generatedAtTime when, and prov:wasGeneratedBy the correction (a pkg:Correction, with its kind,
    why and whether it is stale). IRIs are derived from content, so the same documents (and the same
    corrections) always export the same graph."""
    data = serialize(export_graph(store, plan or None), format)
    return Response(content=data, media_type=FORMATS[format][1] + "; charset=utf-8")
