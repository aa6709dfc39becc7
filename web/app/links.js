// Where things live in the explorer: hash routes, so no page ever collides with an API path.

const enc = encodeURIComponent;

function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

export const link = {
  home: () => '#/',
  search: (q) => withQuery('#/search', { q }),
  department: (id) => `#/department/${enc(id)}`,
  plan: (id, unit) => withQuery(`#/plan/${enc(id)}`, { unit }),
  read: (id, unit) => withQuery(`#/plan/${enc(id)}/read`, { unit }),
  upload: () => '#/upload',
  corrections: (params) => withQuery('#/corrections', params),
  graph: (kind, id) => `#/graph/${kind}/${enc(id)}`,
  targets: (params) => withQuery('#/targets', params),
};

// The page a search hit opens.
export function hitHref(hit) {
  switch (hit.type) {
    case 'department': return link.department(hit.id);
    case 'plan': return link.plan(hit.id);
    case 'indicator': return link.targets({ plan: hit.plan && hit.plan.id, focus: hit.id });
    default: return hit.plan ? link.plan(hit.plan.id, hit.id) : link.search(hit.title);
  }
}

export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(qs || '') };
}
