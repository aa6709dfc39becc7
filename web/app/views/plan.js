// A plan: its document metadata and what it implements; its targets; and its outline as a tree
// (chapters → actions → projects, and the annex's task table), each unit with who leads and who
// supports it, its targets, its deadline and the text it was read from.

import { api } from '../api.js';
import { h } from '../dom.js';
import { openCorrections } from '../correct.js';
import { baselineText, correctedText, dateText, targetText } from '../format.js';
import { link } from '../links.js';
import { marksOf } from '../marks.js';
import { breadcrumb, deptChip, empty, pageHeader, quote, stat } from '../ui.js';

// The shortest name a department goes by in the documents, for compact summaries (省经信委).
export function shortName(dept) {
  const names = [dept.name, ...(dept.aliases || [])].filter((n) => n.length >= 3);
  return names.sort((a, b) => a.length - b.length)[0] || dept.name;
}

function buildTree(units) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map();
  const chapters = new Map();
  for (const u of units) {
    if (u.parent_id && byId.has(u.parent_id)) {
      if (!children.has(u.parent_id)) children.set(u.parent_id, []);
      children.get(u.parent_id).push(u);
      continue;
    }
    const chapter = u.path.split(' > ')[0].trim();
    if (!chapters.has(chapter)) chapters.set(chapter, { title: chapter, annex: u.annex, roots: [] });
    chapters.get(chapter).roots.push(u);
  }
  return { byId, children, chapters: [...chapters.values()] };
}

// Who corrected it, when and why, for a tooltip.
const fixedTitle = (mark) => `${correctedText(mark)}${mark && mark.why ? `：${mark.why}` : ''}`;

// A department's chip in a unit, marked when a person's correction put it there.
function roleChip(dept, role, mark) {
  const chip = deptChip(dept, role);
  if (dept.basis === 'corrected') {
    chip.classList.add('chip--corrected');
    chip.title = `${chip.title}；${fixedTitle(mark || dept.correction)}`;
    chip.append(h('span', { class: 'corrected-mark' }, '已更正'));
  }
  return chip;
}

// A target, marked when a correction fixed it (the API's basis, or a correction naming it).
function indicatorItem(ind, mark = null) {
  const base = baselineText(ind);
  const fixed = ind.basis === 'corrected' || Boolean(ind.correction);
  return h('li', { class: `target${fixed ? ' target--corrected' : ''}` },
    h('span', { class: 'target__name' }, ind.name),
    h('span', { class: 'target__value' }, targetText(ind)),
    fixed ? h('span', { class: 'corrected-mark', title: fixedTitle(mark || ind.correction) }, '已更正') : null,
    base ? h('span', { class: 'target__base' }, `基线：${base}`) : null,
    h('details', { class: 'target__quote' }, h('summary', {}, '原文'), quote(ind.quote)));
}

function countSubtree(u, children) {
  return (children.get(u.id) || []).reduce((n, c) => n + 1 + countSubtree(c, children), 0);
}

