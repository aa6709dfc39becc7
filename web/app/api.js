// The public API, and nothing else. Reads are GETs returning JSON, cached until the next write;
// writes (an upload, a correction) carry the session's bearer token and clear that cache.

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

const NETWORK = '无法连接到服务器，请确认 policykg serve 正在运行。';

function errorOf(status, body) {
  const err = body && body.error;
  return new ApiError(status, err ? err.code : 'http_error', err ? err.message : `HTTP ${status}`);
}

export async function get(path, params, { signal } = {}) {
  const key = url(path, params);
  if (cache.has(key)) return cache.get(key);
  let response;
  try {
    response = await fetch(key, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', NETWORK);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw errorOf(response.status, body);
  const total = response.headers.get('X-Total-Count');
  const result = { data: body, total: total === null ? null : Number(total) };
  cache.set(key, result);
  return result;
}

// Every write changes what the reads answer: forget them all.
export function forget() {
  cache.clear();
}

async function send(method, path, { token, json } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  } catch {
    throw new ApiError(0, 'network', NETWORK);
  }
  forget();
  let body = null;
  try {
    body = response.status === 204 ? null : await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw errorOf(response.status, body);
  return body;
}

// POST /documents through XMLHttpRequest, the one browser API that reports upload progress:
// onProgress(fraction) while the bytes go up, onProgress(null) once the server is reading them.
export function upload(file, { token, onProgress }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => { if (onProgress && e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => { if (onProgress) onProgress(null); };
    xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK));
    xhr.onload = () => {
      forget();
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
      else reject(errorOf(xhr.status, xhr.response));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const data = async (path, params, opts) => (await get(path, params, opts)).data;
const seg = encodeURIComponent;

export const api = {
  health: () => data('/health'),
  plans: () => data('/plans', { limit: 1000 }),
  plan: (id) => data(`/plans/${seg(id)}`),
  source: (id) => data(`/plans/${seg(id)}/source`),
  departments: (params) => data('/departments', { limit: 1000, ...params }),
  findDepartments: (q, opts) => data('/departments', { q, limit: 20 }, opts),
  leads: (id) => data(`/departments/${seg(id)}/leads`, { limit: 1000 }),
  supports: (id) => data(`/departments/${seg(id)}/supports`, { limit: 1000 }),
  indicators: (params) => data('/indicators', { limit: 1000, ...params }),
  search: (q, params, opts) => data('/search', { q, ...params }, opts),
  // Partners: the departments that share units with this one, most shared first (the department's own route).
  partners: async (dept) => (await data(`/departments/${seg(dept.id)}/partners`, { limit: 1000 })).items,
  corrections: (params) => get('/corrections', { limit: 1000, ...params }),
  correct: (body, token) => send('POST', '/corrections', { token, json: body }),
  deleteCorrection: (id, token) => send('DELETE', `/corrections/${seg(id)}`, { token }),
};
