// Chinese labels and formatting shared by the views.

export const TYPE_LABEL = { plan: '规划', action: '行动', project: '项目', department: '部门', indicator: '指标' };

export const KIND_LABEL = {
  department: '政府部门', government: '人民政府', group: '部门群组', 'central-branch': '中央驻地机构',
  enterprise: '企业',
};

export const BASIS_LABEL = {
  stated: '原文写明牵头', rule: '按文件规则：列第一位的为牵头', 'first-listed': '原文未写明，取列于首位的单位',
  corrected: '经人工更正',
};

export const CORRECTION_KIND = {
  'remove-assignment': '删除牵头/配合', 'add-assignment': '补充牵头/配合', 'change-role': '牵头 ↔ 配合',
  'same-body': '两个名称是同一机构', 'split-name': '一个名称是多个机构', 'fix-target': '更正指标',
};

export const ROLE_LABEL = { leads: '牵头', supports: '配合' };

// “2026年12月2日 08:05” in China's time, from an ISO timestamp.
export function timeText(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false });
}

// “张三 于 2026年12月2日 08:05 更正” from a fact's correction mark {id, by, at}.
export function correctedText(mark) {
  if (!mark) return '经人工更正';
  return `${mark.by || '有人'}${mark.at ? ` 于 ${timeText(mark.at)}` : ''} 更正`;
}

const COMPARATOR = { '=': '达到', '>=': '不低于', '>': '超过', '<=': '不高于', '<': '低于', '~': '约' };

export function number(v) {
  if (v === null || v === undefined) return '';
  return Number.isInteger(v) ? v.toLocaleString('zh-CN') : String(+v.toFixed(4));
}

export function withUnit(v, unit) {
  return `${number(v)}${unit || ''}`;
}

// “达到 65%（2020年）”, or “定性目标（2020年）” when the target has no number.
export function targetText(ind) {
  const year = ind.target_year ? `（${ind.target_year}年）` : '';
  if (ind.target_value === null || ind.target_value === undefined) return `定性目标${year}`;
  return `${COMPARATOR[ind.comparator] || ''}${withUnit(ind.target_value, ind.unit)}${year}`;
}

export function baselineText(ind) {
  if (ind.baseline_value === null || ind.baseline_value === undefined) return '';
  const year = ind.baseline_year ? `${ind.baseline_year}年` : '基期';
  return `${year}为 ${withUnit(ind.baseline_value, ind.unit)}`;
}

export function dateText(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return d ? `${y}年${m}月${d}日` : iso;
}

export function short(text, n) {
  if (!text) return '';
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

// Plan colours: calm, distinguishable, stable by the plan's position in the list.
export const PLAN_COLOURS = ['#0f6b63', '#b7712a', '#4f5bd5', '#a23e62', '#4d7c2a', '#6b5b95', '#2f7fa8', '#8a6d1f'];

export function planColour(plans, id) {
  const i = plans.findIndex((p) => p.id === id);
  return PLAN_COLOURS[(i < 0 ? 0 : i) % PLAN_COLOURS.length];
}

// A short name for a plan, for legends: drop the issuing government's long preamble.
export function planShort(title) {
  if (!title) return '';
  const t = title.replace(/^.*?人民政府关于/, '').replace(/的实施意见$/, '实施意见');
  return short(t, 18);
}
