// A department: its canonical name, jurisdiction and aliases; what it leads and supports, grouped by
// plan, each with the quote it was read from; and its partners, the departments it shares units with.

import { api } from '../api.js';
import { h } from '../dom.js';
import { BASIS_LABEL, correctedText, KIND_LABEL, TYPE_LABEL } from '../format.js';
import { link } from '../links.js';
import { marksOf } from '../marks.js';
import { breadcrumb, empty, loading, pageHeader, quote, stat } from '../ui.js';

function groupByPlan(items) {
  const groups = new Map();
  for (const item of items) {
    if (!groups.has(item.plan.id)) groups.set(item.plan.id, { plan: item.plan, items: [] });
    groups.get(item.plan.id).items.push(item);
  }
  return [...groups.values()];
}

// How the role was read; a person's correction is told apart, with who made it and when.
function basisNote(item) {
  if (item.basis === 'corrected') {
    const mark = item.mark || item.correction;
    return h('span', { class: 'basis basis--corrected', title: mark && mark.why ? `理由：${mark.why}` : null },
      `${BASIS_LABEL.corrected}（${correctedText(mark)}）`);
  }
  return h('span', { class: `basis basis--${item.basis}` }, BASIS_LABEL[item.basis] || item.basis);
}

function unitCard(item, role, dept) {
  const corrected = item.basis === 'corrected';
  return h('li', { class: `unit-card unit-card--${role}${corrected ? ' unit-card--corrected' : ''}` },
    h('div', { class: 'unit-card__head' },
      h('span', { class: `badge badge--${item.type}` }, TYPE_LABEL[item.type]),
      h('a', { class: 'unit-card__title', href: link.plan(item.plan.id, item.id) }, item.title)),
    quote(item.quote, { words: dept.aliases.concat(dept.name) }),
    h('p', { class: 'unit-card__meta' },
      role === 'lead' || corrected ? basisNote(item) : null,
      item.deadline ? h('span', { class: 'deadline' }, `完成时限：${item.deadline}`) : null));
}

function roleSection(id, title, role, items, dept) {
  const groups = groupByPlan(items);
  const body = items.length
    ? groups.map((g) => h('section', { class: 'plan-group', 'aria-label': `${g.plan.title}：${g.items.length} 项` },
      h('h3', { class: 'plan-group__title' }, h('a', { href: link.plan(g.plan.id) }, g.plan.title),
        h('span', { class: 'count' }, `${g.items.length} 项`)),
      h('ol', { class: 'unit-list' }, g.items.map((item) => unitCard(item, role, dept)))))
    : empty(role === 'lead' ? '文件中没有由它牵头的任务。' : '文件中没有由它配合的任务。');
  return h('section', { class: 'section role-section', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, h('span', { class: `role-dot role-dot--${role}`, 'aria-hidden': 'true' }), title,
      h('span', { class: 'count' }, `${items.length} 项`)),
    body);
}

function partnerList(partners) {
  if (partners === null) return empty('暂时无法取得合作部门。');
  if (!partners.length) return empty('没有与它共同承担任务的部门。');
  const max = Math.max(...partners.map((p) => p.shared || 0), 1);
  return h('ol', { class: 'partner-list' }, partners.map((p) => h('li', {},
    h('a', { href: link.department(p.id) }, p.name),
    h('span', { class: 'partner-list__bar', 'aria-hidden': 'true' },
      h('span', { style: { width: `${Math.max(4, (100 * (p.shared || 0)) / max)}%` } })),
    h('span', { class: 'partner-list__n' }, `${p.shared} 项`))));
}

export async function renderDepartment(page, id) {
  const [leads, supports] = await Promise.all([api.leads(id), api.supports(id)]);
  const dept = leads.departments.find((d) => d.id === id) || leads.departments[0];
  const corrected = [...leads.items, ...supports.items].filter((i) => i.basis === 'corrected');
  if (corrected.length) {
    const marks = await marksOf();
    for (const item of corrected) {
      item.mark = marks.explain(item.correction, item.plan.id, { title: item.title }, [item.department_id, dept.id, dept.name]);
    }
  }
  const plans = new Set([...leads.items, ...supports.items].map((i) => i.plan.id));
  const aliases = dept.aliases.filter((a) => a !== dept.name);

  const partnersBox = h('div', { class: 'partners__body' }, loading('正在查找合作部门……'));
  page.append(
    breadcrumb({ label: '部门' }, { label: dept.name }),
    pageHeader({
      kind: 'department', eyebrow: `部门 · ${dept.jurisdiction}`, title: dept.name,
      children: [
        h('dl', { class: 'facts' },
          h('div', {}, h('dt', {}, '所属地区'), h('dd', {}, dept.jurisdiction || '—')),
          h('div', {}, h('dt', {}, '类别'), h('dd', {}, KIND_LABEL[dept.kind] || dept.kind)),
          h('div', { class: 'facts__wide' }, h('dt', {}, '简称与别名'),
            h('dd', {}, aliases.length ? h('ul', { class: 'chip-list', 'aria-label': '简称与别名' },
              aliases.map((a) => h('li', { class: 'chip chip--alias' }, a))) : '—'))),
        h('p', { class: 'page-actions' },
          h('a', { class: 'button button--primary', href: link.graph('department', dept.id) }, '查看关系图谱'),
          h('a', { class: 'button', href: '#leads' , onclick: jump('leads') }, '牵头的任务'),
          h('a', { class: 'button', href: '#supports', onclick: jump('supports') }, '配合的任务')),
      ],
    }),
    h('section', { class: 'stats', 'aria-label': '概况' },
      stat(leads.total, '项牵头'), stat(supports.total, '项配合'), stat(plans.size, '份规划')),
    h('div', { class: 'with-aside' },
      h('div', { class: 'with-aside__main' },
        roleSection('leads', '牵头的任务', 'lead', leads.items, dept),
        roleSection('supports', '配合的任务', 'support', supports.items, dept)),
      h('aside', { class: 'with-aside__aside partners', 'aria-labelledby': 'partners-title' },
        h('h2', { id: 'partners-title' }, '合作部门'),
        h('p', { class: 'muted' }, '与它在同一项任务中牵头或配合的部门，按共同承担的任务数排列。'),
        partnersBox)));

  api.partners(dept).then((p) => partnersBox.replaceChildren(partnerList(p)),
    () => partnersBox.replaceChildren(partnerList(null)));
  return { title: dept.name };
}

// In-page links must not change the hash (the hash is the route): scroll instead.
function jump(id) {
  return (e) => {
    e.preventDefault();
    const target = document.getElementById(id);
    if (target) {
      target.scrollIntoView({ behavior: 'smooth', block: 'start' });
      const heading = target.querySelector('h2');
      if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); }
    }
  };
}
