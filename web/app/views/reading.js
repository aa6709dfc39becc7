// A plan's reading view: the document's text as written, with what the reader took from it marked —
// the outline's headings, each responsibility note's departments (lead and support told apart by
// colour, line style and a label), each target — and the reader's warnings beside it, each linked to
// its place. Every highlight is a link to its unit, department or indicator; each heading carries a
// button that opens the unit's corrections. The text is built from text nodes in one DocumentFragment
// (never parsed as HTML), so long documents render fast and document content cannot inject markup.

import { api } from '../api.js';
import { h } from '../dom.js';
import { correctedText } from '../format.js';
import { link } from '../links.js';
import { marksOf } from '../marks.js';
import { openCorrections } from '../correct.js';
import { breadcrumb, empty, pageHeader, stat } from '../ui.js';

const KIND = {
  heading: { label: '标题', tag: null },
  lead: { label: '牵头', tag: '牵头' },
  support: { label: '配合', tag: '配合' },
  target: { label: '指标', tag: '指标' },
};

export const WARNING_LABEL = {
  'heading-skipped': '未作为标题的行', 'items-left-out': '未读入的条目', 'jurisdiction-unknown': '地区不明',
  'title-derived': '标题为推断', 'no-departments': '未读出任何部门', 'unit-without-departments': '任务没有部门',
  'name-unresolved': '名称未能识别', 'note-unplaced': '分工说明未归入任务', ocr: '文字识别',
  'table-lines-unread': '表格中未读入的行', 'table-run-together': '表格行粘连',
};

function hrefOf(span, planId) {
  if (span.kind === 'lead' || span.kind === 'support') {
    return span.department_id ? link.department(span.department_id) : link.plan(planId, span.unit_id);
  }
  if (span.kind === 'target' && span.indicator_id) return link.targets({ plan: planId, focus: span.indicator_id });
  return link.plan(planId, span.unit_id);
}

function titleOf(span) {
  const mark = span.mark || span.correction;
  const corrected = span.basis === 'corrected' ? `；${correctedText(mark)}${mark && mark.why ? `：${mark.why}` : ''}` : '';
  if (span.kind === 'lead' || span.kind === 'support') {
    const written = span.surface && span.surface !== span.department ? `（原文：${span.surface}）` : '';
    return `${KIND[span.kind].label}：${span.department || span.surface || ''}${written}${corrected}`;
  }
  if (span.kind === 'target') return `指标：${span.label || ''}${corrected}`;
  return `任务：${span.label || ''}`;
}

