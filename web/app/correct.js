// The corrections dialog for one unit (or a plan's own targets): remove a lead or support, swap lead ↔
// support, add a missing one (a department found in the graph, or a name as written), say two
// departments are one body or one name is several, fix a target's value, unit or year. Every
// correction asks why and is signed with the session's name; once the server has it, the page reloads
// and the fact shows as corrected.

import { api } from './api.js';
import { debounce, h, nextId } from './dom.js';
import { BASIS_LABEL, correctedText, KIND_LABEL, ROLE_LABEL, targetText } from './format.js';
import { credentials, session, writeError } from './session.js';

function departmentsOf(plan) {
  const seen = new Map();
  for (const u of plan.units) for (const d of [...u.leads, ...u.supports]) if (!seen.has(d.id)) seen.set(d.id, d);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

// The reason field every correction form ends with, and its submit button.
function reasonAndSubmit(label, onCancel = null) {
  const id = nextId('why');
  return [
    h('label', { class: 'field field--stack', for: id }, '理由（为什么这样更正）',
      h('textarea', { id, name: 'why', class: 'field__input', rows: '2', required: true,
        placeholder: '例如：原文写“由省教育厅牵头”，读成了配合' })),
    h('p', { class: 'dialog__actions' }, h('button', { type: 'submit', class: 'button button--primary' }, label),
      onCancel ? h('button', { type: 'button', class: 'button', onclick: onCancel }, '取消') : null),
  ];
}

// How a role was read, in words that fit the role (a support “stated” is written as support).
function basisText(dept, role, mark) {
  if (dept.basis === 'corrected') return correctedText(dept.correction || mark);
  if (dept.basis === 'stated') return `原文写明${ROLE_LABEL[role]}`;
  return BASIS_LABEL[dept.basis] || dept.basis || '';
}

function select(name, label, options, { value } = {}) {
  const id = nextId(name);
  return h('label', { class: 'field field--stack', for: id }, label,
    h('select', { id, name, class: 'field__input', required: true },
      h('option', { value: '' }, '请选择'),
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))));
}

// A search box over GET /departments?q=: pick a department of the graph, or keep the words as written.
function departmentPicker(jurisdiction) {
  const id = nextId('dept');
  const listId = nextId('dept-results');
  const results = h('ul', { class: 'picker__results', id: listId, 'aria-label': '找到的部门' });
  const chosen = h('p', { class: 'picker__chosen', 'aria-live': 'polite' });
  const picker = { value: null };
  const input = h('input', { id, name: 'department', type: 'search', class: 'field__input', autocomplete: 'off',
    required: true, 'aria-controls': listId, placeholder: '输入部门名称，如 省教育厅' });
  let controller = null;
  const show = (list) => {
    results.replaceChildren(...list.map((d) => h('li', {}, h('button', { type: 'button', class: 'picker__option',
      'aria-pressed': picker.value && picker.value.id === d.id ? 'true' : 'false',
      onclick: () => {
        picker.value = d;
        input.value = d.name;
        show(list);
        chosen.textContent = `已选：${d.name}（${d.jurisdiction || '地区不明'}）`;
      } }, d.name, h('span', { class: 'muted small' }, ` ${d.jurisdiction || ''} · ${KIND_LABEL[d.kind] || d.kind}`)))));
  };
  const search = debounce(async (q) => {
    if (controller) controller.abort();
    if (!q.trim()) { show([]); return; }
    controller = new AbortController();
    try {
      const found = await api.findDepartments(q.trim(), { signal: controller.signal });
      found.sort((a, b) => (b.jurisdiction === jurisdiction) - (a.jurisdiction === jurisdiction));
      show(found.slice(0, 8));
      if (!found.length) chosen.textContent = `图谱中没有“${q.trim()}”：将按原文名称在${jurisdiction || '本文件的地区'}中识别。`;
    } catch (e) {
      if (e.name !== 'AbortError') chosen.textContent = writeError(e);
    }
  }, 200);
  input.addEventListener('input', () => {
    picker.value = null;
    chosen.textContent = input.value.trim() ? `将按原文名称“${input.value.trim()}”识别，或在下面选一个部门。` : '';
    search(input.value);
  });
  picker.element = h('div', { class: 'picker' },
    h('label', { class: 'field field--stack', for: id }, '部门（从图谱中选，或照原文写名称）', input), chosen, results);
  // What to send: the picked department's id, else the name as written.
  picker.department = () => (picker.value ? picker.value.id : input.value.trim());
  return picker;
}

