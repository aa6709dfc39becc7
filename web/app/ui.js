// Pieces shared by the views: page headers, department chips, quotes as evidence, error cards.

import { h, highlight } from './dom.js';
import { KIND_LABEL } from './format.js';
import { link } from './links.js';

export function breadcrumb(...items) {
  return h('nav', { class: 'breadcrumb', 'aria-label': '当前位置' },
    h('ol', {}, [h('li', {}, h('a', { href: link.home() }, '首页')),
      ...items.map((it, i) => h('li', {},
        it.href && i < items.length - 1 ? h('a', { href: it.href }, it.label)
          : h('span', { 'aria-current': i === items.length - 1 ? 'page' : null }, it.label)))]));
}

export function pageHeader({ eyebrow, title, lede, children, kind }) {
  return h('header', { class: `page-header${kind ? ` page-header--${kind}` : ''}` },
    eyebrow ? h('p', { class: 'eyebrow' }, eyebrow) : null,
    h('h1', { tabindex: '-1' }, title),
    lede ? h('p', { class: 'lede' }, lede) : null,
    children);
}

export function deptChip(dept, role) {
  return h('a', {
    class: `chip chip--${role || 'dept'}`, href: link.department(dept.id),
    title: `${dept.name}（${KIND_LABEL[dept.kind] || dept.kind}）`,
  }, dept.name);
}

export function quote(text, { words, label = '原文', cite } = {}) {
  return h('figure', { class: 'quote' },
    h('figcaption', { class: 'quote__label' }, label),
    h('blockquote', { cite: cite || null }, highlight(text, words)));
}

export function stat(value, label, href) {
  const body = [h('span', { class: 'stat__value' }, value), h('span', { class: 'stat__label' }, label)];
  return href ? h('a', { class: 'stat', href }, body) : h('div', { class: 'stat' }, body);
}

export function errorCard(error, what) {
  const notFound = error && error.status === 404;
  return h('section', { class: 'notice notice--error', role: 'alert' },
    h('h1', { tabindex: '-1' }, notFound ? `没有找到这个${what || '页面'}` : '出错了'),
    h('p', {}, notFound ? '它可能已被删除，或链接有误。可以试试搜索。' : (error && error.message) || String(error)),
    h('p', {}, h('a', { class: 'button', href: link.home() }, '回到首页')));
}

export function loading(text = '正在加载……') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}
