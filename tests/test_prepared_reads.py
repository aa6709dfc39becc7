"""Prepared read statements (graph/prepared_reads.py): kept only per parameter types that say everything, and
answering exactly as `Connection.execute` does."""

import ladybug
import pytest

from graph.prepared_reads import PreparedReads, signature


@pytest.fixture()
def reads():
    db = ladybug.Database(":memory:")
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Item(id STRING, tags STRING[], PRIMARY KEY(id))")
    for name, tags in (("a", ["x"]), ("b", ["x", "y"]), ("c", [])):
        conn.execute("CREATE (:Item {id: $id, tags: $tags})", {"id": name, "tags": tags})
    kept = PreparedReads(conn)
    yield kept
    kept.clear()
    conn.close()
    db.close()


def test_the_signature_names_each_parameters_type_and_refuses_numbers_and_maps():
    assert signature({"b": "x", "a": None}) == (("a", "NoneType"), ("b", "str"))
    assert signature({"ids": ["x", "y"]}) != signature({"ids": []}) != signature({"ids": [None]})
    assert signature({"flag": True}) != signature({"flag": "true"})
    for value in (1, 2**40, 1.5, {"k": "v"}, [1, 2], ["x", 1]):
        assert signature({"v": value}) is None, value


def test_one_statement_with_parameters_of_other_types_answers_each_as_execute_does(reads):
    statement = "MATCH (i:Item) WHERE i.id = coalesce($id, 'b') RETURN i.id"
    for value, expected in ((None, "b"), ("a", "a"), (None, "b"), ("c", "c"), ("zzz", None), (None, "b")):
        answer = reads.execute(statement, {"id": value}).get_all()
        assert answer == reads.conn.execute(statement, {"id": value}).get_all()
        assert answer == ([[expected]] if expected else []), value
    assert len(reads._statements) == 2  # one for text, one for null


def test_lists_of_text_are_kept_and_answered_exactly(reads):
    statement = "MATCH (i:Item) WHERE i.id IN $ids RETURN i.id ORDER BY i.id"
    for ids in (["a", "c"], [], ["b"], ["a", "b", "c"], []):
        assert [r[0] for r in reads.execute(statement, {"ids": ids}).get_all()] == sorted(ids)


def test_numbers_are_never_run_from_a_kept_statement(reads):
    statement = "RETURN $n AS n"
    for n in (1, 100_000, 1, 2**40, 3):  # the binder would keep the first one's width
        assert reads.execute(statement, {"n": n}).get_all() == [[n]]
    assert reads._statements == {}


def test_a_statement_that_cannot_be_prepared_fails_with_the_engines_message_and_is_not_kept(reads):
    with pytest.raises(RuntimeError, match="Table Nope does not exist"):
        reads.execute("MATCH (n:Nope) RETURN n.id", {"id": "a"})
    assert reads._statements == {}
