// The search box: a combobox over /search (the jieba index of departments, units, targets and plans),
// with suggestions as you type. Arrow keys move through them, Enter opens one (or the full results),
// Escape closes the list.

import { api } from './api.js';
import { debounce, h, nextId } from './dom.js';
import { TYPE_LABEL, short } from './format.js';
import { hitHref, link } from './links.js';

export function createSearch({ large = false, autofocus = false, value = '', label = '站内搜索' } = {}) {
  const inputId = nextId('search-input');
  const listId = nextId('search-list');
  const hintId = nextId('search-hint');
  let hits = [];
  let active = -1;
  let seq = 0;
  let controller = null;

  const input = h('input', {
    id: inputId, type: 'search', class: 'search__input', role: 'combobox', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': listId, 'aria-describedby': hintId, autocomplete: 'off',
    spellcheck: 'false', enterkeyhint: 'search',
    placeholder: large ? '输入部门、任务或指标，例如：省经信委、宽带、智能制造' : '搜索部门、任务、指标',
  });
  input.value = value;
  const list = h('ul', { id: listId, class: 'search__list', role: 'listbox', 'aria-label': '搜索建议', hidden: true });
  const status = h('span', { class: 'visually-hidden', 'aria-live': 'polite' });
  const form = h('form', { class: `search${large ? ' search--large' : ''}`, role: 'search', 'aria-label': label },
    h('label', { for: inputId, class: 'visually-hidden' }, '搜索部门、任务和指标'),
    h('span', { class: 'search__icon', 'aria-hidden': 'true' }),
    input,
    h('button', { type: 'submit', class: 'search__button' }, '搜索'),
    h('span', { id: hintId, class: 'visually-hidden' }, '输入时会出现建议，用上下方向键选择，回车打开。'),
    status,
    list);

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(i) {
    const options = [...list.querySelectorAll('[role=option]')];
    if (!options.length) return;
    active = (i + options.length) % options.length;
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', options[active].id);
    options[active].scrollIntoView({ block: 'nearest' });
  }

  function go(href) {
    close();
    input.blur();
    window.location.hash = href;
  }

  function render(q) {
    list.replaceChildren();
    if (!hits.length) {
      list.append(h('li', { class: 'search__empty', role: 'presentation' }, `没有找到与“${q}”相关的内容`));
    }
    hits.forEach((hit, i) => {
      const sub = hit.type === 'department' ? hit.snippet.split(' ')[0] : hit.plan ? hit.plan.title : '';
      list.append(h('li', {
        id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: 'search__option',
        dataset: { type: hit.type },
        onmousedown: (e) => e.preventDefault(),
        onclick: () => go(hitHref(hit)),
      },
      h('span', { class: `badge badge--${hit.type}` }, TYPE_LABEL[hit.type] || hit.type),
      h('span', { class: 'search__text' },
        h('span', { class: 'search__title' }, short(hit.title, 40)),
        sub ? h('span', { class: 'search__sub' }, short(sub, 40)) : null)));
    });
    if (hits.length) {
      list.append(h('li', {
        id: `${listId}-all`, role: 'option', 'aria-selected': 'false', class: 'search__option search__all',
        onmousedown: (e) => e.preventDefault(), onclick: () => go(link.search(q)),
      }, `查看“${short(q, 16)}”的全部结果 →`));
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = hits.length ? `${hits.length} 条建议` : '没有建议';
  }

  const suggest = debounce(async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { close(); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const found = await api.search(q, { limit: 8 }, { signal: controller.signal });
      if (mine !== seq || input.value.trim() !== q) return;
      hits = found;
      active = -1;
      render(q);
    } catch (e) {
      if (e.name !== 'AbortError' && mine === seq) close();
    }
  }, 120);

  input.addEventListener('input', suggest);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) suggest(); else setActive(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (!list.hidden) setActive(active - 1);
    } else if (e.key === 'Escape') {
      if (!list.hidden) { e.preventDefault(); close(); }
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      list.querySelectorAll('[role=option]')[active].click();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (q) go(link.search(q));
  });
  if (autofocus) queueMicrotask(() => input.focus({ preventScroll: true }));
  return form;
}
