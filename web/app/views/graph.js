// The graph view: an interactive picture of a department's or a plan's neighbourhood, drawn with
// cytoscape (from npm, served by our server from web/node_modules; never a CDN). A list of the same
// nodes, with links, follows the picture for keyboard and screen-reader users.

import { api } from '../api.js';
import { h } from '../dom.js';
import { TYPE_LABEL, short } from '../format.js';
import { link } from '../links.js';
import { breadcrumb, pageHeader } from '../ui.js';
import { shortName } from './plan.js';

const LIBRARY = '/static/vendor/cytoscape/cytoscape.esm.min.mjs';
const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const COLOURS = {
  centre: '#0b4f49', department: '#0f6b63', partner: '#7c6bc4', plan: '#4f5bd5', external: '#9aa3d9',
  action: '#5b6b7f', project: '#9fb0c3', lead: '#0f6b63', support: '#d08b2c', partnerEdge: '#a596dd', line: '#c9d2dc',
};
const MAX_PARTNERS = 12;

let library = null;
function loadCytoscape() {
  library = library || import(LIBRARY).then((m) => m.default);
  return library;
}

function graphOf() {
  const nodes = new Map();
  const edges = new Map();
  return {
    nodes, edges,
    node(id, data) { if (!nodes.has(id)) nodes.set(id, { id, ...data }); else Object.assign(nodes.get(id), data.center ? { center: true } : {}); },
    edge(source, target, role, extra = {}) {
      const id = `${source}|${role}|${target}`;
      if (!edges.has(id) && source !== target) edges.set(id, { id, source, target, role, ...extra });
    },
  };
}

async function departmentGraph(id) {
  const [leads, supports] = await Promise.all([api.leads(id), api.supports(id)]);
  const dept = leads.departments.find((d) => d.id === id) || leads.departments[0];
  const partners = (await api.partners(dept).catch(() => null)) || [];
  const g = graphOf();
  g.node(dept.id, { kind: 'department', label: dept.name, full: dept.name, center: true, place: dept.jurisdiction, dept });
  for (const [role, items] of [['lead', leads.items], ['support', supports.items]]) {
    for (const item of items) {
      g.node(item.plan.id, { kind: 'plan', label: short(item.plan.title, 16), full: item.plan.title });
      g.node(item.id, { kind: item.type, label: short(item.title, 12), full: item.title, plan: item.plan, quote: item.quote });
      g.edge(dept.id, item.id, role);
      g.edge(item.id, item.plan.id, 'in');
    }
  }
  for (const p of partners.slice(0, MAX_PARTNERS)) {
    g.node(p.id, { kind: 'department', partner: true, label: p.name, full: p.name, place: p.jurisdiction, shared: p.shared });
    g.edge(dept.id, p.id, 'partner', { shared: p.shared, label: `${p.shared}` });
  }
  return {
    g, title: dept.name, kind: 'department', entity: dept,
    back: { href: link.department(dept.id), label: '部门页' },
    summary: `${dept.name}牵头 ${leads.total} 项、配合 ${supports.total} 项任务，与 ${partners.length} 个部门共同承担任务`
      + (partners.length > MAX_PARTNERS ? `（图中显示最多的 ${MAX_PARTNERS} 个）` : '') + '。',
  };
}

async function planGraph(id) {
  const plan = await api.plan(id);
  const g = graphOf();
  const ids = new Set(plan.units.map((u) => u.id));
  g.node(plan.id, { kind: 'plan', label: short(plan.title, 20), full: plan.title, center: true });
  for (const p of plan.implements) {
    g.node(p.id, { kind: 'plan', external: true, label: short(p.title || p.doc_number || p.id, 16), full: p.title, docNumber: p.doc_number });
    g.edge(plan.id, p.id, 'implements');
  }
  for (const u of plan.units) {
    g.node(u.id, { kind: u.type, label: short(u.title, 12), full: u.title, plan: { id: plan.id, title: plan.title }, quote: u.quote,
      leads: u.leads.map(shortName), supports: u.supports.map(shortName), annex: u.annex });
    if (u.parent_id && ids.has(u.parent_id)) g.edge(u.parent_id, u.id, 'contains'); else g.edge(plan.id, u.id, 'contains');
    for (const d of u.leads) {
      g.node(d.id, { kind: 'department', label: shortName(d), full: d.name, place: d.jurisdiction });
      g.edge(d.id, u.id, 'lead');
    }
    for (const d of u.supports) {
      g.node(d.id, { kind: 'department', label: shortName(d), full: d.name, place: d.jurisdiction });
      g.edge(d.id, u.id, 'support');
    }
  }
  // A unit is "assigned" when it or a unit under it names a department: the others are outline only.
  const assigned = new Set();
  const parents = new Map(plan.units.map((u) => [u.id, u.parent_id]));
  for (const u of plan.units) {
    if (!u.leads.length && !u.supports.length) continue;
    for (let id = u.id; id && !assigned.has(id); id = parents.get(id)) assigned.add(id);
  }
  for (const u of plan.units) g.nodes.get(u.id).assigned = assigned.has(u.id);
  const depts = [...g.nodes.values()].filter((n) => n.kind === 'department').length;
  return {
    g, title: plan.title, kind: 'plan', entity: plan,
    back: { href: link.plan(plan.id), label: '规划纲要' },
    summary: `${plan.title}共 ${plan.units.length} 项行动与项目，涉及 ${depts} 个部门。`,
  };
}

