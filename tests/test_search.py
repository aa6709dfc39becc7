"""jieba segmentation with the graph's dictionary, and ranked search over the bundled plans."""

import pytest

from loaders.segment import tokens
from queries.search import SearchIndex, snippet


@pytest.mark.parametrize("sentence, expected", [
    ("省经济和信息化委牵头，省发展改革委等配合",
     ["经济", "信息", "信息化", "省经济和信息化委", "牵头", "发展", "改革", "省发展改革委", "配合"]),
    ("人行合肥中心支行、安徽银监局",
     ["人行", "合肥", "中心", "支行", "人行合肥中心支行", "安徽", "银监", "银监局"]),
    ("推动互联网与制造业融合发展", ["互联", "联网", "互联网", "制造", "制造业", "融合", "发展"]),
    ("牵头单位：市经贸信息委，配合单位：市发展改革委、科技创新委",
     ["牵头", "单位", "经贸", "信息", "市经贸信息委", "配合", "单位", "发展", "改革", "市发展改革委", "科技", "创新",
      "科技创新委"]),
])
def test_policy_sentences_segment_into_fixed_tokens(sentence, expected):
    assert tokens(sentence) == expected


def test_stop_words_and_punctuation_are_dropped():
    assert tokens("加快推进，和、的。我省积极") == []


def test_domain_terms_from_the_data_file_stay_single_tokens():
    assert "固定宽带家庭普及率" in tokens("到2020年，固定宽带家庭普及率达到65%")


def test_snippet_shows_the_text_around_the_match():
    text = "甲" * 100 + "互联网医疗" + "乙" * 100
    s = snippet(text, ["互联网医疗"])
    assert "互联网医疗" in s and s.startswith("…") and s.endswith("…") and len(s) < 90


EXPECTED_FIRST = [
    ("互联网+医疗", "“互联网+”医疗行动"),
    ("智能语音", "智能语音发展专项"),
    ("机器人发展", "机器人发展专项"),
    ("农副产品追溯", "农副产品追溯体系建设专项"),
    ("跨境贸易电子商务", "跨境贸易电子商务专项"),
    ("普惠金融", "“互联网+”普惠金融行动"),
    ("数字城管", "数字城管专项"),
    ("社会保障服务", "社会保障服务专项"),
    ("数据中心", "集约布局建设数据中心"),
    ("诚信体系", "构建诚信体系"),
    ("三网融合", "积极推进三网融合"),
    ("共享车间建设", "共享车间建设工程"),
    ("互联网金融企业培育", "互联网金融企业培育专项"),
    ("物流", "互联网＋物流"),
    ("智慧港", "推进“智慧港”建设"),
    ("节能环保", "着力推进“互联网＋节能环保”加快发展"),
    ("IPv6", "推进下一代互联网（IPv6）建设"),
    ("电子政务平台", "电子政务平台专项"),
    ("智能终端创新", "智能终端创新工程"),
    ("大数据人工智能", "互联网＋大数据＋人工智能"),
    ("区域远程诊疗", "区域远程诊疗专项"),
    ("网络扶贫", "网络扶贫行动"),
]


@pytest.fixture(scope="module")
def index(loaded_store):
    return SearchIndex.build(loaded_store)


@pytest.mark.parametrize("query, first", EXPECTED_FIRST)
def test_hand_written_queries_return_the_expected_unit_first(index, query, first):
    hits, total = index.search(query, limit=3)
    assert hits[0]["title"] == first, [h["title"] for h in hits]
    assert total >= 1 and hits[0]["score"] >= hits[-1]["score"]


def test_departments_are_found_by_any_alias(index):
    hits, _ = index.search("人行合肥中心支行", limit=1, type_="department")
    assert hits[0]["title"] == "中国人民银行合肥中心支行"


def test_a_query_with_no_known_word_finds_nothing(index):
    assert index.search("恐龙化石", limit=5) == ([], 0)


def reference_ranking(index: SearchIndex, query: str, type_: str) -> list[tuple[int, float]]:
    """bm25s's own ranking of every document, each title holding the whole query boosted, one by one."""
    words = tokens(query)
    ids, scores = index._bm25.retrieve([words], k=len(index.documents), show_progress=False)
    phrase = "".join(query.split())
    ranked = []
    for i, s in zip(ids[0].tolist(), scores[0].tolist(), strict=True):
        title = index.documents[i].title
        boost = 1 + len(phrase) / len(title) if phrase in title else 1.0
        if s > 0 and (not type_ or index.documents[i].type == type_):
            ranked.append((i, round(s * boost, 4)))
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))


@pytest.mark.parametrize("query", ["互联网+医疗", "宽带普及率", "省经信委", "电子 商务", "发展改革委", "2020年"])
@pytest.mark.parametrize("type_", ["", "action", "department"])
def test_every_match_is_ranked_as_bm25s_ranks_it_with_the_title_boost(index, query, type_):
    expected = reference_ranking(index, query, type_)
    hits, total = index.search(query, 10_000, 0, type_)
    assert total == len(expected) > 0 or type_
    assert [(h["id"], h["score"]) for h in hits] == [(index.documents[i].id, s) for i, s in expected]
