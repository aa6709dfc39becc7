// Who is writing: the API token and the person's name, asked for once per browser session and kept in
// sessionStorage (gone when the tab closes). Also the words for what a write's HTTP error means.

import { h, nextId } from './dom.js';

const TOKEN = 'policykg.token';
const NAME = 'policykg.name';

function read(key) {
  try { return window.sessionStorage.getItem(key) || ''; } catch { return ''; }
}

export const session = {
  token: () => read(TOKEN),
  name: () => read(NAME),
  ready: () => Boolean(read(TOKEN) && read(NAME)),
  save(token, name) {
    window.sessionStorage.setItem(TOKEN, token.trim());
    window.sessionStorage.setItem(NAME, name.trim());
  },
  forget() {
    window.sessionStorage.removeItem(TOKEN);
    window.sessionStorage.removeItem(NAME);
  },
};

export const HOW_TO_GET_A_TOKEN = '令牌由运行服务器的人设定：启动 policykg serve 之前设置环境变量 POLICYKG_API_TOKEN，'
  + '再把这个值告诉可以写入的人。服务器没有设定令牌时，上传和更正都会被拒绝。';

// A write's failure in words a person can act on.
export function writeError(e) {
  switch (e && e.status) {
    case 401: return '令牌不对：服务器拒绝了这个令牌。请核对后重新输入。';
    case 403: return `服务器没有开放写入。${HOW_TO_GET_A_TOKEN}`;
    case 404: return `没有找到要更正的对象：${e.message}`;
    case 409: return `服务器的存储是只读的，不能写入：${e.message}`;
    case 413: return `文件太大，服务器不接受：${e.message}`;
    case 422: return `无法读取：${e.message}`;
    case 0: return e.message;
    default: return `出错了（HTTP ${e && e.status}）：${(e && e.message) || e}`;
  }
}

// The token and name form, or — once they are given — a line saying who is writing, with a way to change.
export function credentials({ onChange } = {}) {
  const box = h('section', { class: 'credentials', 'aria-label': '写入身份' });
  const draw = () => {
    if (session.ready()) {
      box.replaceChildren(h('p', { class: 'credentials__who' },
        h('span', {}, `以“${session.name()}”的名义写入（令牌已在本次会话中保存）。`),
        h('button', { type: 'button', class: 'button button--small', onclick: () => {
          session.forget();
          draw();
          if (onChange) onChange();
          box.querySelector('input')?.focus();
        } }, '更换')));
      return;
    }
    const tokenId = nextId('token');
    const nameId = nextId('name');
    const helpId = nextId('token-help');
    const problem = h('p', { class: 'form-error', role: 'alert' });
    const form = h('form', { class: 'credentials__form', onsubmit: (e) => {
      e.preventDefault();
      const token = form.elements.token.value.trim();
      const name = form.elements.name.value.trim();
      if (!token || !name) { problem.textContent = !token ? '请填写 API 令牌。' : '请填写你的名字：每条更正都会记下是谁做的。'; return; }
      session.save(token, name);
      draw();
      if (onChange) onChange();
    } },
    h('p', { class: 'credentials__intro' }, '上传文件和更正需要 API 令牌，并留下你的名字。它们只保存在本浏览器标签页的会话中。'),
    h('div', { class: 'credentials__fields' },
      h('label', { class: 'field field--stack', for: tokenId }, 'API 令牌',
        h('input', { id: tokenId, name: 'token', type: 'password', class: 'field__input', autocomplete: 'off',
          'aria-describedby': helpId, required: true })),
      h('label', { class: 'field field--stack', for: nameId }, '你的名字',
        h('input', { id: nameId, name: 'name', type: 'text', class: 'field__input', autocomplete: 'name', required: true })),
      h('button', { type: 'submit', class: 'button button--primary' }, '保存')),
    h('p', { class: 'muted small', id: helpId }, '没有令牌？', HOW_TO_GET_A_TOKEN),
    problem);
    box.replaceChildren(form);
  };
  draw();
  return box;
}
