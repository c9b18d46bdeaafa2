// scratch: screenshots of screens against a kept-running system
import { launchBrowser, signIn } from './browser';
import { consoleUnderTest } from './console-under-test';
const [user, ...paths] = process.argv.slice(2);
const system = await consoleUnderTest();
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
await signIn(page, system.url, user!, system.password(user!));
for (const p of paths) {
  await page.goto(`${system.url}${p}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  const name = p.replace(/[^\w]+/g, '_');
  await page.screenshot({ path: `/tmp/i2shots/${user}${name}.png`, fullPage: true });
  console.log(name, (await page.locator('main').innerText()).slice(0, 400).replace(/\n+/g, ' | '));
}
await browser.close();
