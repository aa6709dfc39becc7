// Upload: drop or choose documents (any format the CLI reads); with the session's token each goes to
// POST /documents with a progress state; one document loaded opens its reading view.

import { upload } from '../api.js';
import { h, nextId } from '../dom.js';
import { link } from '../links.js';
import { credentials, HOW_TO_GET_A_TOKEN, session, writeError } from '../session.js';
import { breadcrumb, pageHeader } from '../ui.js';

export const ACCEPT = ['.txt', '.html', '.htm', '.pdf', '.docx', '.doc', '.wps', '.xlsx', '.xls'];

const accepted = (file) => ACCEPT.some((ext) => file.name.toLowerCase().endsWith(ext));

function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function renderUpload(page) {
  const inputId = nextId('files');
  const queue = h('ol', { class: 'upload-list', 'aria-label': '上传的文件', 'aria-live': 'polite' });
  const input = h('input', { id: inputId, type: 'file', multiple: true, accept: ACCEPT.join(','), class: 'visually-hidden',
    onchange: () => { send([...input.files]); input.value = ''; } });
  const gate = h('p', { class: 'notice upload__gate', role: 'note' });
  const zone = h('div', { class: 'dropzone' },
    input,
    h('p', { class: 'dropzone__title' }, '把文件拖到这里'),
    h('p', { class: 'muted' }, '或'),
    h('label', { class: 'button button--primary', for: inputId }, '选择文件'),
    h('p', { class: 'muted small' }, `可读的格式：${ACCEPT.join(' ')}（.doc/.wps 需服务器装有 LibreOffice）。同一份文件再次上传会替换旧的版本，已有的更正会重新套用。`));

  const refresh = () => {
    const ready = session.ready();
    zone.classList.toggle('dropzone--off', !ready);
    input.disabled = !ready;
    gate.hidden = ready;
    gate.textContent = `请先在上面填写 API 令牌和你的名字，才能上传。${HOW_TO_GET_A_TOKEN}`;
  };

  async function sendOne(file) {
    const bar = h('progress', { max: '1', value: '0', 'aria-label': `${file.name} 上传进度` });
    const state = h('span', { class: 'upload-item__state' }, '正在上传……');
    const item = h('li', { class: 'upload-item', dataset: { state: 'sending' } },
      h('span', { class: 'upload-item__name' }, file.name, h('span', { class: 'muted small' }, ` ${sizeText(file.size)}`)),
      bar, state);
    queue.append(item);
    if (!accepted(file)) {
      item.dataset.state = 'error';
      bar.remove();
      state.textContent = `不能读取这种文件：可读的格式是 ${ACCEPT.join(' ')}。`;
      return null;
    }
    try {
      const loaded = await upload(file, { token: session.token(), onProgress: (f) => {
        if (f === null) {
          bar.removeAttribute('value');  // indeterminate: the server is reading the document
          state.textContent = '已上传，服务器正在读取文件……';
          item.dataset.state = 'reading';
        } else {
          bar.value = f;
          state.textContent = `正在上传…… ${Math.round(f * 100)}%`;
        }
      } });
      item.dataset.state = 'done';
      bar.remove();
      state.replaceChildren(`已载入：读出 ${loaded.units} 项任务、${loaded.leads} 处牵头、${loaded.supports} 处配合、${loaded.indicators} 项指标。`,
        h('a', { href: link.read(loaded.plan.id) }, `阅读《${loaded.plan.title}》`));
      return loaded;
    } catch (e) {
      item.dataset.state = 'error';
      bar.remove();
      state.textContent = writeError(e);
      if (e.status === 401) { session.forget(); creds.replaceWith(creds = credentials({ onChange: refresh })); refresh(); }
      return null;
    }
  }

  async function send(files) {
    if (!files.length) return;
    if (!session.ready()) { refresh(); gate.focus(); return; }
    const done = [];
    for (const file of files) done.push(await sendOne(file));
    const loaded = done.filter(Boolean);
    if (files.length === 1 && loaded.length === 1) window.location.hash = link.read(loaded[0].plan.id);
  }

  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dropzone--over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropzone--over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dropzone--over');
    send([...(e.dataTransfer ? e.dataTransfer.files : [])]);
  });

  let creds = credentials({ onChange: refresh });
  gate.setAttribute('tabindex', '-1');
  page.append(
    breadcrumb({ label: '上传文件' }),
    pageHeader({ title: '上传文件', lede: '把政策文件载入图谱：读取完成后打开它的原文阅读页，可以逐条核对并更正。' }),
    h('div', { class: 'upload' }, creds, gate, zone, queue));
  refresh();
  return { title: '上传文件' };
}
