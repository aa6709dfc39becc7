// The reading view, uploads and corrections in Chromium, one phase per run (the Python test stops the
// server, reloads the document with the CLI and starts it again between phases):
//
//   node tests/browser/corrections.mjs --base URL --out DIR --phase read    --plan ID
//   node tests/browser/corrections.mjs --base URL --out DIR --phase upload  --file PATH --bad PATH --token T
//   node tests/browser/corrections.mjs --base URL --out DIR --phase correct --plan ID --token T
//   node tests/browser/corrections.mjs --base URL --out DIR --phase kept    --plan ID
//   node tests/browser/corrections.mjs --base URL --out DIR --phase stale   --plan ID --token T
//
// Prints one JSON line per step and a final {"ok": ..., "result": {...}} line; exit 0 when all passed.

import {
  LAPTOP, PHONE, args, audit, check, navigate, newContext, noSideways, open, run, shoot, step, watch,
} from './lib.mjs';

const NAME = '王审校';
const UNIT = '推进智慧教育';
const LEAD = '合肥市教育局';

async function laptop(browser, expected = []) {
  const context = await newContext(browser, LAPTOP);
  const page = await context.newPage();
  watch(page, 'laptop', expected);
  return page;
}

async function phone(browser) {
  const context = await newContext(browser, PHONE);
  const page = await context.newPage();
  watch(page, 'phone');
  return page;
}

// The highlights of the reading view, counted by kind, and the cues that tell lead from support.
async function highlights(page) {
  return page.evaluate(() => {
    const text = document.querySelector('.doc__text');
    const count = (kind) => text.querySelectorAll(`a.hl--${kind}`).length;
    const first = (kind) => text.querySelector(`a.hl--${kind}`);
    const style = (el) => (el ? getComputedStyle(el) : {});
    return {
      heading: count('heading'), lead: count('lead'), support: count('support'), target: count('target'),
      leadTag: first('lead')?.querySelector('.hl__tag')?.textContent, supportTag: first('support')?.querySelector('.hl__tag')?.textContent,
      leadBorder: style(first('lead')).borderTopStyle, supportBorder: style(first('support')).borderTopStyle,
      leadColour: style(first('lead')).backgroundColor, supportColour: style(first('support')).backgroundColor,
      renderMs: Number(text.dataset.renderMs),
    };
  });
}

async function credentials(scope, token, name = NAME) {
  await scope.getByLabel('API 令牌').fill(token);
  await scope.getByLabel('你的名字').fill(name);
  await scope.getByRole('button', { name: '保存', exact: true }).click();
}

