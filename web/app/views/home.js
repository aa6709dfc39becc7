// Home: what the graph holds, a large search box, the plans, and a directory of departments.

import { api } from '../api.js';
import { h } from '../dom.js';
import { dateText, planColour } from '../format.js';
import { link } from '../links.js';
import { createSearch } from '../search.js';
import { stat } from '../ui.js';

const EXAMPLES = ['省经济和信息化委', '省发改委', '宽带', '智能制造', '电子商务', '信息消费'];

export async function renderHome(page) {
  const [health, plans, departments] = await Promise.all([api.health(), api.plans(), api.departments()]);
  const c = health.counts || {};

  page.append(
    h('section', { class: 'hero', 'aria-labelledby': 'hero-title' },
      h('h1', { id: 'hero-title', tabindex: '-1' }, '政策知识图谱'),
      h('p', { class: 'lede' }, '把政府规划文件读成一张图：每项任务由谁牵头、谁配合，要在哪一年达到什么目标——每一条都附原文出处。'),
      createSearch({ large: true }),
      h('p', { class: 'examples' }, h('span', {}, '试试：'),
        EXAMPLES.map((q) => h('a', { class: 'chip chip--ghost', href: link.search(q) }, q)))),
    h('section', { class: 'stats', 'aria-label': '图谱规模' },
      stat(c.plan ?? plans.length, '份规划'),
      stat(c.action ?? '—', '项行动'),
      stat(c.project ?? '—', '个项目'),
      stat(c.department ?? departments.length, '个部门'),
      stat(c.indicator ?? '—', '项指标', link.targets())),
  );

  page.append(h('section', { class: 'section', 'aria-labelledby': 'plans-title' },
    h('h2', { id: 'plans-title' }, '已载入的规划'),
    h('ul', { class: 'card-grid' }, plans.map((p) => h('li', { class: 'card plan-card', style: { '--accent': planColour(plans, p.id) } },
      h('p', { class: 'eyebrow' }, [p.jurisdiction, p.issued ? dateText(p.issued) : null].filter(Boolean).join(' · ')),
      h('h3', {}, h('a', { href: link.plan(p.id) }, p.title)),
      h('p', { class: 'muted' }, [p.issuer, p.doc_number].filter(Boolean).join(' · ') || '—'),
      h('p', { class: 'card__actions' },
        h('a', { href: link.plan(p.id) }, '纲要'),
        h('a', { href: link.graph('plan', p.id) }, '关系图谱'),
        h('a', { href: link.targets({ plan: p.id }) }, '指标')))))));

  const byPlace = new Map();
  for (const d of departments) {
    if (!byPlace.has(d.jurisdiction)) byPlace.set(d.jurisdiction, []);
    byPlace.get(d.jurisdiction).push(d);
  }
  const places = [...byPlace.entries()].sort((a, b) => b[1].length - a[1].length);
  page.append(h('section', { class: 'section', 'aria-labelledby': 'dept-title' },
    h('h2', { id: 'dept-title' }, '部门目录'),
    h('p', { class: 'muted' }, '按所属地区列出文件中出现的全部部门与单位，点开查看它牵头和配合的任务。'),
    places.map(([place, list], i) => h('details', { class: 'directory', open: i === 0 },
      h('summary', {}, h('span', {}, place || '未注明地区'), h('span', { class: 'count' }, `${list.length} 个`)),
      h('ul', { class: 'chip-list' }, list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
        .map((d) => h('li', {}, h('a', { class: 'chip', href: link.department(d.id) }, d.name))))))));

  return { title: '首页' };
}
