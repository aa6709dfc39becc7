// Search results: everything /search finds, grouped by kind.

import { api } from '../api.js';
import { h } from '../dom.js';
import { TYPE_LABEL } from '../format.js';
import { hitHref } from '../links.js';
import { createSearch } from '../search.js';
import { breadcrumb, empty, pageHeader } from '../ui.js';

const ORDER = ['department', 'plan', 'action', 'project', 'indicator'];

export async function renderSearch(page, q) {
  const hits = q ? await api.search(q, { limit: 100 }) : [];
  page.append(breadcrumb({ label: '搜索' }),
    pageHeader({ eyebrow: '搜索', title: q ? `“${q}”的搜索结果` : '搜索', lede: q ? `共找到 ${hits.length} 条。` : null }),
    createSearch({ large: true, value: q }));
  if (q && !hits.length) page.append(empty('没有找到相关内容。可以换一个说法，例如部门简称“省经信委”或指标名称“宽带”。'));
  for (const type of ORDER) {
    const group = hits.filter((hit) => hit.type === type);
    if (!group.length) continue;
    page.append(h('section', { class: 'section', 'aria-labelledby': `results-${type}` },
      h('h2', { id: `results-${type}` }, TYPE_LABEL[type], h('span', { class: 'count' }, `${group.length}`)),
      h('ol', { class: 'result-list' }, group.map((hit) => h('li', { class: 'result' },
        h('span', { class: `badge badge--${hit.type}` }, TYPE_LABEL[hit.type]),
        h('div', {},
          h('a', { class: 'result__title', href: hitHref(hit) }, hit.title),
          hit.plan ? h('p', { class: 'result__plan muted' }, hit.plan.title) : null,
          hit.snippet ? h('p', { class: 'result__snippet' }, hit.snippet) : null))))));
  }
  return { title: q ? `搜索：${q}` : '搜索' };
}