// Open the corrections dialog of the unit titled `title` from the reading view.
async function dialogFor(page, title) {
  await page.getByRole('button', { name: new RegExp(`更正“${title}”`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

// A section of the dialog, opened.
async function section(dialog, title) {
  const details = dialog.locator('details', { has: dialog.page().locator('summary', { hasText: title }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

async function save(page, form, why) {
  await form.getByLabel('理由（为什么这样更正）').fill(why);
  await navigate(page, () => form.locator('button[type="submit"]').click());
}

const phases = {
  async read(browser) {
    const page = await laptop(browser);
    const plan = args.plan;
    const seen = await step('reading view', async () => {
      await open(page, `#/plan/${encodeURIComponent(plan)}/read`);
      const h = await highlights(page);
      check(h.heading >= 10 && h.lead >= 10 && h.support >= 10 && h.target >= 5, `too few highlights: ${JSON.stringify(h)}`);
      check(h.leadTag === '牵头' && h.supportTag === '配合', `lead and support are not labelled in words: ${JSON.stringify(h)}`);
      check(h.leadBorder === 'solid' && h.supportBorder === 'dashed', `lead and support do not differ in shape: ${JSON.stringify(h)}`);
      check(h.leadColour !== h.supportColour, 'lead and support have the same colour');
      check(h.renderMs < 1000, `the text took ${h.renderMs} ms to build`);
      await page.locator('.doc__text a.hl--lead').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -120));
      await shoot(page, '10-reading');
      return { ...h, a11y: await audit(page, 'reading view') };
    });
    await step('a lead opens its department', async () => {
      const lead = page.locator('.doc__text a.hl--lead').first();
      const title = await lead.getAttribute('title');
      const name = title.replace(/^牵头：/, '').replace(/（.*$/, '').replace(/；.*$/, '');
      await navigate(page, () => lead.click());
      check(/#\/department\//.test(page.url()), `the lead led to ${page.url()}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await navigate(page, () => page.goBack());
      const heading = page.locator('.doc__text a.hl--heading').nth(2);
      const unit = await heading.getAttribute('data-unit');
      await navigate(page, () => heading.click());
      check(page.url().includes(`unit=${unit}`), `the heading led to ${page.url()}`);
      await page.locator(`#unit-${unit}.node--focus`).waitFor();
      return { department: name, unit };
    });
    const mobile = await phone(browser);
    await step('phone reading view', async () => {
      await open(mobile, `#/plan/${encodeURIComponent(plan)}/read`);
      await noSideways(mobile, 'phone reading view');
      const [doc, aside] = await Promise.all(['.doc__text', '.warnings'].map((s) => mobile.locator(s).boundingBox()));
      check(aside.y > doc.y + doc.height - 1, 'on a phone the warnings are not below the text');
      await mobile.locator('.doc__text a.hl--lead').first().scrollIntoViewIfNeeded();
      await mobile.evaluate(() => window.scrollBy(0, -200));
      await shoot(mobile, '12-phone-reading');  // the laptop's audit covered this page's markup
      return {};
    });
    return { headings: seen.heading };
  },

  async upload(browser) {
    const page = await laptop(browser, [401, 422]);
    await step('upload without a token', async () => {
      await open(page, '#/upload');
      const text = await page.locator('main').textContent();
      check(text.includes('POLICYKG_API_TOKEN'), 'the upload page does not say how to get a token');
      check(await page.locator('input[type="file"]').isDisabled(), 'files can be chosen without a token');
      return { a11y: await audit(page, 'upload') };
    });
    await step('a wrong token is refused in words', async () => {
      await credentials(page, 'not-the-token');
      await page.locator('input[type="file"]').setInputFiles(args.file);
      const item = page.locator('.upload-item[data-state="error"]');
      await item.waitFor();
      const said = await item.textContent();
      check(said.includes('令牌不对'), `the 401 was shown as: ${said}`);
      return { said };
    });
    await step('an unreadable file is refused in words', async () => {
      await credentials(page, args.token);  // the refused token was forgotten: the form asks again
      await page.locator('input[type="file"]').setInputFiles(args.bad);
      const item = page.locator('.upload-item[data-state="error"]').nth(1);
      await item.waitFor();
      const said = await item.textContent();
      check(said.includes('无法读取'), `the 422 was shown as: ${said}`);
      await page.locator('input[type="file"]').setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from('png') });
      const refused = await page.locator('.upload-item[data-state="error"]').nth(2).textContent();
      check(refused.includes('不能读取这种文件'), `a .png was shown as: ${refused}`);
      await shoot(page, '14-upload', { fullPage: true });
      return { said, refused };
    });
    return step('upload and land on the reading view', async () => {
      await navigate(page, () => page.locator('input[type="file"]').setInputFiles(args.file));
      const m = page.url().match(/#\/plan\/([^/]+)\/read/);
      check(m, `the upload led to ${page.url()}`);
      const h = await highlights(page);
      check(h.heading >= 3 && h.lead >= 3 && h.support >= 3 && h.target >= 2, `the new plan's highlights: ${JSON.stringify(h)}`);
      const warnings = page.locator('.warning-list a');
      if (await warnings.count()) {
        await warnings.first().click();
        check(await page.evaluate(() => Boolean(document.activeElement.closest('.doc__text'))),
          'the warning link did not take focus to its place in the text');
      }
      return { plan: decodeURIComponent(m[1]), warnings: await warnings.count() };
    });
  },

  async correct(browser) {
    const page = await laptop(browser);
    const plan = encodeURIComponent(args.plan);
    const department = await step('the department before', async () => {
      await open(page, `#/plan/${plan}/read`);
      const lead = page.locator('.doc__text a.hl--lead', { hasText: '市教育局' }).first();
      const href = await lead.getAttribute('href');
      await open(page, href);
      await page.getByRole('heading', { level: 1, name: LEAD }).waitFor();
      check(await page.locator('#leads .unit-card', { hasText: UNIT }).count() === 1, `${LEAD} does not lead ${UNIT}`);
      return { href };
    });
    await step('lead → support', async () => {
      await open(page, `#/plan/${plan}/read`);
      const dialog = await dialogFor(page, UNIT);
      const a11y = await audit(page, 'corrections dialog');
      await credentials(dialog, args.token);
      const row = dialog.locator('.assignment', { hasText: LEAD });
      await row.getByRole('button', { name: '改为配合' }).click();
      await save(page, row.locator('form'), '原文写明由市教育局牵头，测试把它改为配合');
      const now = page.locator('.doc__text a.hl--support.hl--corrected', { hasText: '市教育局' });
      await now.waitFor();
      check((await now.getAttribute('title')).includes(`${NAME} 于`), 'the corrected support does not say who corrected it');
      check((await now.locator('.hl__tag').textContent()).includes('已更正'), 'the corrected support has no label saying so');
      return { a11y };
    });
    await step('add a support found by search', async () => {
      const dialog = await dialogFor(page, UNIT);
      check((await dialog.textContent()).includes(`以“${NAME}”的名义写入`), 'the session forgot the name');
      const note = await dialog.locator('.assignment', { hasText: LEAD }).locator('.basis-note--corrected').textContent();
      check(note.includes(`${NAME} 于`), `the dialog says of the corrected role: ${note}`);
      const add = await section(dialog, '补充漏读的单位');
      await add.getByLabel('配合', { exact: true }).check();
      await add.getByLabel(/部门（/).fill('财政局');
      await add.getByRole('button', { name: /合肥市财政局/ }).click();
      await save(page, add.locator('form'), '原文附件写明市财政局配合');
      return {};
    });
    await step('fix a target from the plan page', async () => {
      const unit = await page.locator('.doc__text a.hl--heading', { hasText: '建设城市数据中心' }).getAttribute('data-unit');
      await open(page, `#/plan/${plan}?unit=${unit}`);
      const dialog = await dialogFor(page, '建设城市数据中心');
      await section(dialog, '更正指标');
      const form = dialog.getByRole('form', { name: /更正指标/ });
      await form.getByLabel('目标值').fill('12');
      await save(page, form, '正式文本为12个');
      const target = page.locator(`#unit-${unit} .target--corrected`);
      await target.waitFor();
      const shown = await target.textContent();
      check(shown.includes('12个') && shown.includes('已更正'), `the fixed target shows ${shown}`);
      check((await target.locator('.corrected-mark').getAttribute('title')).includes('正式文本为12个'), 'no reason on the fixed target');
      await open(page, `#/plan/${plan}/read`);
      check(await page.locator('.doc__text a.hl--target.hl--corrected').count() === 1, 'the fixed target is not marked in the text');
      return {};
    });
    return step('the department page changed', async () => {
      await open(page, department.href);
      check(await page.locator('#leads .unit-card', { hasText: UNIT }).count() === 0, `${LEAD} still leads ${UNIT}`);
      const card = page.locator('#supports .unit-card', { hasText: UNIT });
      await card.waitFor();
      const basis = await card.locator('.basis--corrected').textContent();
      check(basis.includes('经人工更正') && basis.includes(NAME), `the support's basis reads ${basis}`);
      await open(page, `#/plan/${plan}?unit=`);
      check(await page.locator('.chip--corrected').count() >= 2, 'the plan page does not mark the corrected roles');
      return { basis, a11y: await audit(page, 'plan with corrections') };
    });
  },

  async kept(browser) {
    const page = await laptop(browser);
    return step('the corrections outlived the reload', async () => {
      await open(page, '#/corrections');
      const cards = page.locator('.correction');
      check(await cards.count() === 3, `the list shows ${await cards.count()} corrections, expected 3`);
      check(await page.locator('.correction--stale').count() === 0, 'a correction is stale after a reload of the same text');
      await open(page, `#/plan/${encodeURIComponent(args.plan)}/read`);
      await page.locator('.doc__text a.hl--support.hl--corrected', { hasText: '市教育局' }).waitFor();
      const href = await page.locator('.doc__text a.hl--support', { hasText: '市教育局' }).first().getAttribute('href');
      await open(page, href);
      await page.locator('#supports .unit-card', { hasText: UNIT }).locator('.basis--corrected').waitFor();
      return {};
    });
  },

  async stale(browser) {
    const page = await laptop(browser);
    await step('stale corrections are listed with their reason', async () => {
      await open(page, '#/corrections');
      const stale = page.locator('.correction--stale');
      check(await stale.count() === 2, `${await stale.count()} stale corrections, expected the 2 on the removed unit`);
      const reason = await stale.first().locator('.correction__stale').textContent();
      check(reason.length > 6, `no reason given: ${reason}`);
      check(await page.locator('.correction:not(.correction--stale)').count() === 1, 'the target fix should still apply');
      await shoot(page, '11-corrections', { fullPage: true });
      const a11y = await audit(page, 'corrections');
      await navigate(page, () => page.getByLabel('只看失效的').check());
      check(await page.locator('.correction').count() === 2 && await stale.count() === 2, 'the stale filter shows others');
      return { reason, a11y };
    });
    const mobile = await phone(browser);
    await step('phone corrections list', async () => {
      await open(mobile, '#/corrections');
      await noSideways(mobile, 'phone corrections');
      await mobile.locator('#corrections-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shoot(mobile, '13-phone-corrections');
      return { a11y: await audit(mobile, 'phone corrections') };
    });
    return step('delete a correction with the token', async () => {
      await page.locator('summary', { hasText: '删除更正需要 API 令牌' }).click();
      await credentials(page, args.token);
      page.once('dialog', (d) => d.accept());
      await navigate(page, () => page.locator('.correction--stale').first().getByRole('button', { name: /删除这条更正/ }).click());
      check(await page.locator('.correction').count() === 1, 'the deleted correction is still listed');
      return {};
    });
  },
};

const phase = phases[args.phase];
if (!phase) {
  console.error(`--phase must be one of ${Object.keys(phases).join(', ')}`);
  process.exit(2);
}
run(phase);
