// Targets: every indicator the plans set, charted by target year and plan, then one row per
// indicator on a shared time axis — from its baseline (where the document gives one) or from the
// year the plan was issued, to its target.

import { api } from '../api.js';
import { h, s } from '../dom.js';
import { baselineText, number, planColour, planShort, targetText } from '../format.js';
import { link } from '../links.js';
import { breadcrumb, empty, pageHeader, quote } from '../ui.js';

const NO_YEAR = '未注明';

function yearsOf(list) {
  return [...new Set(list.map((i) => i.target_year ?? NO_YEAR))].sort((a, b) => (a === NO_YEAR) - (b === NO_YEAR) || a - b);
}

// Stacked bars: how many targets fall due in each year, coloured by the plan that sets them.
function barChart(indicators, plans, state, onPick) {
  const years = yearsOf(indicators);
  // A narrower drawing on phones keeps the labels legible when the SVG is scaled to the screen.
  const W = window.innerWidth < 600 ? 380 : 640; const H = 260; const left = 40; const bottom = 34; const top = 16;
  const totals = years.map((y) => indicators.filter((i) => (i.target_year ?? NO_YEAR) === y).length);
  const max = Math.max(...totals, 1);
  const step = Math.pow(10, Math.floor(Math.log10(max))) * (max / Math.pow(10, Math.floor(Math.log10(max))) > 5 ? 2 : 1);
  const scale = (v) => ((H - top - bottom) * v) / (Math.ceil(max / step) * step);
  const band = (W - left - 10) / years.length;
  const barW = Math.min(90, band * 0.6);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'bar-chart', role: 'group', 'aria-labelledby': 'bar-title' });
  for (let v = 0; v <= Math.ceil(max / step) * step; v += step) {
    const y = H - bottom - scale(v);
    svg.append(s('line', { x1: left, x2: W - 10, y1: y, y2: y, class: 'grid-line' }),
      s('text', { x: left - 8, y: y + 4, class: 'axis-label', 'text-anchor': 'end' }, String(v)));
  }
  years.forEach((year, yi) => {
    const x = left + band * yi + (band - barW) / 2;
    let y = H - bottom;
    for (const plan of plans) {
      const n = indicators.filter((i) => (i.target_year ?? NO_YEAR) === year && i.plan === plan.id).length;
      if (!n) continue;
      const hgt = scale(n);
      y -= hgt;
      const picked = state.plan === plan.id && String(state.year) === String(year);
      const dim = (state.plan && state.plan !== plan.id) || (state.year && String(state.year) !== String(year));
      const label = `${year === NO_YEAR ? '未注明年份' : `${year}年`}：${plan.title} ${n} 项`;
      const seg = s('g', { class: `bar${picked ? ' bar--picked' : ''}${dim ? ' bar--dim' : ''}`, role: 'button', tabindex: '0',
        'aria-label': `${label}，点按筛选`, 'aria-pressed': String(picked) },
      s('title', {}, label),
      s('rect', { x, y, width: barW, height: Math.max(hgt - 1.5, 1), rx: 3, fill: planColour(plans, plan.id) }),
      hgt > 16 ? s('text', { x: x + barW / 2, y: y + hgt / 2 + 4, class: 'bar__n', 'text-anchor': 'middle' }, String(n)) : null);
      const pick = () => onPick(picked ? {} : { plan: plan.id, year: String(year) });
      seg.addEventListener('click', pick);
      seg.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
      svg.append(seg);
    }
    svg.append(s('text', { x: x + barW / 2, y: H - bottom + 18, class: 'axis-label axis-label--x', 'text-anchor': 'middle' },
      year === NO_YEAR ? NO_YEAR : `${year}年`),
    s('text', { x: x + barW / 2, y: H - bottom - scale(totals[yi]) - 5, class: 'bar__total', 'text-anchor': 'middle' },
      `${totals[yi]}`));
  });
  return svg;
}

function timelineRange(indicators, plans) {
  const issued = new Map(plans.map((p) => [p.id, p.issued ? Number(p.issued.slice(0, 4)) : null]));
  const years = indicators.flatMap((i) => [i.target_year, i.baseline_year, issued.get(i.plan)]).filter((y) => y);
  const lo = Math.min(...years); const hi = Math.max(...years);
  return { lo, hi: hi === lo ? lo + 1 : hi, issued };
}

const at = (range, year) => `${4 + (92 * (year - range.lo)) / (range.hi - range.lo)}%`;

function axis(range) {
  const ticks = [];
  for (let y = range.lo; y <= range.hi; y += 1) ticks.push(y);
  return h('div', { class: 'timeline__axis', 'aria-hidden': 'true' },
    h('span', {}),
    s('svg', { class: 'timeline__track', height: 22 }, ticks.map((y) => s('text', { x: at(range, y), y: 15, 'text-anchor': 'middle', class: 'axis-label' }, String(y)))));
}