function elements(g) {
  // Departments are drawn by how much they carry here: each lead counts 2, each support 1.
  const weight = new Map();
  for (const e of g.edges.values()) {
    if (e.role === 'lead' || e.role === 'support') weight.set(e.source, (weight.get(e.source) || 0) + (e.role === 'lead' ? 2 : 1));
  }
  for (const n of g.nodes.values()) {
    if (n.kind === 'department' && !n.center) n.weight = n.partner ? Math.max(2, n.shared || 0) : weight.get(n.id) || 1;
  }
  return [
    ...[...g.nodes.values()].map((n) => ({ group: 'nodes', data: { ...n, dept: undefined } })),
    ...[...g.edges.values()].map((e) => ({ group: 'edges', data: e })),
  ];
}

function styles() {
  return [
    { selector: 'node', style: {
      label: 'data(label)', 'font-family': FONT, 'font-size': 10, color: '#243140', 'text-valign': 'bottom',
      'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '120px', width: 12, height: 12,
      'background-color': COLOURS.project, 'text-background-color': '#fbfaf7', 'text-background-opacity': 0.8,
      'text-background-padding': '1px', 'min-zoomed-font-size': 12, 'border-width': 0,
    } },
    { selector: 'node[kind = "action"]', style: { shape: 'diamond', width: 16, height: 16, 'background-color': COLOURS.action } },
    { selector: 'node[kind = "department"]', style: {
      width: 20, height: 20, 'background-color': COLOURS.department, 'font-size': 11, 'font-weight': 600, color: '#0b3d38',
      'min-zoomed-font-size': 5, 'text-max-width': '190px' } },
    { selector: 'node[kind = "department"][weight]', style: {
      width: 'mapData(weight, 1, 40, 12, 40)', height: 'mapData(weight, 1, 40, 12, 40)',
      'font-size': 'mapData(weight, 1, 40, 10, 15)' } },
    { selector: 'node[?partner]', style: { 'background-color': COLOURS.partner, color: '#3f3477' } },
    { selector: 'node[kind = "plan"]', style: {
      shape: 'round-rectangle', width: 34, height: 22, 'background-color': COLOURS.plan, 'font-size': 11,
      'font-weight': 600, color: '#2a2f7a', 'text-max-width': '160px', 'min-zoomed-font-size': 5, 'z-index': 12 } },
    { selector: 'node[?external]', style: { 'background-color': COLOURS.external, 'border-width': 1, 'border-style': 'dashed', 'border-color': '#4f5bd5' } },
    { selector: 'node[?center]', style: {
      width: 48, height: 48, 'font-size': 14, 'font-weight': 700, 'border-width': 5, 'border-color': '#f3d6a4',
      'text-max-width': '220px', 'z-index': 10 } },
    { selector: 'node[kind = "department"][?center]', style: { 'background-color': COLOURS.centre } },
    { selector: 'node[kind = "plan"][?center]', style: { width: 60, height: 40 } },
    { selector: 'edge', style: {
      width: 1, 'line-color': COLOURS.line, 'curve-style': 'bezier', opacity: 0.9 } },
    { selector: 'edge[role = "lead"]', style: {
      width: 2.4, 'line-color': COLOURS.lead, 'target-arrow-shape': 'triangle', 'target-arrow-color': COLOURS.lead, 'arrow-scale': 0.8 } },
    { selector: 'edge[role = "support"]', style: { width: 1.4, 'line-color': COLOURS.support, 'line-style': 'dashed' } },
    { selector: 'edge[role = "partner"]', style: {
      width: 'mapData(shared, 1, 30, 1.2, 7)', 'line-color': COLOURS.partnerEdge, 'line-style': 'dotted', label: 'data(label)',
      'font-size': 9, color: '#5b4fa0', 'text-background-color': '#fbfaf7', 'text-background-opacity': 1, 'font-family': FONT } },
    { selector: 'edge[role = "implements"]', style: {
      'line-color': COLOURS.plan, 'line-style': 'dashed', 'target-arrow-shape': 'vee', 'target-arrow-color': COLOURS.plan } },
    { selector: ':selected', style: { 'border-width': 4, 'border-color': '#e8a33d', 'z-index': 20 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'node.near', style: { 'min-zoomed-font-size': 0, 'z-index': 15 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

const LAYOUTS = {
  cose: { label: '力导向', options: { name: 'cose', animate: false, randomize: true,
    nodeRepulsion: (n) => (n.data('kind') === 'department' || n.data('kind') === 'plan' ? 60000 : 12000),
    idealEdgeLength: (e) => ({ partner: 170, in: 36, contains: 46, lead: 110, support: 130, implements: 120 }[e.data('role')] || 80),
    edgeElasticity: (e) => (e.data('role') === 'in' || e.data('role') === 'contains' ? 200 : 60),
    gravity: 0.25, numIter: 2500, nestingFactor: 1, componentSpacing: 80, nodeDimensionsIncludeLabels: false,
    padding: 24, coolingFactor: 0.97 } },
  concentric: { label: '同心圆', options: { name: 'concentric', animate: false, minNodeSpacing: 26, padding: 24,
    concentric: (n) => (n.data('center') ? 10 : n.data('kind') === 'plan' ? 8 : n.data('kind') === 'department' ? (n.data('partner') ? 2 : 4) : n.data('kind') === 'action' ? 6 : 5),
    levelWidth: () => 1, nodeDimensionsIncludeLabels: false, spacingFactor: 0.9, avoidOverlap: true } },
  breadthfirst: { label: '层次', options: { name: 'breadthfirst', animate: false, directed: false, spacingFactor: 1.1, padding: 24,
    circle: false, grid: false } },
};

function describe(node) {
  const d = node.data();
  const rows = [];
  if (d.kind === 'department') {
    rows.push(h('p', { class: 'eyebrow' }, `部门 · ${d.place || ''}`), h('h3', {}, d.full));
    if (d.shared) rows.push(h('p', {}, `与中心部门共同承担 ${d.shared} 项任务`));
    rows.push(h('p', { class: 'panel__links' }, h('a', { class: 'button button--small', href: link.department(d.id) }, '打开部门页'),
      d.center ? null : h('a', { class: 'button button--small', href: link.graph('department', d.id) }, '以它为中心')));
  } else if (d.kind === 'plan') {
    rows.push(h('p', { class: 'eyebrow' }, d.external ? '规划 · 上位文件（未载入）' : '规划'), h('h3', {}, d.full || d.label));
    if (d.docNumber) rows.push(h('p', { class: 'muted' }, d.docNumber));
    if (!d.external) {
      rows.push(h('p', { class: 'panel__links' }, h('a', { class: 'button button--small', href: link.plan(d.id) }, '打开规划页'),
        d.center ? null : h('a', { class: 'button button--small', href: link.graph('plan', d.id) }, '以它为中心')));
    }
  } else {
    rows.push(h('p', { class: 'eyebrow' }, `${d.annex ? '附件任务' : TYPE_LABEL[d.kind]} · ${d.plan ? short(d.plan.title, 20) : ''}`),
      h('h3', {}, d.full));
    if (d.leads && d.leads.length) rows.push(h('p', {}, h('strong', {}, '牵头：'), d.leads.join('、')));
    if (d.supports && d.supports.length) rows.push(h('p', {}, h('strong', {}, '配合：'), d.supports.join('、')));
    if (d.quote) rows.push(h('figure', { class: 'quote quote--small' }, h('figcaption', { class: 'quote__label' }, '原文'), h('blockquote', {}, short(d.quote, 160))));
    if (d.plan) rows.push(h('p', { class: 'panel__links' }, h('a', { class: 'button button--small', href: link.plan(d.plan.id, d.id) }, '在纲要中查看')));
  }
  return rows;
}

function textAlternative(g, kind) {
  const nodes = [...g.nodes.values()];
  const groups = [
    ['plan', '规划', (n) => n.kind === 'plan' && !n.center],
    ['department', kind === 'department' ? '合作部门' : '部门', (n) => n.kind === 'department' && !n.center],
    ['action', '行动', (n) => n.kind === 'action'],
    ['project', '项目', (n) => n.kind === 'project'],
  ];
  const href = (n) => (n.kind === 'department' ? link.department(n.id) : n.kind === 'plan' ? (n.external ? null : link.plan(n.id))
    : link.plan(n.plan.id, n.id));
  return h('details', { class: 'graph-list' },
    h('summary', {}, `以列表查看图中内容（${nodes.length} 个节点）`),
    groups.map(([key, label, test]) => {
      const list = nodes.filter(test);
      if (!list.length) return null;
      return h('section', { 'aria-label': label }, h('h3', {}, `${label}（${list.length}）`),
        h('ul', { class: 'chip-list' }, list.map((n) => h('li', {}, href(n)
          ? h('a', { class: 'chip', href: href(n), dataset: { node: n.id, kind: key } }, n.full || n.label)
          : h('span', { class: 'chip' }, n.full || n.label)))));
    }));
}

export async function renderGraph(page, kind, id) {
  const [cytoscape, model] = await Promise.all([
    loadCytoscape().catch(() => null),
    kind === 'department' ? departmentGraph(id) : planGraph(id),
  ]);
  const { g, title, back, summary } = model;
  page.append(
    breadcrumb({ label: kind === 'department' ? '部门' : '规划', href: back.href }, { label: title, href: back.href }, { label: '关系图谱' }),
    pageHeader({ kind: 'graph', eyebrow: `关系图谱 · ${kind === 'department' ? '部门' : '规划'}`, title, lede: summary,
      children: h('p', { class: 'page-actions' }, h('a', { class: 'button', href: back.href }, `← 返回${back.label}`)) }));

  if (!cytoscape) {
    page.append(h('section', { class: 'notice notice--error', role: 'alert' },
      h('h2', {}, '图谱可视化库未安装'),
      h('p', {}, '关系图需要从 npm 安装的 cytoscape。请在安装了 Node.js 与 npm 的机器上运行 make install 后重启服务。'),
      h('p', {}, '下面仍可以列表形式查看图中内容。')), textAlternative(g, kind));
    return { title: `关系图谱：${title}` };
  }

  const canvas = h('div', { class: 'graph-canvas', role: 'img', tabindex: '0',
    'aria-label': `关系图：${summary}可以用加号、减号缩放，方向键平移，0 键适应窗口；图中内容的列表在图的下方。`,
    dataset: { rendered: 'false', nodes: '0' } });
  const panel = h('div', { class: 'graph-panel__body', 'aria-live': 'polite' });
  const layoutSelect = h('select', { class: 'field__input', 'aria-label': '布局' },
    Object.entries(LAYOUTS).map(([key, l]) => h('option', { value: key }, l.label)));
  const supportToggle = h('input', { type: 'checkbox', checked: true });
  const partnerToggle = h('input', { type: 'checkbox', checked: true });
  const outlineToggle = h('input', { type: 'checkbox', checked: false });
  const legend = [
    ['department', kind === 'department' ? '本部门' : '部门'], kind === 'department' ? ['partner', '合作部门'] : null,
    ['plan', '规划'], ['action', '行动'], ['project', '项目'], ['lead', '牵头'], ['support', '配合'],
    kind === 'department' ? ['partnerEdge', '共同承担（数字为项数）'] : ['implements', '贯彻落实'],
  ].filter(Boolean);

  page.append(h('section', { class: 'graph', 'aria-label': '关系图' },
    h('div', { class: 'graph-toolbar', role: 'toolbar', 'aria-label': '图谱操作' },
      h('label', { class: 'field' }, h('span', {}, '布局'), layoutSelect),
      h('label', { class: 'check' }, supportToggle, h('span', {}, '显示配合关系')),
      kind === 'department' ? h('label', { class: 'check' }, partnerToggle, h('span', {}, '显示合作部门'))
        : h('label', { class: 'check' }, outlineToggle, h('span', {}, '显示未分工的行动与项目')),
      h('span', { class: 'graph-toolbar__spacer' }),
      h('button', { type: 'button', class: 'button button--icon', 'aria-label': '放大', onclick: () => zoomBy(1.25) }, '+'),
      h('button', { type: 'button', class: 'button button--icon', 'aria-label': '缩小', onclick: () => zoomBy(0.8) }, '−'),
      h('button', { type: 'button', class: 'button', onclick: () => cy && cy.fit(undefined, 24) }, '适应窗口')),
    h('div', { class: 'graph-body' },
      canvas,
      h('aside', { class: 'graph-panel', 'aria-label': '选中的节点' },
        h('h2', { class: 'graph-panel__title' }, '选中的节点'), panel,
        h('ul', { class: 'legend', 'aria-label': '图例' }, legend.map(([k, label]) => h('li', {},
          h('span', { class: `legend__mark legend__mark--${k}`, 'aria-hidden': 'true' }), label))),
        h('p', { class: 'muted small' }, '点按节点查看详情，双击部门或规划以它为中心重新展开；滚轮或双指缩放，拖动平移。'))),
    textAlternative(g, kind)));

  let cy = null;
  // Cytoscape measures its container when it starts, so it starts once the page is in the document.
  function start() {
    cy = cytoscape({
      container: canvas, elements: elements(g), style: styles(), minZoom: 0.15, maxZoom: 3,
      boxSelectionEnabled: false, layout: { name: 'preset' },
    });
    window.policykg = Object.assign(window.policykg || {}, { cy });
    cy.on('tap', 'node', (e) => show(e.target));
    cy.on('tap', (e) => { if (e.target === cy) show(null); });
    cy.on('dbltap', 'node', (e) => {
      const d = e.target.data();
      if (d.center) return;
      if (d.kind === 'department') window.location.hash = link.graph('department', d.id);
      else if (d.kind === 'plan' && !d.external) window.location.hash = link.graph('plan', d.id);
    });
    show(null);
    applyFilters();
  }

  function show(node) {
    cy.elements().removeClass('faded near');
    if (!node) {
      panel.replaceChildren(...describe(cy.nodes('[?center]').first()));
      return;
    }
    const hood = node.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
    hood.nodes().addClass('near');
    panel.replaceChildren(...describe(node));
  }

  function run(name) {
    const visible = cy.elements().not('.hidden');
    const options = { ...LAYOUTS[name].options };
    if (name === 'breadthfirst') options.roots = cy.nodes('[?center]');
    const layout = visible.layout(options);
    layout.one('layoutstop', () => {
      cy.fit(visible, 24);
      canvas.dataset.rendered = 'true';
      canvas.dataset.nodes = String(cy.nodes().not('.hidden').length);
      canvas.dataset.edges = String(cy.edges().not('.hidden').length);
      canvas.dataset.layout = name;
    });
    layout.run();
  }

  function applyFilters() {
    cy.elements().removeClass('hidden');
    if (!supportToggle.checked) cy.edges('[role = "support"]').addClass('hidden');
    if (kind === 'department' && !partnerToggle.checked) cy.nodes('[?partner]').addClass('hidden');
    if (kind === 'plan' && !outlineToggle.checked) cy.nodes('[kind = "action"], [kind = "project"]').filter('[!assigned]').addClass('hidden');
    const hideEdgesOfHidden = () => cy.nodes('.hidden').connectedEdges().addClass('hidden');
    if (kind === 'department') {
      // A unit is here because of its role edge: without a visible one it goes too.
      cy.nodes('[kind = "action"], [kind = "project"]').forEach((n) => {
        if (!n.connectedEdges('[role = "lead"], [role = "support"]').not('.hidden').length) n.addClass('hidden');
      });
      cy.nodes('[kind = "plan"]').not('[?center]').forEach((n) => {
        if (!n.neighborhood('node').not('.hidden').length) n.addClass('hidden');
      });
    }
    hideEdgesOfHidden();
    // Departments left with no visible edge are hidden too.
    cy.nodes('[kind = "department"]').not('[?center]').forEach((n) => {
      if (!n.connectedEdges().not('.hidden').length) n.addClass('hidden');
    });
    hideEdgesOfHidden();
    run(layoutSelect.value);
  }

  function zoomBy(f) {
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
  }

  canvas.addEventListener('keydown', (e) => {
    if (!cy) return;
    const pan = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] }[e.key];
    if (pan) { e.preventDefault(); cy.panBy({ x: pan[0], y: pan[1] }); }
    else if (e.key === '+' || e.key === '=') { e.preventDefault(); zoomBy(1.25); }
    else if (e.key === '-') { e.preventDefault(); zoomBy(0.8); }
    else if (e.key === '0') { e.preventDefault(); cy.fit(undefined, 24); }
  });
  layoutSelect.addEventListener('change', () => { if (cy) run(layoutSelect.value); });
  supportToggle.addEventListener('change', () => { if (cy) applyFilters(); });
  partnerToggle.addEventListener('change', () => { if (cy) applyFilters(); });
  outlineToggle.addEventListener('change', () => { if (cy) applyFilters(); });

  return {
    title: `关系图谱：${title}`,
    after: () => {
      window.scrollTo(0, 0);
      start();
    },
    cleanup: () => { if (cy) cy.destroy(); },
  };
}

