// End-to-end walk through the web explorer in Debian's Chromium, driven by playwright-core.
//
//   node tests/browser/e2e.mjs --base http://127.0.0.1:8000 --out artifacts/screenshots
//
// search → department page → graph view → plan page → plan graph → targets view, then the
// department, plan and targets pages at a phone's width. Every step asserts that real content
// appeared and saves a screenshot. The run fails on any request that leaves the server (a CDN, the
// internet), any error in the page, any sideways scrolling on the phone, and any serious
// accessibility violation axe-core finds. Prints one JSON line per step and a final
// {"ok": true|false, ...} line; exit code 0 when every step passed. playwright-core and axe-core
// are resolved from web/node_modules (web/package.json).

import {
  audit, BASE, check, navigate, newContext, noSideways, ready, run, shoot, step, watch,
} from './lib.mjs';

const DEPARTMENT = '安徽省经济和信息化委员会';
const QUERY = '省经济和信息化委';

run(async (browser) => {
  const context = await newContext(browser, { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  watch(page, 'laptop');
  let planTitle = '';

  await step('home', async () => {
    await page.goto(`${BASE}/`);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: '政策知识图谱' }).waitFor();
    const plans = await page.locator('.plan-card').count();
    check(plans >= 5, `home lists ${plans} plans, expected the five bundled ones`);
    await shoot(page, '00-home');
    return { plans, a11y: await audit(page, 'home') };
  });

  await step('search', async () => {
    const box = page.getByRole('combobox', { name: '搜索部门、任务和指标' }).first();
    await box.click();
    await box.pressSequentially(QUERY, { delay: 15 });
    const option = page.getByRole('option').filter({ hasText: DEPARTMENT }).first();
    await option.waitFor();
    // Keyboard only: ArrowDown until the department is the active option, then Enter.
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((t) => t.includes(DEPARTMENT));
    check(index >= 0, `no suggestion for ${DEPARTMENT}: ${options.join(' | ')}`);
    for (let i = 0; i <= index; i += 1) await box.press('ArrowDown');
    check(await option.getAttribute('aria-selected') === 'true', 'the arrow keys did not select the department');
    check(await box.getAttribute('aria-expanded') === 'true', 'the combobox does not say it is expanded');
    await shoot(page, '01-search');
    const a11y = await audit(page, 'search suggestions');
    await navigate(page, () => box.press('Enter'));
    return { suggestions: options.length, a11y };
  });

  await step('department', async () => {
    check(/#\/department\//.test(page.url()), `search led to ${page.url()}`);
    await page.getByRole('heading', { level: 1, name: DEPARTMENT }).waitFor();
    const header = page.locator('.page-header');
    check((await header.textContent()).includes('安徽省'), 'the jurisdiction is not shown');
    check((await header.locator('.chip--alias').allTextContents()).includes('省经信委'), 'the alias 省经信委 is not shown');
    const leads = page.locator('#leads .unit-card');
    const nLeads = await leads.count();
    check(nLeads >= 10, `only ${nLeads} lead items`);
    const manufacturing = leads.filter({ hasText: '“互联网+”制造行动' }).first();
    await manufacturing.waitFor();
    const quote = await manufacturing.locator('blockquote').textContent();
    check(quote.includes('省经济和信息化委'), `the lead item's quote does not name the department: ${quote}`);
    check(await manufacturing.locator('blockquote mark').count() > 0, 'the department is not marked in its quote');
    const groups = await page.locator('#leads .plan-group').count();
    check(groups >= 2, `lead items are grouped into ${groups} plans, expected several`);
    check(await page.locator('#supports .unit-card').count() > 0, 'no support items');
    const partner = page.locator('.partner-list a').filter({ hasText: '安徽省发展和改革委员会' });
    await partner.waitFor();
    await shoot(page, '02-department', { fullPage: true, clip: { x: 0, y: 0, width: 1366, height: 1500 } });
    return { leads: nLeads, planGroups: groups, partners: await page.locator('.partner-list li').count(),
      a11y: await audit(page, 'department') };
  });

  await step('graph', async () => {
    await navigate(page, () => page.getByRole('link', { name: '查看关系图谱' }).click());
    check(/#\/graph\/department\//.test(page.url()), `the graph link led to ${page.url()}`);
    const canvas = page.locator('.graph-canvas');
    await page.waitForFunction(() => document.querySelector('.graph-canvas')?.dataset.rendered === 'true');
    const nodes = Number(await canvas.getAttribute('data-nodes'));
    const edges = Number(await canvas.getAttribute('data-edges'));
    check(nodes >= 20 && edges >= 20, `the graph has ${nodes} nodes and ${edges} edges`);
    check(await canvas.locator('canvas').count() > 0, 'cytoscape drew no canvas');
    // Something was painted: cytoscape's canvases are not blank.
    const painted = await page.waitForFunction(() => {
      let n = 0;
      for (const c of document.querySelectorAll('.graph-canvas canvas')) {
        if (!c.width || !c.height) continue;
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < data.length; i += 16) if (data[i] > 0) n += 1;
      }
      return n > 500 && n;
    }, null, { timeout: 5000 }).then((h) => h.jsonValue()).catch(() => 0);
    check(painted > 500, `the graph canvas looks blank (${painted} painted samples)`);
    await shoot(page, '03-graph-department');
    const a11y = await audit(page, 'department graph');
    // Click the node of the first plan on the canvas, as a person would, and follow the panel's link.
    const target = await page.evaluate((title) => {
      const cy = window.policykg.cy;
      const node = cy.nodes('[kind = "plan"]').filter((n) => n.data('full') === title)[0] || cy.nodes('[kind = "plan"]')[0];
      const p = node.renderedPosition();
      const box = document.querySelector('.graph-canvas').getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, title: node.data('full') };
    }, '安徽省加快推进“互联网+”行动实施方案');
    await page.mouse.click(target.x, target.y);
    const open = page.locator('.graph-panel').getByRole('link', { name: '打开规划页' });
    await open.waitFor();
    planTitle = target.title;
    await navigate(page, () => open.click());
    return { nodes, edges, painted, clicked: target.title, a11y };
  });

  await step('plan', async () => {
    check(/#\/plan\//.test(page.url()), `the panel's link led to ${page.url()}`);
    await page.getByRole('heading', { level: 1, name: planTitle }).waitFor();
    const tree = page.getByRole('list', { name: '规划纲要' });
    await tree.waitFor();
    const chapters = await tree.locator('.chapter').count();
    const units = await tree.locator('.node').count();
    check(chapters >= 2 && units >= 10, `the outline has ${chapters} chapters and ${units} units`);
    check((await page.locator('.implements').textContent()).includes('国发〔2015〕40号'), 'what the plan implements is missing');
    const action = tree.locator('.node').filter({ hasText: '“互联网+”制造行动' }).first();
    await action.locator('summary').first().click();
    const lead = action.locator('.roles .chip--lead').first();
    await lead.waitFor();
    check((await lead.textContent()) === DEPARTMENT, 'the action does not show its lead');
    await action.locator('.node').first().locator('summary').first().click();
    await action.locator('.target').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, '04-plan', { fullPage: true, clip: { x: 0, y: 0, width: 1366, height: 1900 } });
    return { chapters, units, a11y: await audit(page, 'plan') };
  });

  await step('plan graph', async () => {
    await navigate(page, () => page.getByRole('link', { name: '查看关系图谱' }).click());
    check(/#\/graph\/plan\//.test(page.url()), `the plan's graph link led to ${page.url()}`);
    await page.waitForFunction(() => document.querySelector('.graph-canvas')?.dataset.rendered === 'true');
    const nodes = Number(await page.locator('.graph-canvas').getAttribute('data-nodes'));
    check(nodes >= 20, `the plan's graph has ${nodes} nodes`);
    const depts = await page.evaluate(() => window.policykg.cy.nodes('[kind = "department"]').not('.hidden').length);
    check(depts >= 10, `the plan's graph shows ${depts} departments`);
    await page.waitForTimeout(150);
    await shoot(page, '05-graph-plan');
    return { nodes, departments: depts, a11y: await audit(page, 'plan graph') };
  });

  await step('targets', async () => {
    await navigate(page, () => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '指标' }).click());
    check(/#\/targets/.test(page.url()), `the nav led to ${page.url()}`);
    const bars = await page.locator('.bar-chart .bar').count();
    check(bars >= 4, `the chart has ${bars} bars`);
    const rows = await page.locator('.timeline__row').count();
    check(rows >= 50, `only ${rows} indicator rows`);
    const broadband = page.locator('.timeline__row').filter({ hasText: '固定宽带家庭普及率' }).first();
    check((await broadband.textContent()).includes('65%'), 'the broadband target 65% is missing');
    const withBase = await page.locator('.dot--base').count();
    check(withBase >= 5, `only ${withBase} baselines drawn`);
    await shoot(page, '06-targets', { fullPage: true, clip: { x: 0, y: 0, width: 1366, height: 1700 } });
    // Picking a bar filters the rows.
    await page.locator('.bar-chart .bar').first().click();
    const filtered = await page.locator('.timeline__row').count();
    check(filtered > 0 && filtered < rows, `picking a bar left ${filtered} of ${rows} rows`);
    return { bars, rows, baselines: withBase, filtered, a11y: await audit(page, 'targets') };
  });
  await context.close();

  const phone = await newContext(browser, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  const mobile = await phone.newPage();
  watch(mobile, 'phone');
  await step('phone', async () => {
    await mobile.goto(`${BASE}/#/department/${encodeURIComponent('dept-a35527146c925656')}`);
    await ready(mobile);
    let name = await mobile.locator('h1').textContent();
    if (!name.includes(DEPARTMENT)) {
      // Ids may change between versions: reach the department through search instead.
      await mobile.goto(`${BASE}/#/search?q=${encodeURIComponent(QUERY)}`);
      await ready(mobile);
      await navigate(mobile, () => mobile.locator('.result__title').filter({ hasText: DEPARTMENT }).first().click());
      name = await mobile.locator('h1').textContent();
    }
    check(name.includes(DEPARTMENT), `phone: department page shows ${name}`);
    await mobile.locator('#leads .unit-card').first().waitFor();
    await noSideways(mobile, 'phone department');
    await shoot(mobile, '07-phone-department');
    await audit(mobile, 'phone department');
    await navigate(mobile, () => mobile.locator('.plan-group__title a').first().click());
    await mobile.getByRole('list', { name: '规划纲要' }).waitFor();
    await noSideways(mobile, 'phone plan');
    await shoot(mobile, '08-phone-plan');
    await mobile.goto(`${BASE}/#/targets`);
    await ready(mobile);
    await mobile.locator('.timeline__row').first().waitFor();
    await noSideways(mobile, 'phone targets');
    await shoot(mobile, '09-phone-targets');
  });
  await phone.close();
});