function track(ind, range, colour) {
  const start = ind.baseline_year || range.issued.get(ind.plan);
  const hasBase = ind.baseline_value !== null && ind.baseline_value !== undefined && ind.baseline_year;
  const end = ind.target_year;
  const parts = [];
  for (let y = range.lo; y <= range.hi; y += 1) parts.push(s('line', { x1: at(range, y), x2: at(range, y), y1: 4, y2: 32, class: 'tick' }));
  if (start && end) {
    parts.push(s('line', { x1: at(range, start), x2: at(range, end), y1: 22, y2: 22, stroke: colour,
      class: hasBase ? 'span span--base' : 'span span--issued' }));
  }
  if (!hasBase && range.issued.get(ind.plan)) {
    parts.push(s('line', { x1: at(range, range.issued.get(ind.plan)), x2: at(range, range.issued.get(ind.plan)), y1: 16, y2: 28, class: 'issued' }));
  }
  if (hasBase && end && ind.target_value !== null && ind.target_value !== undefined && ind.baseline_value) {
    const change = ind.unit === '%'
      ? `${ind.target_value >= ind.baseline_value ? '+' : ''}${number(ind.target_value - ind.baseline_value)} 个百分点`
      : `${ind.target_value >= ind.baseline_value ? '+' : ''}${number(Math.round((100 * (ind.target_value - ind.baseline_value)) / ind.baseline_value))}%`;
    const mid = (ind.baseline_year + end) / 2;
    parts.push(s('text', { x: at(range, mid), y: 34, 'text-anchor': 'middle', class: 'dot__change' }, change));
  }
  if (hasBase) {
    parts.push(s('circle', { cx: at(range, ind.baseline_year), cy: 22, r: 5, class: 'dot dot--base', stroke: colour }),
      s('text', { x: at(range, ind.baseline_year), y: 11, 'text-anchor': 'middle', class: 'dot__label dot__label--base' },
        `${number(ind.baseline_value)}${ind.unit || ''}`));
  }
  if (end) {
    parts.push(s('circle', { cx: at(range, end), cy: 22, r: 6.5, class: 'dot dot--target', fill: colour }));
    if (ind.target_value !== null && ind.target_value !== undefined) {
      parts.push(s('text', { x: at(range, end), y: 11, 'text-anchor': 'end', dx: 4, class: 'dot__label' },
        `${number(ind.target_value)}${ind.unit || ''}`));
    }
  }
  return s('svg', { class: 'timeline__track', height: 40, 'aria-hidden': 'true' }, parts);
}

function row(ind, range, plans, focus) {
  const base = baselineText(ind);
  return h('li', { class: `timeline__row${focus === ind.id ? ' timeline__row--focus' : ''}`, id: `ind-${ind.id}`,
    dataset: { id: ind.id } },
  h('div', { class: 'timeline__text' },
    h('span', { class: 'timeline__name' }, ind.name),
    h('span', { class: 'timeline__target' }, targetText(ind)),
    base ? h('span', { class: 'timeline__base' }, `基线：${base}`) : null,
    h('details', { class: 'timeline__quote' }, h('summary', {}, '原文'),
      quote(ind.quote),
      ind.unit_id ? h('a', { href: link.plan(ind.plan, ind.unit_id) }, '查看所在任务 →') : h('a', { href: link.plan(ind.plan) }, '查看规划 →'))),
  track(ind, range, planColour(plans, ind.plan)));
}