function unitNode(u, tree, depth) {
  const kids = tree.children.get(u.id) || [];
  const who = [...u.leads, ...u.supports];
  const searchText = [u.title, u.path, ...who.flatMap((d) => [d.name, ...(d.aliases || [])]),
    ...u.indicators.map((i) => i.name)].join(' ');
  const related = u.related_ids.map((id) => tree.byId.get(id)).filter(Boolean);
  const mark = (apiMark, ...keys) => tree.marks.explain(apiMark, tree.planId, { path: u.path }, keys);
  const typeLabel = u.annex ? '附件任务' : u.type === 'project' ? '项目' : '行动';
  const leadsText = u.leads.length ? `牵头：${u.leads.slice(0, 2).map(shortName).join('、')}${u.leads.length > 2 ? '等' : ''}` : '';

  return h('li', { class: `node node--${u.type}${u.annex ? ' node--annex' : ''}`, id: `unit-${u.id}`,
    dataset: { id: u.id, text: searchText, depth: String(depth) } },
  h('details', { class: 'node__details' },
    h('summary', { class: 'node__summary' },
      h('span', { class: `badge badge--${u.annex ? 'annex' : u.type}` }, typeLabel),
      h('span', { class: 'node__title' }, u.title),
      h('span', { class: 'node__tags' },
        leadsText ? h('span', { class: 'node__lead' }, leadsText) : null,
        u.indicators.length ? h('span', { class: 'tag tag--target' }, `${u.indicators.length} 项指标`) : null,
        kids.length ? h('span', { class: 'tag' }, `${countSubtree(u, tree.children)} 个下级`) : null,
        u.deadline ? h('span', { class: 'tag tag--deadline' }, u.deadline) : null)),
    h('div', { class: 'node__body' },
      who.length ? h('dl', { class: 'roles' },
        u.leads.length ? h('div', {}, h('dt', { class: 'role role--lead' }, '牵头'),
          h('dd', {}, u.leads.map((d) => roleChip(d, 'lead', d.basis === 'corrected' && mark(d.correction, d.id, d.name))))) : null,
        u.supports.length ? h('div', {}, h('dt', { class: 'role role--support' }, '配合'),
          h('dd', {}, u.supports.map((d) => roleChip(d, 'support', d.basis === 'corrected' && mark(d.correction, d.id, d.name))))) : null) : null,
      u.indicators.length ? h('ul', { class: 'targets', 'aria-label': '指标' },
        u.indicators.map((ind) => indicatorItem(ind, mark(ind.correction, ind.id, ind.name)))) : null,
      u.deadline ? h('p', { class: 'deadline' }, `完成时限：${u.deadline}`) : null,
      related.length ? h('p', { class: 'related' }, u.annex ? '正文中对应：' : '附件中对应：',
        related.map((r) => h("a", { href: link.plan(tree.planId, r.id) }, r.title))) : null,
      quote(u.quote, { words: who.flatMap((d) => d.aliases || []) }),
      h('p', { class: 'node__actions' },
        h('a', { class: 'button button--small', href: link.read(tree.planId, u.id) }, '在原文中查看'),
        h('button', { type: 'button', class: 'button button--small', dataset: { fix: u.id },
          'aria-label': `更正“${u.title}”的牵头、配合或指标` }, '更正')),
      kids.length ? h('ol', { class: 'tree tree--nested' }, kids.map((k) => unitNode(k, tree, depth + 1))) : null)));
}

function filterTree(root, q) {
  const nodes = [...root.querySelectorAll('.node')];
  const needle = q.trim().toLowerCase();
  let shown = 0;
  for (const n of nodes) { n.hidden = false; n.classList.remove('node--match'); }
  root.querySelectorAll('.chapter').forEach((c) => { c.hidden = false; });
  if (!needle) return nodes.length;
  const keep = new Set();
  for (const n of nodes) {
    if (n.dataset.text.toLowerCase().includes(needle)) {
      n.classList.add('node--match');
      shown += 1;
      for (let p = n; p && p !== root; p = p.parentElement) {
        if (p.classList.contains('node') || p.classList.contains('chapter')) keep.add(p);
      }
    }
  }
  for (const n of nodes) {
    n.hidden = !keep.has(n);
    if (keep.has(n) && !n.classList.contains('node--match')) n.querySelector(':scope > details').open = true;
  }
  root.querySelectorAll('.chapter').forEach((c) => {
    c.hidden = !keep.has(c);
    if (keep.has(c)) c.querySelector(':scope > details').open = true;
  });
  return shown;
}

