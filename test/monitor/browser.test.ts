/**
 * The dashboard in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; no
 * downloaded browser): log in, see a down monitor, open it, acknowledge its incident, log out.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { setPassword } from '../../src/monitor/web/auth/auth.js';
import { startWebServer, type WebServer } from '../../src/monitor/web/server.js';
import { BASE_CONFIG, startHarness, type Harness } from './harness.js';
import { startTarget, type Target } from './target.js';

const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'browser-test-password';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium); the browser test needs Debian's Chromium`;

describe('dashboard in headless Chromium', { skip }, () => {
  let target: Target;
  let h: Harness;
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    target = await startTarget();
    h = await startHarness(`${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  targets:
    - { name: checkout, url: "${target.url}" }
    - { name: home, url: "${target.url}?home" }
`);
    await setPassword(h.service.store, PASSWORD);
    await h.run(2 * 60_000);
    target.mode = 'error';
    await h.run(3 * 60_000);
    server = await startWebServer(h.service, { host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
    await target?.close();
  });

  it('logs in, sees the down monitor, opens it, acknowledges the incident, logs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/`);
    assert.match(page.url(), /\/login$/);
    await page.fill('#password', 'wrong password!');
    await page.click('#login');
    assert.match(await page.textContent('#login-error') ?? '', /Wrong password/);
    await page.fill('#password', PASSWORD);
    await page.click('#login');
    await page.waitForSelector('body[data-loaded]');
    const [cookie] = await context.cookies();
    assert.deepEqual({ name: cookie.name, httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite }, { name: 'lr_session', httpOnly: true, secure: true, sameSite: 'Strict' });

    const down = page.locator('#monitors tr[data-state="down"]');
    assert.equal(await down.count(), 2);
    assert.match((await down.first().textContent()) ?? '', /checkout.*status < 400 \(status: 503\)/);
    assert.equal(await page.locator('#incidents tbody tr').count(), 2);

    await page.click('#monitors a:text-is("checkout")');
    await page.waitForSelector('body[data-loaded]');
    await page.waitForSelector('#incidents button.ack');
    assert.match((await page.textContent('#state')) ?? '', /down since/);
    assert.ok(await page.locator('#chart canvas').count(), 'the latency chart is drawn');
    await page.click('#incidents button.ack');
    await page.waitForSelector('#incidents td:has-text("acknowledged")');
    const [incident] = (await h.service.store.openIncidents()).filter((i) => i.monitorId === 'config:checkout');
    assert.ok(incident.acknowledgedAt !== undefined && incident.acknowledgedBy === 'admin');

    await page.click('#logout');
    await page.waitForURL(/\/login$/);
    assert.deepEqual(await context.cookies(), []);
    await page.goto(`${server.url}/monitors/config%3Acheckout`);
    assert.match(page.url(), /\/login$/, 'logged out for real');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
