"""Documents as governments publish them read as clean text, and every quote still points into the
text as written. One test per reading rule, each on a small example written for it."""

from loaders.html import read_page
from loaders.pinyin import is_reading
from loaders.read import read_text
from loaders.text import SourceText


def read(text: str, name: str = "doc.txt") -> SourceText:
    return read_text(text.encode("utf-8"), name)


def lines(source: SourceText) -> list[str]:
    return [ln for ln in source.text.split("\n") if ln.strip()]


def written(source: SourceText, reading: str) -> str:
    """The text as written behind a piece of the reading text."""
    start = source.text.index(reading)
    return source.quote(start, start + len(reading))


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市人民政府关于加强示范工作的通知_某市门户网站</title>
<script>var note = "（市财政局负责）";</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zw">政务公开</a> <a href="/hd">互动交流</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>
<table class="meta">
<tr><td>索 引 号：</td><td>11111/2024-00001</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>发文机关：</td><td>某市人民政府</td><td>成文日期：</td><td>2024年03月01日</td></tr>
<tr><td>标　　题：</td><td colspan="3">某市人民政府关于加强示范工作的通知</td></tr>
<tr><td>发文字号：</td><td>某政发〔2024〕1号</td><td>发布日期：</td><td>2024年03月05日</td></tr>
</table>
<div class="article"><h1>某市人民政府关于加强示范工作的通知</h1>
<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印本页</a> <a>关闭窗口</a></div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="text"><p>各区人民政府，市政府各部门：</p>
<p>为推进示范工作，现就有关事项通知如下。</p>
<p>一、加强组织领导</p><p>各区要建立工作机制，明确责任分工，确保任务落实。（市发展改革委牵头，市财政局配合）</p>
<p>二、强化资金保障</p><p>市财政局要统筹安排资金，支持示范项目建设。</p>
<p>某市人民政府</p><p>2024年3月1日</p></div></div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/1">某市人民政府关于印发某某方案的通知，政策解读</a></li></ul></div>
<div class="footer">主办单位：某市人民政府办公室　网站标识码：1234 备案号：京ICP备123号</div>
</body></html>"""


def test_a_page_reads_as_its_document_without_the_furniture_around_it():
    source = read(PAGE, "page.html")
    assert lines(source) == [
        "标题：某市人民政府关于加强示范工作的通知", "发文字号：某政发〔2024〕1号", "发文机关：某市人民政府",
        "成文日期：2024年03月01日", "发布日期：2024年03月05日", "各区人民政府，市政府各部门：", "为推进示范工作，现就有关事项通知如下。", "一、加强组织领导",
        "各区要建立工作机制，明确责任分工，确保任务落实。（市发展改革委牵头，市财政局配合）",
        "二、强化资金保障", "市财政局要统筹安排资金，支持示范项目建设。", "某市人民政府", "2024年3月1日",
    ]
    # the page's visible text is what quotes point into: navigation and metadata are in it, scripts are not
    assert "索 引 号：\t11111/2024-00001\t主题分类：\t综合政务" in source.original
    assert "var note" not in source.original
    start = source.text.index("（市发展改革委牵头")
    s, e = source.span(start, start + 9)
    assert source.original[s:e] == "（市发展改革委牵头" and source.original.index("（市发展改革委牵头") == s
    # the metadata values point at the metadata table's cells
    s, e = source.span(source.text.index("某政发"), source.text.index("某政发") + 11)
    assert source.original[s:e] == "某政发〔2024〕1号" and source.original[s - 6:s] == "发文字号：\t"


def test_a_title_heading_outside_the_document_comes_first():
    page = ("<html><body><div class=nav><a>首页</a><a>新闻</a></div><h2 class=art-title>某县农业发展实施方案</h2>"
            "<div class=info>发布时间：2024-01-01 来源：县政府办</div><div class=con><p>一、总体要求</p>"
            "<p>坚持统筹推进，加强协调配合，确保工作落实到位。</p><p>二、重点任务</p>"
            "<p>（一）发展特色产业。扩大种植规模，提升产品质量。（县农业农村局负责）</p></div></body></html>")
    source = read(page, "p.htm")
    assert lines(source)[:3] == ["某县农业发展实施方案", "一、总体要求", "坚持统筹推进，加强协调配合，确保工作落实到位。"]
    assert "发布时间" not in source.text and "首页" not in source.text


def test_lines_of_links_are_navigation_even_when_the_document_has_no_element_of_its_own():
    page = ("<html><body><div><a href=/>首页</a> <a href=/n>新闻中心</a> <a href=/z>政务公开</a></div>"
            "<p>某县农业发展实施方案</p><p>一、总体要求</p><p>坚持统筹推进，加强协调配合，确保落实到位。</p>"
            "<p>附件：<a href=a.doc>任务清单</a></p><div><a href=/1>关于印发某方案的通知</a></div>"
            "<p>版权所有：某县人民政府 京ICP备123号</p></body></html>")
    assert lines(read(page, "p.html")) == ["某县农业发展实施方案", "一、总体要求", "坚持统筹推进，加强协调配合，确保落实到位。",
                                           "附件：任务清单"]


def test_a_title_split_over_paragraphs_is_one_line_when_the_page_title_says_so():
    page = ("<html><head><title>省人民政府关于促进产业高质量发展的若干意见</title></head><body>"
            "<p>省人民政府关于促进产业</p><p>高质量发展的若干意见</p><p>某政发〔2023〕2号</p>"
            "<p>为推动产业发展，现提出以下意见。</p><p>一、加快创新，提升竞争力。</p></body></html>")
    source = read(page, "p.html")
    assert lines(source)[:2] == ["省人民政府关于促进产业高质量发展的若干意见", "某政发〔2023〕2号"]
    assert written(source, "产业高质量") == "产业\n高质量"


def test_block_elements_are_lines_and_a_table_row_is_one_tab_separated_line():
    page = ("<html><body><div><p>一、重点任务</p><div>加强统筹协调。<br>做好服务保障。</div>"
            "<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>"
            "<tr><td>1</td><td><p>推进示范区建设，</p><p>完善配套设施。</p></td><td>市发展改革委</td>"
            "<td>市财政局<br>市自然资源局</td></tr></table></div></body></html>")
    source = read(page, "p.html")
    assert lines(source) == ["一、重点任务", "加强统筹协调。", "做好服务保障。", "序号\t工作任务\t牵头单位\t配合单位",
                             "1\t推进示范区建设，完善配套设施。\t市发展改革委\t市财政局、市自然资源局"]
    assert written(source, "市财政局、市自然资源局") == "市财政局 市自然资源局"


def test_cells_a_row_or_column_span_covers_stay_empty_so_columns_line_up():
    page = ("<html><body><table><tr><th>类别</th><th>序号</th><th>任务</th><th>责任单位</th></tr>"
            "<tr><td rowspan=2>一、产业发展</td><td>1</td><td>建设产业园区，扩大规模。</td><td>市工信局</td></tr>"
            "<tr><td>2</td><td>培育龙头企业，带动发展。</td><td>市商务局</td></tr>"
            "<tr><td colspan=2>合计</td><td>两项</td><td></td></tr></table></body></html>")
    assert lines(read(page, "t.html"))[1:] == ["一、产业发展\t1\t建设产业园区，扩大规模。\t市工信局",
                                              "\t2\t培育龙头企业，带动发展。\t市商务局", "合计\t\t两项"]


def test_the_metadata_table_gives_labelled_head_lines_and_never_a_unit():
    page = read_page(PAGE.replace("<div class=\"text\">", "<div class=\"text\"><p>索引号：22/2024-1\t主题分类：综合</p>"))
    head = page.draft.text.split("\n")[:5]
    assert head == ["标题：某市人民政府关于加强示范工作的通知", "发文字号：某政发〔2024〕1号", "发文机关：某市人民政府",
                    "成文日期：2024年03月01日", "发布日期：2024年03月05日"]
    assert "索" not in page.draft.text and "主题分类" not in page.draft.text  # nor inside the document
    label = page.draft.offsets[0]
    assert page.text[label:label + 5] == "标\u3000\u3000题："  # a label points at the label as written


def test_furniture_lines_of_scraped_text_are_dropped_and_sentences_mentioning_them_stay():
    text = "【字体：大 中 小】 打印本页 关闭窗口\n分享到：微信 微博\n一、推广3D打印技术\n浏览次数：1024\n（一）扩大应用。（市科技局负责）\n"
    source = read(text)
    assert lines(source) == ["一、推广3D打印技术", "（一）扩大应用。（市科技局负责）"]
    assert written(source, "（一）扩大应用。") == "（一）扩大应用。"


def test_a_document_on_one_line_gets_its_line_breaks_back():
    text = ("某市人民政府 关于加强示范工作的通知 某政〔2024〕3号 各区人民政府:现将有关事项通知如下。 一、加强组织领导"
            " (一)健全工作机制。(市发展改革委牵头,市财政局配合) 1.明确责任分工。 2.加强督促检查。"
            "3.做好总结评估。 某市人民政府 2024年3月1日")
    source = read(text)
    assert lines(source) == [
        "某市人民政府关于加强示范工作的通知", "某政〔2024〕3号", "各区人民政府：现将有关事项通知如下。", "一、加强组织领导",
        "（一）健全工作机制。（市发展改革委牵头，市财政局配合）", "1.明确责任分工。", "2.加强督促检查。",
        "3.做好总结评估。", "某市人民政府", "2024年3月1日",
    ]
    assert written(source, "（一）健全工作机制。（市发展改革委牵头，") == "(一)健全工作机制。(市发展改革委牵头,"
    # a break that replaced a space points at the space; one put between two characters at the marker
    gap = source.text.index("\n2.")
    assert text[source.offsets[gap]] == " "
    inserted = source.text.index("\n3.")
    assert text[source.offsets[inserted]:].startswith("3.做好")


def test_markers_after_a_sentence_end_start_lines_without_any_space():
    source = read("一、总体要求。坚持统筹推进。二、重点任务。（一）发展产业。（县农业局负责）（二）扩大消费。")
    assert lines(source) == ["一、总体要求。坚持统筹推进。", "二、重点任务。", "（一）发展产业。（县农业局负责）", "（二）扩大消费。"]


def test_a_document_run_together_without_any_gap_is_read_as_a_reader_would():
    text = ("某市人民政府办公室关于印发示范工作方案的通知某政办〔2024〕3号各区人民政府，市政府各部门：现将方案印发给你们。"
            "某市人民政府办公室2024年3月1日（此件公开发布）一、重点任务（一）健全机制。1.明确分工。牵头单位：市发展改革委"
            "责任单位：市财政局（二）强化保障。2.加强督查。（牵头单位：市政府办公室；责任单位：各区政府）")
    assert lines(read(text)) == [
        "某市人民政府办公室关于印发示范工作方案的通知某政办〔2024〕3号", "各区人民政府，市政府各部门：现将方案印发给你们。",
        "某市人民政府办公室", "2024年3月1日", "（此件公开发布）", "一、重点任务", "（一）健全机制。", "1.明确分工。",
        "牵头单位：市发展改革委", "责任单位：市财政局", "（二）强化保障。", "2.加强督查。（牵头单位：市政府办公室；责任单位：各区政府）",
    ]


def test_a_numeral_inside_a_sentence_is_not_a_heading():
    text = "一、总体要求。统一、规范推进工作。二、重点任务。第一、二季度完成。（一）加强协调。（二）完善机制。\n"
    assert lines(read(text)) == ["一、总体要求。统一、规范推进工作。", "二、重点任务。第一、二季度完成。", "（一）加强协调。", "（二）完善机制。"]


def test_an_inline_list_stays_one_line():
    text = "一、重点任务\n主要包括：（一）加强协调；（二）完善机制；（三）强化保障。增长1.5个百分点。\n"
    assert lines(read(text)) == ["一、重点任务", "主要包括：（一）加强协调；（二）完善机制；（三）强化保障。增长1.5个百分点。"]


def test_a_document_number_and_a_date_side_by_side_are_two_lines():
    source = read("四川省人民政府办公厅\n川办函〔2015〕160号 2015年9月1日\n一、重点工作\n（一）推进改革。\n")
    assert lines(source)[1:3] == ["川办函〔2015〕160号", "2015年9月1日"]


def test_pinyin_annotations_are_dropped_when_they_are_the_readings():
    text = "一、加快创新(xīn)发展\n（一）推进重(zhong4)点项目，提高国内生产总值(GDP)，制定办法(试行)和创新(chuàng xīn)机制，新(shū)字不改。\n"
    source = read(text)
    assert lines(source) == ["一、加快创新发展", "（一）推进重点项目，提高国内生产总值（GDP），制定办法（试行）和创新机制，新（shū）字不改。"]
    assert written(source, "创新发展") == "创新(xīn)发展"
    assert is_reading("行", "hang2") and is_reading("绿", "lǜ") and not is_reading("新", "GDP")


def test_full_width_digits_and_letters_read_as_ascii():
    source = read("一、发展目标\n到２０２５年，ＧＤＰ增长５％以上，建成１２个示范区。\n")
    assert lines(source)[1] == "到2025年，GDP增长5％以上，建成12个示范区。"
    assert written(source, "2025年，GDP") == "２０２５年，ＧＤＰ"


def test_a_space_from_line_wrapping_inside_a_name_is_dropped():
    source = read("一、重点任务\n（一）发展畜牧业。（内蒙古自治 区农牧厅负责）\n")
    assert "（内蒙古自治区农牧厅负责）" in source.text
    assert written(source, "自治区农牧厅") == "自治 区农牧厅"


def test_text_laid_out_with_its_own_line_breaks_keeps_them():
    page = ("<html><body><pre>一、总体要求\n坚持统筹推进，加强协调。</pre><div style='white-space: pre-line'>二、重点任务\n"
            "（一）发展产业，扩大规模。</div><p>三、保障措施\n加强领导，落实责任。</p></body></html>")
    assert lines(read(page, "p.html")) == ["一、总体要求", "坚持统筹推进，加强协调。", "二、重点任务", "（一）发展产业，扩大规模。",
                                           "三、保障措施加强领导，落实责任。"]


def test_a_space_between_two_bodies_names_is_a_list_separator():
    source = read("序号 | 任务 | 责任单位\n1 | 建设学校 | 县教体局 各相关乡镇政府\n2 | 建设医院 | 责任单位 县卫健委\n"
                  "3 | 督查落实 | 县人民政府 办公室\n")
    assert "县教体局、各相关乡镇政府" in source.text and "责任单位县卫健委" in source.text
    assert "县人民政府办公室" in source.text  # an office wrapped after its body is one name
    assert written(source, "县教体局、各相关") == "县教体局 各相关"


def test_traditional_characters_read_as_simplified_and_quotes_keep_them():
    source = read("東莞市人民政府關於實施意見\n一、減輕企業負擔\n（一）穩定就業崗位。（市人力資源局負責）\n")
    assert lines(source) == ["东莞市人民政府关于实施意见", "一、减轻企业负担", "（一）稳定就业岗位。（市人力资源局负责）"]
    assert written(source, "（市人力资源局负责）") == "（市人力資源局負責）"


def test_half_width_punctuation_among_chinese_reads_full_width():
    source = read("一、重点任务\n(一)推进改革:完善机制;加强协调.(市财政局牵头,市税务局配合)\n")
    assert lines(source)[1] == "（一）推进改革：完善机制；加强协调.（市财政局牵头，市税务局配合）"
    assert written(source, "（市财政局牵头，") == "(市财政局牵头,"


# Pieces of scraped documents, so every cleaning step is exercised; the map must hold for any mix.
PIECES = ["一、", "（一）", "(二)", "1.", "2、", "（1）", "①", "第一章", "。", "；", "：", "，", " ", "　", "\n", "\t", "|",
          "创新(xīn)", "(GDP)", "２０２５", "ＧＤＰ", "自治 区农牧厅", "县教体局 各乡镇政府", "東莞市關於", "(", ")", ":",
          ",", "豫政〔2023〕5号", "2023年3月1日", "【字体：大 中 小】", "打印本页", "牵头", "负责", "x", "7"]


def _allowed(reading: str, written: str) -> bool:
    from loaders.read import to_simplified
    from loaders.text import ASCII_FORMS

    return (reading == written or reading == "\n" or (reading in "、 " and written in " \u3000\u00a0")
            or reading == to_simplified(written).translate(ASCII_FORMS)
            or {written: reading} in ({"(": "（"}, {")": "）"}, {":": "："}, {";": "；"}, {",": "，"}, {"?": "？"},
                                      {"!": "！"}))


def test_every_reading_character_comes_from_its_place_in_the_text_as_written():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from graph.errors import DocumentError

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(PIECES), min_size=20, max_size=120).map("".join))
    def check(text):
        try:
            source = read(text)
        except DocumentError:
            return
        assert len(source.offsets) == len(source.text)
        assert source.offsets == sorted(source.offsets)
        for i, ch in enumerate(source.text):
            assert 0 <= source.offsets[i] < len(source.original)
            assert _allowed(ch, source.original[source.offsets[i]]), (i, ch, source.original[source.offsets[i]])

    check()


HTML_PIECES = ["<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "<tr>", "</tr>", "<td>", "</td>", "<td rowspan=2>",
               "<td colspan=3>", "</table>", "<pre>", "</pre>", "<a href=x>", "</a>", "<h1>", "</h1>", "&nbsp;",
               "<script>var a='（省财政厅负责）';</script>", "<span style='display:none'>隐藏</span>", "\n",
               "一、总体要求", "（一）加强领导。", "1.推进改革。", "（市财政局牵头，市税务局配合）", "县教体局 各乡镇政府",
               "坚持统筹推进，确保落实。", "【字体：大 中 小】", "打印本页", "創新(xīn)", "２０２５年", "。", "，"]


def test_every_reading_character_of_a_page_comes_from_its_visible_text():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from graph.errors import DocumentError

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(HTML_PIECES), min_size=10, max_size=80).map("".join))
    def check(body):
        try:
            source = read(f"<html><head><title>文件</title></head><body>{body}</body></html>", "p.html")
        except DocumentError:
            return
        assert "var a" not in source.original and "隐藏" not in source.original
        assert len(source.offsets) == len(source.text)
        for i, ch in enumerate(source.text):
            assert 0 <= source.offsets[i] < len(source.original)
            assert _allowed(ch, source.original[source.offsets[i]]), (i, ch, source.original[source.offsets[i]])

    check()
