// Every correction people made: who, when, why, what kind, in which plan and unit, the quote it
// concerns; stale ones (their unit or quote is gone from the document) marked with the reason. Filter
// to the stale ones or one plan; delete one with the token (the plan's facts return to what was read).

import { api } from '../api.js';
import { h } from '../dom.js';
import { CORRECTION_KIND, ROLE_LABEL, timeText } from '../format.js';
import { link } from '../links.js';
import { credentials, session, writeError } from '../session.js';
import { breadcrumb, empty, pageHeader, quote } from '../ui.js';

// What the correction says, in one line, from its body.
function what(c, names) {
  const b = c.body || {};
  // A department is kept as its id, its name, or the department itself.
  const dept = (v) => (v && typeof v === 'object' ? v.name || v.id : names.get(v) || v || '');
  switch (c.kind) {
    case 'remove-assignment': return `删除${ROLE_LABEL[b.role] || ''}：${dept(b.department)}`;
    case 'add-assignment': return `补充${ROLE_LABEL[b.role] || ''}：${dept(b.department)}`;
    case 'change-role': return `${dept(b.department)}：${ROLE_LABEL[b.role] || b.role} → ${ROLE_LABEL[b.new_role] || b.new_role}`;
    case 'same-body': return `同一机构：${dept(b.department)} = ${dept(b.other)}`;
    case 'split-name': return `${dept(b.department)} 实为：${(b.names || []).map(dept).join('、')}`;
    case 'fix-target': return `${b.indicator || '指标'} 改为：${[b.target_value, b.unit, b.target_year ? `（${b.target_year}年）` : '']
      .filter((x) => x !== null && x !== undefined && x !== '').join('')}`;
    default: return c.kind;
  }
}

export async function renderCorrections(page, query) {
  const staleOnly = query.get('stale') === 'true';
  const planId = query.get('plan') || '';
  const [{ data: items, total }, plans] = await Promise.all([
    api.corrections({ stale: staleOnly ? 'true' : null, plan: planId }), api.plans()]);
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));
  const names = new Map();
  const depts = await api.departments().catch(() => []);
  for (const d of depts) names.set(d.id, d.name);
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });

  const go = (params) => { window.location.hash = link.corrections(params); };
  const filters = h('form', { class: 'toolbar corrections__filters', 'aria-label': '筛选更正', onsubmit: (e) => e.preventDefault() },
    h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: staleOnly,
      onchange: (e) => go({ plan: planId, stale: e.target.checked ? 'true' : null }) }), '只看失效的'),
    h('label', { class: 'field' }, '规划',
      h('select', { class: 'field__input', onchange: (e) => go({ plan: e.target.value, stale: staleOnly ? 'true' : null }) },
        h('option', { value: '' }, '全部规划'),
        plans.map((p) => h('option', { value: p.id, selected: p.id === planId }, p.title)))));

  // The token form stays folded away until it is needed: reading the list needs none.
  const who = session.ready() ? credentials() : h('details', { class: 'credentials-fold' },
    h('summary', {}, '删除更正需要 API 令牌：在这里填写'), credentials());

  async function remove(c, button) {
    if (!session.ready()) {
      status.textContent = '删除更正需要 API 令牌：请先在上面填写。';
      who.open = true;
      who.querySelector('input')?.focus();
      return;
    }
    if (!window.confirm(`删除这条更正（${CORRECTION_KIND[c.kind] || c.kind}）？规划会恢复为读取的结果加上其他更正。`)) return;
    button.disabled = true;
    try {
      await api.deleteCorrection(c.id, session.token());
      document.getElementById('announcer').textContent = '已删除这条更正。';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      status.textContent = writeError(e);
      button.disabled = false;
    }
  }

  const card = (c) => h('li', { class: `correction${c.stale ? ' correction--stale' : ''}`, dataset: { id: c.id, kind: c.kind } },
    h('div', { class: 'correction__head' },
      h('span', { class: 'badge badge--correction' }, CORRECTION_KIND[c.kind] || c.kind),
      c.stale ? h('span', { class: 'badge badge--stale' }, '已失效') : null,
      h('span', { class: 'correction__what' }, what(c, names))),
    c.stale ? h('p', { class: 'correction__stale' }, h('strong', {}, '失效原因：'), c.stale_reason || '它所指的任务或原文已不在文件中。') : null,
    h('dl', { class: 'facts correction__facts' },
      h('div', {}, h('dt', {}, '规划'), h('dd', {}, planTitle.has(c.plan_id)
        ? h('a', { href: link.read(c.plan_id) }, planTitle.get(c.plan_id)) : c.plan_id)),
      h('div', {}, h('dt', {}, '任务'), h('dd', {}, c.unit_path || '（规划的总体目标）')),
      h('div', {}, h('dt', {}, '更正人'), h('dd', {}, c.by)),
      h('div', {}, h('dt', {}, '时间'), h('dd', {}, h('time', { datetime: c.at }, timeText(c.at)))),
      h('div', { class: 'facts__wide' }, h('dt', {}, '理由'), h('dd', {}, c.why || '—'))),
    c.quote ? quote(c.quote, { label: '所涉原文' }) : null,
    h('p', { class: 'correction__actions' },
      h('button', { type: 'button', class: 'button button--small button--danger', onclick: (e) => remove(c, e.currentTarget),
        'aria-label': `删除这条更正：${what(c, names)}` }, '删除')));

  const stale = items.filter((c) => c.stale).length;
  page.append(
    breadcrumb({ label: '更正' }),
    pageHeader({ title: '更正', lede: '人们对读取结果所做的更正。每条都记下谁、何时、为什么；文件再次载入时会重新套用。'
      + '它所指的任务或原文已不在文件中时，标为“已失效”。' }),
    h('section', { class: 'section', 'aria-labelledby': 'corrections-title' },
      h('div', { class: 'section__head' },
        h('h2', { id: 'corrections-title' }, staleOnly ? '失效的更正' : '全部更正', h('span', { class: 'count' }, `${total ?? items.length} 条`)),
        filters),
      who,
      status,
      items.length ? h('ol', { class: 'correction-list' }, items.map(card))
        : empty(staleOnly ? '没有失效的更正。' : '还没有更正。在规划的原文阅读页或纲要页点“更正”即可添加。'),
      !staleOnly && stale ? h('p', { class: 'muted' }, `其中 ${stale} 条已失效。`) : null));
  return { title: '更正', keepScroll: false };
}
