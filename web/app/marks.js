// Who corrected a fact, when and why: the facts the API marks `basis: corrected` are matched with the
// corrections that made them (GET /corrections), by plan, unit and the department or target named.

import { api } from './api.js';

const last = (path) => (path || '').split(' > ').at(-1);

// Every department id or name and target name a correction's body speaks of.
function keysOf(body) {
  const b = body || {};
  const keys = [b.department_id, b.other_id, b.other, b.indicator, b.indicator_id];
  if (b.department && typeof b.department === 'object') keys.push(b.department.id, b.department.name);
  else keys.push(b.department);
  for (const d of b.departments || []) keys.push(d && typeof d === 'object' ? d.id : d);
  return keys.filter(Boolean);
}

export class Marks {
  constructor(corrections) {
    this.items = (corrections || []).filter((c) => !c.stale && c.kind !== 'remove-assignment');
  }

  // The newest correction of `planId` on the unit — `{path}` (null: the plan's own goals) or `{title}` —
  // that names one of `keys`.
  find(planId, where, keys) {
    const wanted = keys.filter(Boolean);
    const onUnit = (c) => ('path' in where ? (c.unit_path || null) === where.path
      : Boolean(c.unit_path) && last(c.unit_path).includes(where.title));
    return this.items.find((c) => c.plan_id === planId && onUnit(c)
      && keysOf(c.body).some((k) => wanted.includes(k))) || null;
  }

  // The correction behind a corrected fact, with its reason: the one the API names (`apiMark`:
  // {id, by, at}) in full, else the newest `find` gives, else the API's mark alone.
  explain(apiMark, planId, where, keys) {
    const named = apiMark ? this.items.find((c) => c.id === apiMark.id) : null;
    return named || this.find(planId, where, keys) || apiMark || null;
  }
}

// The corrections of one plan (or all), never failing the page that asks: without them, no marks.
export async function marksOf(plan = '') {
  try {
    const { data } = await api.corrections({ plan, stale: 'false' });
    return new Marks(data);
  } catch {
    return new Marks([]);
  }
}