export async function renderPlan(page, id, focusUnit) {
  const [plan, plans, marks] = await Promise.all([api.plan(id), api.plans(), marksOf(id)]);
  const loaded = new Set(plans.map((p) => p.id));
  const tree = buildTree(plan.units);
  tree.planId = plan.id;
  tree.marks = marks;
  const counts = {
    action: plan.units.filter((u) => u.type === 'action' && !u.annex).length,
    project: plan.units.filter((u) => u.type === 'project').length,
    annex: plan.units.filter((u) => u.annex).length,
    indicators: plan.indicators.length + plan.units.reduce((n, u) => n + u.indicators.length, 0),
  };

  const facts = [
    ['发文机关', plan.issuer], ['发文日期', dateText(plan.issued)], ['文号', plan.doc_number],
    ['地区', plan.jurisdiction], ['来源文件', plan.source],
  ];
  page.append(
    breadcrumb({ label: '规划' }, { label: plan.title }),
    pageHeader({
      kind: 'plan', eyebrow: `规划 · ${plan.jurisdiction || ''}`, title: plan.title,
      lede: plan.title_derived ? '（文件未写标题，此标题由正文推断。）' : null,
      children: [
        h('dl', { class: 'facts' }, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v || '—')))),
        plan.implements.length ? h('div', { class: 'implements' },
          h('h2', { class: 'implements__title' }, '贯彻落实'),
          h('ul', {}, plan.implements.map((p) => h('li', {},
            loaded.has(p.id) ? h('a', { href: link.plan(p.id) }, p.title || p.id) : h('span', {}, p.title || p.id),
            p.doc_number ? h('span', { class: 'muted' }, `（${p.doc_number}）`) : null,
            loaded.has(p.id) ? null : h('span', { class: 'tag', title: '该文件未载入图谱' }, '未载入'))))) : null,
        h('p', { class: 'page-actions' },
          h('a', { class: 'button button--primary', href: link.graph('plan', plan.id) }, '查看关系图谱'),
          h('a', { class: 'button', href: link.read(plan.id) }, '原文阅读'),
          h('a', { class: 'button', href: link.corrections({ plan: plan.id }) }, '更正记录'),
          h('a', { class: 'button', href: link.targets({ plan: plan.id }) }, '指标图表')),
      ],
    }),
    h('section', { class: 'stats', 'aria-label': '概况' },
      stat(counts.action, '项行动'), stat(counts.project, '个项目'),
      counts.annex ? stat(counts.annex, '项附件任务') : null,
      stat(counts.indicators, '项指标', link.targets({ plan: plan.id }))));

  if (plan.indicators.length) {
    page.append(h('section', { class: 'section', 'aria-labelledby': 'goals-title' },
      h('div', { class: 'section__head' },
        h('h2', { id: 'goals-title' }, '总体目标', h('span', { class: 'count' }, `${plan.indicators.length} 项`)),
        h('button', { type: 'button', class: 'button button--small', dataset: { fix: '' }, 'aria-label': '更正总体目标' }, '更正')),
      h('ul', { class: 'targets targets--grid' }, plan.indicators.map((ind) => indicatorItem(ind, marks.explain(ind.correction, plan.id, { path: null }, [ind.id, ind.name]))))));
  }

  const outline = h('ol', { class: 'tree', 'aria-label': '规划纲要' }, tree.chapters.map((c) => h('li', { class: 'chapter' },
    h('details', { open: true },
      h('summary', { class: 'chapter__summary' },
        h('span', { class: 'chapter__title' }, c.title),
        c.annex ? h('span', { class: 'badge badge--annex' }, '附件') : null,
        h('span', { class: 'count' }, `${c.roots.reduce((n, u) => n + 1 + countSubtree(u, tree.children), 0)} 项`)),
      h('ol', { class: 'tree tree--nested' }, c.roots.map((u) => unitNode(u, tree, 1)))))));
  const filterStatus = h('span', { class: 'muted', 'aria-live': 'polite' });
  const setAll = (open) => outline.querySelectorAll('details').forEach((d) => { d.open = open; });
  page.append(h('section', { class: 'section', 'aria-labelledby': 'outline-title' },
    h('div', { class: 'section__head' },
      h('h2', { id: 'outline-title' }, '规划纲要', h('span', { class: 'count' }, `${plan.units.length} 项`)),
      h('div', { class: 'toolbar', role: 'group', 'aria-label': '纲要操作' },
        h('label', { class: 'field' }, h('span', { class: 'visually-hidden' }, '在纲要中筛选'),
          h('input', { type: 'search', class: 'field__input', placeholder: '筛选：部门或关键词', 'aria-label': '在纲要中筛选',
            oninput: (e) => {
              const n = filterTree(outline, e.target.value);
              filterStatus.textContent = e.target.value.trim() ? `匹配 ${n} 项` : '';
            } })),
        h('button', { type: 'button', class: 'button', onclick: () => setAll(true) }, '全部展开'),
        h('button', { type: 'button', class: 'button', onclick: () => setAll(false) }, '全部收起'),
        filterStatus)),
    plan.units.length ? outline : empty('这份文件没有读出任务。')));

  page.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-fix]');
    if (!button) return;
    const unit = button.dataset.fix ? tree.byId.get(button.dataset.fix) : null;
    openCorrections({ plan, unit, marks, returnTo: link.plan(plan.id, unit ? unit.id : null), opener: button });
  });

  const after = focusUnit ? () => {
    const node = document.getElementById(`unit-${focusUnit}`);
    if (!node) return;
    for (let p = node; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    node.querySelector(':scope > details').open = true;
    node.classList.add('node--focus');
    const summary = node.querySelector('summary');
    node.scrollIntoView({ block: 'center' });
    if (summary) summary.focus({ preventScroll: true });
  } : null;
  return { title: plan.title, after, keepFocus: Boolean(focusUnit) };
}
