// The public API, and nothing else: every call is a GET returning JSON.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const cache = new Map();

function url(path, params) {
  const u = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') u.searchParams.set(k, v);
  }
  return u.pathname + u.search;
}

export async function get(path, params, { signal } = {}) {
  const key = url(path, params);
  if (cache.has(key)) return cache.get(key);
  let response;
  try {
    response = await fetch(key, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '无法连接到服务器，请确认 policykg serve 正在运行。');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const err = body && body.error;
    throw new ApiError(response.status, err ? err.code : 'http_error', err ? err.message : `HTTP ${response.status}`);
  }
  const total = response.headers.get('X-Total-Count');
  const result = { data: body, total: total === null ? null : Number(total) };
  cache.set(key, result);
  return result;
}

const data = async (path, params, opts) => (await get(path, params, opts)).data;
const seg = encodeURIComponent;

export const api = {
  health: () => data('/health'),
  plans: () => data('/plans', { limit: 1000 }),
  plan: (id) => data(`/plans/${seg(id)}`),
  departments: (params) => data('/departments', { limit: 1000, ...params }),
  leads: (id) => data(`/departments/${seg(id)}/leads`, { limit: 1000 }),
  supports: (id) => data(`/departments/${seg(id)}/supports`, { limit: 1000 }),
  indicators: (params) => data('/indicators', { limit: 1000, ...params }),
  search: (q, params, opts) => data('/search', { q, ...params }, opts),
  // Partners: the departments that share units with this one, most shared first (the department's own route).
  partners: async (dept) => (await data(`/departments/${seg(dept.id)}/partners`, { limit: 1000 })).items,
};