function roleRadios(name, value) {
  return h('fieldset', { class: 'radios' }, h('legend', {}, '角色'),
    ['leads', 'supports'].map((r) => h('label', { class: 'check' },
      h('input', { type: 'radio', name, value: r, checked: r === value, required: true }), ROLE_LABEL[r])));
}

// One dialog at a time; closing it returns focus to the button that opened it.
export function openCorrections({ plan, unit = null, indicators = null, returnTo, opener = null, marks = null }) {
  // Who corrected a fact shown here, when the caller knows (web/app/marks.js).
  const markOf = (...keys) => (marks ? marks.find(plan.id, { path: unit ? unit.path : null }, keys) : null);
  document.querySelector('dialog.dialog')?.remove();
  const titleId = nextId('dialog-title');
  const status = h('p', { class: 'dialog__status', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'dialog__body' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
    h('div', { class: 'dialog__head' },
      h('div', {}, h('p', { class: 'eyebrow' }, unit ? '更正这项任务的读取结果' : '更正规划的总体目标'),
        h('h2', { id: titleId }, unit ? unit.title : plan.title),
        unit ? h('p', { class: 'muted small' }, unit.path) : null),
      h('button', { type: 'button', class: 'button button--icon', 'aria-label': '关闭', onclick: () => dialog.close() }, '×')),
    credentials({ onChange: () => draw() }),
    status, body);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });

  async function submit(form, request) {
    if (!session.ready()) {
      status.textContent = '请先在上面填写 API 令牌和你的名字。';
      dialog.querySelector('.credentials input')?.focus();
      return;
    }
    const why = form.elements.why.value.trim();
    if (!why) { status.textContent = '请写下理由：以后的人要知道为什么这样更正。'; form.elements.why.focus(); return; }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    status.textContent = '正在保存更正……';
    status.classList.remove('dialog__status--error');
    try {
      const saved = await api.correct({ plan_id: plan.id, ...(unit ? { unit_id: unit.id } : {}), ...request,
        by: session.name(), why }, session.token());
      status.textContent = '已保存。';
      dialog.close();
      document.getElementById('announcer').textContent = `已保存更正（${saved && saved.kind}），页面已刷新。`;
      if (window.location.hash === returnTo) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else window.location.hash = returnTo;
    } catch (e) {
      status.textContent = writeError(e);
      status.classList.add('dialog__status--error');
      button.disabled = false;
    }
  }

  const form = (attrs, request, ...children) => h('form', { class: 'dialog__form', ...attrs, onsubmit: (e) => {
    e.preventDefault();
    const built = request(e.target);
    if (built) submit(e.target, built);
  } }, children);

  function assignmentRow(dept, role) {
    const other = role === 'leads' ? 'supports' : 'leads';
    const how = basisText(dept, role, dept.basis === 'corrected' ? markOf(dept.id, dept.name) : null);
    const slot = h('div', { class: 'assignment__form' });
    const ask = (kind, label) => () => {
      slot.replaceChildren(form({ 'aria-label': `${label}：${dept.name}` },
        () => ({ kind, department: dept.id, role, ...(kind === 'change-role' ? { new_role: other } : {}) }),
        h('p', { class: 'small' }, kind === 'remove-assignment'
          ? `删除：${dept.name} 不是这项任务的${ROLE_LABEL[role]}单位。`
          : `改为${ROLE_LABEL[other]}：${dept.name} 是这项任务的${ROLE_LABEL[other]}单位，不是${ROLE_LABEL[role]}单位。`),
        reasonAndSubmit('保存更正', () => slot.replaceChildren())));
      slot.querySelector('textarea').focus();
    };
    return h('li', { class: `assignment assignment--${role}` },
      h('div', { class: 'assignment__line' },
        h('span', { class: `role-tag role-tag--${role}` }, ROLE_LABEL[role]),
        h('span', { class: 'assignment__name' }, dept.name),
        h('span', { class: `basis-note${dept.basis === 'corrected' ? ' basis-note--corrected' : ''}` }, how),
        h('span', { class: 'assignment__buttons' },
          h('button', { type: 'button', class: 'button button--small', onclick: ask('change-role', `改为${ROLE_LABEL[other]}`) },
            `改为${ROLE_LABEL[other]}`),
          h('button', { type: 'button', class: 'button button--small button--danger', onclick: ask('remove-assignment', '删除') },
            '删除'))),
      slot);
  }

  function section(title, open, ...children) {
    return h('details', { class: 'dialog__section', open }, h('summary', {}, title), children);
  }

  function draw() {
    const parts = [];
    if (unit) {
      const rows = [...unit.leads.map((d) => assignmentRow(d, 'leads')), ...unit.supports.map((d) => assignmentRow(d, 'supports'))];
      parts.push(section('牵头与配合', true, rows.length ? h('ul', { class: 'assignments' }, rows)
        : h('p', { class: 'muted' }, '这项任务没有读出牵头或配合单位。')));

      const picker = departmentPicker(plan.jurisdiction);
      parts.push(section('补充漏读的单位', !rows.length, form({ 'aria-label': '补充漏读的单位' }, (f) => {
        const department = picker.department();
        if (!department) { status.textContent = '请填写或选择一个部门。'; return null; }
        return { kind: 'add-assignment', department, role: f.elements.role.value };
      }, roleRadios('role', 'leads'), picker.element, reasonAndSubmit('补充'))));

      const mine = [...unit.leads, ...unit.supports];
      const all = departmentsOf(plan);
      const opts = (list) => list.map((d) => ({ value: d.id, label: d.name }));
      if (mine.length) {
        parts.push(section('两个名称是同一机构', false, form({ 'aria-label': '两个名称是同一机构' }, (f) => {
          if (f.elements.department.value === f.elements.other.value) {
            status.textContent = '请选两个不同的部门。';
            return null;
          }
          return { kind: 'same-body', department: f.elements.department.value, other: f.elements.other.value };
        },
        h('p', { class: 'small muted' }, '本规划里被读成两个部门的名称，其实是同一个机构。'),
        select('department', '这个部门', opts(mine), { value: mine[0].id }), select('other', '与它是同一机构的', opts(all)),
        reasonAndSubmit('合并'))));
        parts.push(section('一个名称是多个机构', false, form({ 'aria-label': '一个名称是多个机构' }, (f) => {
          const names = f.elements.names.value.split(/[、，,；;\s]+/).map((n) => n.trim()).filter(Boolean);
          if (names.length < 2) { status.textContent = '请写出至少两个名称，用“、”分隔。'; return null; }
          return { kind: 'split-name', department: f.elements.department.value, names };
        },
        select('department', '被读成一个部门的名称', opts(mine), { value: mine[0].id }),
        h('label', { class: 'field field--stack' }, '它实际是这些机构（用“、”分隔）',
          h('input', { name: 'names', class: 'field__input', required: true, placeholder: '省科技厅、省财政厅' })),
        reasonAndSubmit('拆分'))));
      }
    }
    const targets = indicators || (unit ? unit.indicators : plan.indicators);
    if (targets.length) {
      parts.push(section('更正指标', !unit, h('ul', { class: 'assignments' }, targets.map((ind) => h('li', { class: 'assignment' },
        h('p', { class: 'assignment__line' }, h('span', { class: 'role-tag role-tag--target' }, '指标'),
          h('span', { class: 'assignment__name' }, ind.name), h('span', { class: 'muted' }, targetText(ind)),
          ind.basis === 'corrected' || ind.correction || markOf(ind.id, ind.name)
            ? h('span', { class: 'basis-note basis-note--corrected' }, correctedText(ind.correction || markOf(ind.id, ind.name)))
            : null),
        form({ 'aria-label': `更正指标：${ind.name}` }, (f) => {
          const value = f.elements.target_value.value.trim();
          const year = f.elements.target_year.value.trim();
          if (value && Number.isNaN(Number(value))) { status.textContent = '目标值须是数字。'; return null; }
          return { kind: 'fix-target', indicator_id: ind.id, target_value: value === '' ? null : Number(value),
            unit: f.elements.unit.value.trim() || null, target_year: year === '' ? null : Number(year) };
        },
        h('div', { class: 'dialog__row' },
          h('label', { class: 'field field--stack' }, '目标值',
            h('input', { name: 'target_value', class: 'field__input', inputmode: 'decimal', value: ind.target_value ?? '' })),
          h('label', { class: 'field field--stack' }, '单位', h('input', { name: 'unit', class: 'field__input', value: ind.unit ?? '' })),
          h('label', { class: 'field field--stack' }, '目标年份',
            h('input', { name: 'target_year', class: 'field__input', inputmode: 'numeric', value: ind.target_year ?? '' }))),
        reasonAndSubmit('更正指标')))))));
    }
    body.replaceChildren(...parts);
  }

  draw();
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

