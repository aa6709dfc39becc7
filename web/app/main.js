// The explorer's shell: a hash router that renders one view at a time into <main>.

import { clear, h } from './dom.js';
import { parseHash } from './links.js';
import { createSearch } from './search.js';
import { errorCard, loading } from './ui.js';
import { renderCorrections } from './views/corrections.js';
import { renderDepartment } from './views/department.js';
import { renderGraph } from './views/graph.js';
import { renderHome } from './views/home.js';
import { renderPlan } from './views/plan.js';
import { renderReading } from './views/reading.js';
import { renderSearch } from './views/search.js';
import { renderTargets } from './views/targets.js';
import { renderUpload } from './views/upload.js';

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let cleanup = null;
let renderSeq = 0;

function route({ parts, query }) {
  const [first, second, third] = parts;
  if (!first) return { view: renderHome, nav: 'home' };
  if (first === 'search') return { view: renderSearch, args: [query.get('q') || ''] };
  if (first === 'department' && second) return { view: renderDepartment, args: [second] };
  if ((first === 'plan' || first === 'plans') && second && third === 'read') {
    return { view: renderReading, args: [second, query.get('unit')] };
  }
  if (first === 'plan' && second) return { view: renderPlan, args: [second, query.get('unit')] };
  if (first === 'upload') return { view: renderUpload, nav: 'upload' };
  if (first === 'corrections') return { view: renderCorrections, args: [query], nav: 'corrections' };
  if (first === 'graph' && (second === 'department' || second === 'plan') && third) {
    return { view: renderGraph, args: [second, third] };
  }
  if (first === 'targets') return { view: renderTargets, args: [query], nav: 'targets' };
  return { view: null };
}

async function render() {
  const seq = ++renderSeq;
  const parsed = parseHash(window.location.hash);
  const { view, args = [], nav } = route(parsed);
  document.querySelector('dialog.dialog')?.close();
  if (cleanup) { try { cleanup(); } catch { /* a view's teardown must not stop the next one */ } cleanup = null; }
  document.querySelectorAll('.site-nav a').forEach((a) => {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  document.body.dataset.view = parsed.parts[2] === 'read' ? 'read' : parsed.parts[0] || 'home';
  const page = h('div', { class: 'page' });
  clear(main).append(loading());
  main.setAttribute('aria-busy', 'true');
  let result = {};
  try {
    if (!view) throw Object.assign(new Error('页面不存在'), { status: 404 });
    result = (await view(page, ...args)) || {};
  } catch (e) {
    console.warn(e);
    const what = { department: '部门', plan: '规划', plans: '规划', graph: '图谱', search: '搜索结果', targets: '指标',
      corrections: '更正' }[parsed.parts[0]];
    page.replaceChildren(errorCard(e, what));
    result = { title: '出错了' };
  }
  if (seq !== renderSeq) { if (result.cleanup) result.cleanup(); return; }
  clear(main).append(page);
  main.setAttribute('aria-busy', 'false');
  cleanup = result.cleanup || null;
  document.title = result.title ? `${result.title} · 政策知识图谱` : '政策知识图谱';
  announcer.textContent = `已打开：${result.title || '政策知识图谱'}`;
  if (result.after) result.after();
  else if (!result.keepScroll) window.scrollTo(0, 0);
  if (!result.keepFocus) {
    const heading = page.querySelector('h1');
    if (heading && document.activeElement === document.body) heading.focus({ preventScroll: true });
  }
  document.body.dataset.ready = String(seq);
}

document.getElementById('header-search').append(createSearch({ label: '页头搜索' }));
window.addEventListener('hashchange', render);
render();