export async function renderTargets(page, query) {
  const [indicators, plans] = await Promise.all([api.indicators(), api.plans()]);
  const state = { plan: query.get('plan') || '', year: query.get('year') || '', q: query.get('q') || '', base: query.get('base') === '1' };
  const focus = query.get('focus');
  const range = timelineRange(indicators, plans);
  const years = yearsOf(indicators);

  const chartBox = h('div', { class: 'chart-box' });
  const list = h('div', { class: 'timeline' });
  const counter = h('p', { class: 'muted', 'aria-live': 'polite' });
  const planSelect = h('select', { class: 'field__input', id: 'target-plan' },
    h('option', { value: '' }, '全部规划'), plans.map((p) => h('option', { value: p.id, selected: p.id === state.plan }, p.title)));
  const yearSelect = h('select', { class: 'field__input', id: 'target-year' },
    h('option', { value: '' }, '全部年份'), years.map((y) => h('option', { value: String(y), selected: String(y) === state.year }, y === NO_YEAR ? NO_YEAR : `${y}年`)));
  const text = h('input', { type: 'search', class: 'field__input', id: 'target-q', placeholder: '如：宽带、普及率', value: state.q });
  const baseOnly = h('input', { type: 'checkbox', checked: state.base });

  function update() {
    const q = state.q.trim().toLowerCase();
    const shown = indicators.filter((i) => (!state.plan || i.plan === state.plan)
      && (!state.year || String(i.target_year ?? NO_YEAR) === state.year)
      && (!q || `${i.name} ${i.quote}`.toLowerCase().includes(q))
      && (!state.base || (i.baseline_value !== null && i.baseline_value !== undefined)));
    chartBox.replaceChildren(barChart(indicators, plans, state, (pick) => {
      Object.assign(state, { plan: pick.plan || '', year: pick.year || '' });
      planSelect.value = state.plan; yearSelect.value = state.year;
      update();
    }));
    counter.textContent = `显示 ${shown.length} / ${indicators.length} 项指标，其中 ${shown.filter((i) => i.baseline_value !== null).length} 项有基线。`;
    const groups = plans.map((p) => ({ plan: p, items: shown.filter((i) => i.plan === p.id) })).filter((g) => g.items.length);
    list.replaceChildren(...(groups.length ? [axis(range), ...groups.map((g) => h('section', { class: 'timeline__group', 'aria-labelledby': `tg-${g.plan.id}` },
      h('h3', { id: `tg-${g.plan.id}`, class: 'timeline__plan', style: { '--accent': planColour(plans, g.plan.id) } },
        h('a', { href: link.plan(g.plan.id) }, g.plan.title), h('span', { class: 'count' }, `${g.items.length} 项`)),
      h('ol', { class: 'timeline__rows' }, g.items.map((i) => row(i, range, plans, focus)))))]
      : [empty('没有符合条件的指标。')]));
    const params = new URLSearchParams();
    if (state.plan) params.set('plan', state.plan);
    if (state.year) params.set('year', state.year);
    if (state.q) params.set('q', state.q);
    if (state.base) params.set('base', '1');
    const hash = `#/targets${params.toString() ? `?${params}` : ''}`;
    if (window.location.hash !== hash && !focus) window.history.replaceState(null, '', hash);
  }

  planSelect.addEventListener('change', () => { state.plan = planSelect.value; update(); });
  yearSelect.addEventListener('change', () => { state.year = yearSelect.value; update(); });
  text.addEventListener('input', () => { state.q = text.value; update(); });
  baseOnly.addEventListener('change', () => { state.base = baseOnly.checked; update(); });

  const withBase = indicators.filter((i) => i.baseline_value !== null).length;
  page.append(
    breadcrumb({ label: '指标' }),
    pageHeader({ kind: 'targets', eyebrow: '指标', title: '目标与指标',
      lede: `${plans.length} 份规划共设定 ${indicators.length} 项指标，其中 ${withBase} 项写明了基线。按目标年份和规划查看，点按柱形可筛选。` }),
    h('section', { class: 'section targets-top' },
      h('figure', { class: 'chart' },
        h('figcaption', { id: 'bar-title' }, '各目标年份的指标数（按规划着色）'),
        chartBox,
        h('ul', { class: 'legend legend--plans', 'aria-label': '规划图例' }, plans.map((p) => h('li', {},
          h('button', { type: 'button', class: 'legend__button', 'aria-pressed': String(state.plan === p.id), title: p.title,
            onclick: (e) => {
              state.plan = state.plan === p.id ? '' : p.id;
              planSelect.value = state.plan;
              document.querySelectorAll('.legend__button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
              e.currentTarget.setAttribute('aria-pressed', String(Boolean(state.plan)));
              update();
            } },
          h('span', { class: 'legend__swatch', style: { background: planColour(plans, p.id) }, 'aria-hidden': 'true' }),
          planShort(p.title)))))),
      h('form', { class: 'filters', role: 'search', 'aria-label': '筛选指标', onsubmit: (e) => e.preventDefault() },
        h('label', { class: 'field field--stack', for: 'target-plan' }, h('span', {}, '规划'), planSelect),
        h('label', { class: 'field field--stack', for: 'target-year' }, h('span', {}, '目标年份'), yearSelect),
        h('label', { class: 'field field--stack', for: 'target-q' }, h('span', {}, '指标名称'), text),
        h('label', { class: 'check' }, baseOnly, h('span', {}, '只看写明基线的指标')),
        h('div', { class: 'timeline-legend', 'aria-label': '时间轴图例' },
          h('span', {}, h('span', { class: 'tl-mark tl-mark--base', 'aria-hidden': 'true' }), '基线'),
          h('span', {}, h('span', { class: 'tl-mark tl-mark--target', 'aria-hidden': 'true' }), '目标'),
          h('span', {}, h('span', { class: 'tl-mark tl-mark--issued', 'aria-hidden': 'true' }), '规划发布年份')),
        counter)),
    h('section', { class: 'section', 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, '逐项指标：从基线到目标'),
      list));
  update();

  const after = focus ? () => {
    const el = document.getElementById(`ind-${focus}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      const d = el.querySelector('details');
      if (d) d.open = true;
    }
  } : null;
  return { title: '目标与指标', after, keepFocus: Boolean(focus) };
}