// Cut the text at every span's and warning's edge; each piece knows the spans covering it.
export function pieces(length, spans, warnings) {
  const marks = [...spans.map((s, i) => ({ ...s, i })), ...warnings.map((w, i) => ({ ...w, kind: 'warning', w: i }))]
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start && m.start < length);
  const cuts = new Set([0, length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(Math.min(m.end, length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const opening = new Map();
  for (const m of marks) {
    if (!opening.has(m.start)) opening.set(m.start, []);
    opening.get(m.start).push(m);
  }
  const out = [];
  let active = [];
  for (let k = 0; k < points.length - 1; k += 1) {
    const [from, to] = [points[k], points[k + 1]];
    active = active.filter((m) => m.end > from).concat(opening.get(from) || []);
    out.push({ from, to, marks: active, starting: opening.get(from) || [] });
  }
  return out;
}

// The document's text with its highlights, as one fragment.
function documentText(source, planId, unitsById) {
  const { text, spans, warnings } = source;
  const fragment = document.createDocumentFragment();
  const headingEnds = new Map();
  spans.forEach((s, i) => { if (s.kind === 'heading' && s.unit_id) headingEnds.set(s.end, { ...s, i }); });
  for (const piece of pieces(text.length, spans, warnings)) {
    const words = text.slice(piece.from, piece.to);
    const facts = piece.marks.filter((m) => m.kind !== 'warning');
    const warned = piece.marks.filter((m) => m.kind === 'warning');
    let node;
    if (facts.length) {
      // The most specific fact (the shortest span) is the link; the others show as its background.
      const own = facts.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
      const classes = ['hl', `hl--${own.kind}`, ...facts.filter((f) => f !== own).map((f) => `hl--in-${f.kind}`)];
      if (own.basis === 'corrected') classes.push('hl--corrected');
      if (warned.length) classes.push('hl--warning');
      node = h('a', { class: classes.join(' '), href: hrefOf(own, planId), title: titleOf(own),
        dataset: { kind: own.kind, span: String(own.i) } });
      const starts = piece.starting.includes(own);
      if (starts && KIND[own.kind].tag) {
        node.append(h('span', { class: 'hl__tag' }, KIND[own.kind].tag,
          own.basis === 'corrected' ? h('span', { class: 'hl__fixed' }, '·已更正') : null));
      }
      if (starts && own.kind === 'heading') node.dataset.unit = own.unit_id;
      node.append(document.createTextNode(words));
    } else if (warned.length) {
      node = h('span', { class: 'hl--warning' }, words);
    } else {
      node = document.createTextNode(words);
    }
    const first = piece.starting.find((m) => m.kind === 'warning');
    if (first && node.nodeType === Node.ELEMENT_NODE) node.dataset.warning = String(first.w);
    else if (first) node = h('span', { dataset: { warning: String(first.w) } }, node);
    fragment.append(node);
    const heading = headingEnds.get(piece.to);
    if (heading && piece.marks.some((m) => m.i === heading.i && m.kind === 'heading') && unitsById.has(heading.unit_id)) {
      fragment.append(h('button', { type: 'button', class: 'doc__fix', dataset: { unit: heading.unit_id },
        'aria-label': `更正“${heading.label || unitsById.get(heading.unit_id).title}”的牵头、配合或指标` }, '更正'));
    }
  }
  return fragment;
}

function goTo(el) {
  if (!el) return;
  if (!el.matches('a, button')) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  el.classList.remove('flash');
  void el.offsetWidth;  // restart the flash animation
  el.classList.add('flash');
}

function warningList(warnings, textBox) {
  if (!warnings.length) return empty('读取时没有发出提示。');
  return h('ol', { class: 'warning-list' }, warnings.map((w, i) => {
    const located = Number.isInteger(w.start) && Number.isInteger(w.end);
    const body = [h('span', { class: 'warning-list__kind' }, WARNING_LABEL[w.kind] || w.kind),
      h('span', { class: 'warning-list__message', lang: 'en' }, w.message)];
    return h('li', {}, located
      ? h('a', { href: `#warning-${i}`, onclick: (e) => {
        e.preventDefault();
        goTo(textBox.querySelector(`[data-warning="${i}"]`));
      } }, body, h('span', { class: 'visually-hidden' }, '（跳到原文位置）'))
      : h('span', {}, body, h('span', { class: 'muted small' }, '（全文）')));
  }));
}

function legend() {
  const item = (cls, tag, label) => h('li', {}, h('span', { class: `hl ${cls}` }, tag ? h('span', { class: 'hl__tag' }, tag) : null,
    label));
  return h('ul', { class: 'reading-legend', 'aria-label': '图例' },
    item('hl--heading', null, '任务标题'), item('hl--lead', '牵头', '牵头单位'), item('hl--support', '配合', '配合单位'),
    item('hl--target', '指标', '指标'), item('hl--lead hl--corrected', '牵头', '经人工更正'),
    h('li', {}, h('span', { class: 'hl--warning' }, '读取提示')));
}

export async function renderReading(page, id, focusUnit) {
  const [source, plan, marks] = await Promise.all([api.source(id), api.plan(id), marksOf(id)]);
  const unitsById = new Map(plan.units.map((u) => [u.id, u]));
  for (const span of source.spans) {
    if (span.basis !== 'corrected') continue;
    const unit = unitsById.get(span.unit_id);
    span.mark = marks.explain(span.correction, plan.id, { path: unit ? unit.path : null },
      [span.department_id, span.department, span.indicator_id, span.label]);
  }
  const count = (kind) => source.spans.filter((s) => s.kind === kind).length;
  const textBox = h('div', { class: 'doc__text', lang: 'zh-CN' });
  const started = performance.now();
  textBox.append(documentText(source, plan.id, unitsById));
  textBox.dataset.renderMs = String(Math.round(performance.now() - started));
  textBox.addEventListener('click', (e) => {
    const button = e.target.closest('.doc__fix');
    if (!button) return;
    const unit = unitsById.get(button.dataset.unit);
    openCorrections({ plan, unit, marks, returnTo: link.read(plan.id, unit.id), opener: button });
  });

  page.append(
    breadcrumb({ label: '规划', href: link.plan(plan.id) }, { label: plan.title, href: link.plan(plan.id) }, { label: '原文' }),
    pageHeader({
      kind: 'plan', eyebrow: `原文阅读 · ${plan.jurisdiction || ''}`, title: source.title || plan.title,
      lede: '文件原文，标出读取到的任务标题、牵头与配合单位和指标。点击标记打开对应的任务、部门或指标；点击标题旁的“更正”修改读错的地方。',
      children: h('p', { class: 'page-actions' },
        h('a', { class: 'button button--primary', href: link.plan(plan.id) }, '规划纲要'),
        h('a', { class: 'button', href: link.graph('plan', plan.id) }, '关系图谱'),
        h('a', { class: 'button', href: link.corrections({ plan: plan.id }) }, '本规划的更正')),
    }),
    h('section', { class: 'stats', 'aria-label': '读取到的内容' },
      stat(count('heading'), '个任务标题'), stat(count('lead'), '处牵头'), stat(count('support'), '处配合'),
      stat(count('target'), '项指标'), stat(source.warnings.length, '条提示', '#warnings-title')),
    h('div', { class: 'with-aside reading' },
      h('section', { class: 'with-aside__main doc', 'aria-labelledby': 'doc-title' },
        h('div', { class: 'doc__head' }, h('h2', { id: 'doc-title' }, '原文'), legend()),
        source.text ? textBox : empty('这份文件没有保存原文。')),
      h('aside', { class: 'with-aside__aside warnings', 'aria-labelledby': 'warnings-title' },
        h('h2', { id: 'warnings-title', tabindex: '-1' }, '读取提示', h('span', { class: 'count' }, `${source.warnings.length} 条`)),
        h('p', { class: 'muted small' }, '读取程序拿不准的地方：没有归入任务的分工说明、未能识别的名称等。点击跳到原文位置。'),
        warningList(source.warnings, textBox))));
  page.querySelector('.stats a[href="#warnings-title"]')?.addEventListener('click', (e) => {
    e.preventDefault();
    goTo(document.getElementById('warnings-title'));
  });

  const after = focusUnit ? () => goTo(textBox.querySelector(`[data-unit="${CSS.escape(focusUnit)}"]`)) : null;
  return { title: `原文 · ${plan.title}`, after, keepFocus: Boolean(focusUnit) };
}
