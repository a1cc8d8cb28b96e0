// End to end: the demo portal in Debian's Chromium (playwright-core), with the real SDK, the
// real proxy and a real HTTP server on 127.0.0.1 holding the remote file.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/wtr/chromium.js';

// Screenshots of every run go to test-results/; CONTACTSYNC_SCREENSHOTS=docs/screenshots
// refreshes the ones the README shows.
const SHOTS = process.env.CONTACTSYNC_SCREENSHOTS ?? 'test-results/screenshots';
const LOCAL_CSV =
  'Email,First Name,Last Name,Shoe size,Member id\n' +
  'ann@example.com,Ann,Lee,38,M-1\nbob@example.com,Bob,Stone,44,M-2\ncara@example.com,Cara,Ozola,39,M-3\n';
const REMOTE_CSV = 'email,name,company\ndan@example.org,Dan,Globex\neve@example.org,Eve,Initech\n';

let files;
let portal;
let browser;
let base;

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
}

before(async () => {
  files = createServer((req, res) => {
    if (req.url !== '/exports/contacts.csv') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(REMOTE_CSV);
  });
  const filePort = await listen(files);
  portal = spawn(process.execPath, ['demo/server.mjs'], {
    env: {
      ...process.env,
      PORT: '0',
      CONTACTSYNC_PROXY_ALLOW_PRIVATE: '127.0.0.1/32',
      CONTACTSYNC_SERVER_DATABASE: join(mkdtempSync(join(tmpdir(), 'contactsync-demo-')), 'c.db'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise((resolve, reject) => {
    portal.once('exit', (code) => reject(new Error(`The demo server exited (${code}).`)));
    portal.stdout.on('data', (chunk) => {
      const url = /portal: (http:\/\/\S+)/.exec(String(chunk))?.[1];
      if (url) resolve(url);
    });
  });
  files.remoteUrl = `127.0.0.1:${filePort}/exports/contacts.csv`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  portal?.kill();
  files?.close();
});

async function next(page, heading) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/** The wizard's file input, given the members file (the OS dialog is outside the page). */
function chooseMembersFile(wizard) {
  return wizard.locator('input[type=file]').setInputFiles({
    name: 'members.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(LOCAL_CSV),
  });
}

/** From the source step through options and preview to the mapping. */
async function toMapping(page) {
  await next(page, 'How is the file written?');
  await next(page, 'Does this look right?');
  await next(page, 'Which column goes where?');
}

test('the demo portal: local import with a custom field and key, unchanged re-import, remote import, schedule, history, phone sync, compose', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // The portal is served with a strict policy (no inline styles, Trusted Types enforced): every
  // element must work under it, so any violation the browser reports is a failure.
  page.on('console', (message) => {
    if (/Content.Security.Policy|Trusted ?Type/i.test(message.text()))
      problems.push(message.text());
  });
  const response = await page.goto(base);
  assert.match(
    response.headers()['content-security-policy'],
    /style-src 'self';.*require-trusted-types-for 'script'/,
  );
  const wizard = page.locator('cs-import-wizard');
  const grid = page.locator('cs-history-grid');
  await wizard.getByRole('heading', { name: 'Where is the file?' }).waitFor();

  // 1. A local file, with a new custom field and the member id as the unique key.
  await chooseMembersFile(wizard);
  await toMapping(page);
  await page
    .getByLabel('Contact field for column "Shoe size"')
    .selectOption({ label: 'New field…' });
  await page.getByLabel('Name of the new field').fill('Shoe size');
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByLabel('Use "Member id" as the unique key').check();
  await page.screenshot({ path: `${SHOTS}/wizard-mapping.png` });
  await next(page, 'What will change');
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('heading', { name: 'Finished' }).waitFor();
  assert.match(await wizard.locator('[part=result]').innerText(), /Succeeded/);
  await page.getByRole('button', { name: 'Close' }).click();
  await grid.getByRole('rowheader', { name: 'members.csv' }).waitFor();

  // The contact list shows the custom field.
  await page
    .locator('cs-contact-list')
    .getByRole('option', { name: /Ann Lee/ })
    .click();
  assert.match(await page.locator('cs-contact-list [part=details]').innerText(), /Shoe size\s+38/);

  // 2. The same file again, through Edit: the review and the result say "unchanged".
  await grid.getByRole('button', { name: 'Edit: members.csv' }).click();
  await wizard.getByText('Edit "members.csv"').waitFor();
  await chooseMembersFile(wizard);
  await toMapping(page);
  await next(page, 'What will change');
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('heading', { name: 'Finished' }).waitFor();
  assert.match(await wizard.locator('[part=result]').innerText(), /File unchanged/);
  await page.getByRole('button', { name: 'Close' }).click();

  // 3. A file on an HTTP server, through the real proxy, then a schedule.
  await wizard.getByLabel('A file on a server').check();
  await wizard.getByLabel('Protocol').selectOption('http');
  await wizard.getByLabel('File location').fill(files.remoteUrl);
  await wizard.getByLabel('Name of this import').fill('Partner directory');
  await toMapping(page);
  await next(page, 'What will change');
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.getByRole('heading', { name: 'Schedule' }).waitFor();
  await wizard.getByLabel('Repeat').selectOption('weekdays');
  await wizard.getByLabel('Time', { exact: true }).fill('06:30');
  await page.screenshot({ path: `${SHOTS}/wizard-schedule.png` });
  await page.getByRole('button', { name: 'Finish' }).click();
  await wizard.getByText('The import is scheduled.').waitFor();
  await page.getByRole('button', { name: 'Close' }).click();

  // Import now from the history grid pulls the file through the proxy.
  await grid.getByRole('button', { name: 'Go: Partner directory' }).click();
  const remoteRow = grid.getByRole('row', { name: /Partner directory/ });
  await remoteRow.getByText('Succeeded').waitFor();
  assert.doesNotMatch(await remoteRow.innerText(), /Not scheduled/);
  const localRow = grid.getByRole('row', { name: /members\.csv/ });
  assert.match(await localRow.innerText(), /File unchanged/);
  await page.locator('cs-contact-list').getByText('5 contacts').waitFor();

  // 4. The phone: the only-new preview imported by hand, then Auto export (no clicks), and a
  // deletion on the web that sticks.
  const device = page.locator('cs-device-sync');
  await device.getByText('Plumber').waitFor();
  await device.getByRole('button', { name: 'Import 3 contacts' }).click();
  await device.getByText('There are no new contacts on the phone.').waitFor();
  await device.getByRole('switch', { name: 'Auto export' }).click();
  await device.getByText('Synced automatically: everything was up to date.').waitFor();

  // Compose: only contacts with an email address are offered.
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill('ie');
  await page.getByRole('option', { name: /Ieva/ }).waitFor();
  await to.press('ArrowDown');
  await to.press('Enter');
  // The plumber, synced from the phone with only a number, is never offered.
  await to.fill('plumb');
  await page
    .locator('cs-recipient-picker')
    .getByText('No contact with an email address matches.')
    .waitFor();

  const list = page.locator('cs-contact-list');
  await list.getByRole('button', { name: 'From iOS' }).click();
  await list.getByRole('option', { name: /Plumber/ }).click();
  await list.getByRole('button', { name: 'Delete contact' }).click();
  await list.locator('dialog').getByRole('button', { name: 'Delete contact' }).click();
  await list.getByText('2 contacts').waitFor();
  // The deleted plumber is listed under "Deleted", where it could be restored.
  await list.getByRole('button', { name: 'Deleted', exact: true }).click();
  await list.getByRole('button', { name: 'Restore Plumber' }).waitFor();
  await list.screenshot({ path: `${SHOTS}/deleted.png` });
  await list.getByRole('button', { name: 'From iOS' }).click();
  await list.getByText('2 contacts').waitFor();
  await page.getByRole('button', { name: 'Add a contact on the phone' }).click();
  await page.getByLabel('Name of contact 4').fill('Dora Phone');
  await page.getByLabel('Email of contact 4').fill('dora@example.com');
  await page.getByLabel('Email of contact 4').press('Tab');
  // The app is used again: Dora comes in by herself; the plumber deleted here does not.
  // (Each edit on the phone is a use of the app: the name and then the email sync.)
  await list.getByRole('option', { name: /Dora Phone.*dora@example\.com/ }).waitFor();
  await list.getByText('3 contacts').waitFor();
  assert.match(await device.locator('.notice').innerText(), /^Synced automatically: /);
  assert.equal(await list.getByRole('option', { name: /Plumber/ }).count(), 0);
  await page.locator('#phone').screenshot({ path: `${SHOTS}/phone.png` });

  await page.locator('#history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/portal.png`, fullPage: true });
  // The portal's language switch reaches every element.
  await page.locator('#language').selectOption('lv');
  await wizard.getByRole('heading', { name: 'Kur ir fails?' }).waitFor();
  await grid.getByText('Sinhronizācijas vēsture').waitFor();
  await page.locator('cs-device-sync').getByText('Automātiskā eksportēšana').waitFor();
  await page.locator('#language').selectOption('en');
  await page.locator('#theme').selectOption('dark');
  await page.screenshot({ path: `${SHOTS}/portal-dark.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test('a second browser (its own profile) shows the same portal: contacts, history, imports', async () => {
  // Each context has its own IndexedDB: only the contact server connects the two.
  const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await second.newPage();
  await page.goto(base);
  await page
    .locator('cs-contact-list')
    .getByRole('option', { name: /Ann Lee/ })
    .waitFor();
  await page.locator('cs-history-grid').getByRole('rowheader', { name: 'members.csv' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/second-browser.png` });
  await second.close();
});
