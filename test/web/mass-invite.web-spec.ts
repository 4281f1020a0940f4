import { repoRoot } from '@gatehouse/processes';
import fs from 'node:fs';
import path from 'node:path';
import { Locator } from 'playwright-core';
import { FLOW_TIMEOUT_MS, eventually, expectNoSeriousA11yViolations, saveScreenshot, visible } from './support/browser';
import { Person } from './support/person';
import { WebApp } from './support/web-app';

/**
 * A Hub admin's mass invite in a real browser (SCREENS.md "Mass invite"): a messy CSV is uploaded,
 * previewed (the dry run), sent; the progress bar runs to the end; the result shows the counts with the
 * bad rows first, and the report downloads as a CSV. The fixture's every row has a known outcome:
 */
const FIXTURE = path.join(repoRoot(), 'test/fixtures/csv/browser-mass-invite.csv');
const FILE_NAME = path.basename(FIXTURE);
/** Rows holding something (blank lines and blank first cells are skipped, not counted). */
const TOTAL_ROWS = 11;
const EXPECTED = { invited: 4, added: 1, alreadyMember: 1, alreadyInvited: 1, duplicates: 1, invalid: 3, skipped: 2 };
const INVITED = ['kim.new@guest.example', 'lee.new@guest.example', 'mo.new@guest.example', 'zoe.new@guest.example'];
const BAD_ROWS = [
  { line: 9, value: 'not-an-email' },
  { line: 10, value: 'peggy@@guest.example' },
  { line: 12, value: '=HYPERLINK' },
];
/** The whole job, on a loaded 2-core machine: a deadline, not a speed test. */
const JOB_TIMEOUT_MS = 60_000;

jest.setTimeout(FLOW_TIMEOUT_MS);

describe('mass invite from a CSV (browser)', () => {
  const app = new WebApp('web-mass-invite');
  let admin: Person;

  beforeAll(async () => {
    await app.start();
    await app.createAccount('mass.registered@guest.example', 'Mass Registered');
    admin = await app.person();
    await admin.signIn(app.accounts.hubAdmin);
    await admin.openHub(app.demoHubName, app.hubId);
  }, 240_000);
  afterAll(() => app.stop());

  it('previews a messy file, sends it, watches it finish, sees the bad rows and downloads the report', async () => {
    const { page } = admin;
    const panel = await admin.openInvite('Mass invite');
    await visible(panel.getByText(/Drop a CSV file here or choose one/));
    await visible(panel.getByText(/For two user types, upload two files/));
    await expectNoSeriousA11yViolations(page, 'mass invite tab');
    await saveScreenshot(page, 'invite-mass');

    await chooseFile(admin, panel, FIXTURE);
    await visible(panel.getByText(FILE_NAME));
    await admin.choose(panel.getByRole('combobox', { name: 'User type' }), 'External Member');

    // The dry run: counts, the first bad rows with line and reason, and the email as it will be sent.
    await panel.getByRole('button', { name: 'Preview first' }).click();
    await visible(page.getByText('not-an-email'), JOB_TIMEOUT_MS);
    await visible(page.getByText(/invited you to Demo Hub/));
    expect(app.system.sink.to(INVITED[0])).toHaveLength(0); // a preview sends nothing
    await saveScreenshot(page, 'invite-mass-preview');

    await page.getByRole('button', { name: 'Send Invites' }).click();
    await page.waitForURL(/\/invite\/mass\/[0-9a-f-]{36}$/);
    const jobUrl = page.url();
    await watchProgressToTheEnd(admin);

    // Done: the summary in numbers, bad rows first, each with line, value and reason.
    const text = await eventually(
      () => page.getByRole('main').innerText(),
      (t) => /Download report/i.test(t) || /peggy@@/.test(t),
      'the summary of the finished import',
      JOB_TIMEOUT_MS,
    );
    expectCount(text, /(?<!already\s)invited/i, EXPECTED.invited);
    expectCount(text, /added/i, EXPECTED.added);
    expectCount(text, /invalid/i, EXPECTED.invalid);
    expectCount(text, /skipped/i, EXPECTED.skipped);
    expectCount(text, /duplicates?/i, EXPECTED.duplicates);
    for (const bad of BAD_ROWS) {
      const row = await visible(admin.row(bad.value));
      expect(await row.first().innerText()).toMatch(new RegExp(`\\b${bad.line}\\b`));
    }
    const firstBad = text.indexOf('not-an-email');
    const firstGood = text.indexOf('kim.new@guest.example');
    if (firstGood >= 0) expect(firstBad).toBeLessThan(firstGood);
    await expectNoSeriousA11yViolations(page, 'mass invite result');
    await saveScreenshot(page, 'invite-mass-result');

    // The report: every row with its line, outcome and reason; formulas neutralised.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download report (CSV)' }).click();
    const report = await download;
    expect(report.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync((await report.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('line,raw_value,email,outcome,reason');
    const byLine = (n: number) => lines.find((l) => l.startsWith(`${n},`)) ?? '';
    expect(byLine(2)).toMatch(/kim\.new@guest\.example,invited/);
    expect(byLine(3)).toContain('duplicate_in_file');
    expect(byLine(4)).toContain('already_member');
    expect(byLine(5)).toContain('already_invited');
    expect(byLine(6)).toContain('added');
    expect(byLine(9)).toMatch(/not-an-email,,invalid,./);
    expect(byLine(12)).toContain(`'=HYPERLINK`);

    // The invites went out; the job's own URL brings the result back.
    for (const address of INVITED) await app.system.sink.waitFor(address, 1, JOB_TIMEOUT_MS);
    await page.goto(jobUrl);
    await visible(page.getByRole('link', { name: 'Download report (CSV)' }));
    // Earlier imports of the Hub: this one and the demo data's.
    await visible(page.getByText('partners-demo.csv'));
  });
});

/** The drop zone opens the file dialog; a person picks the file there. */
async function chooseFile(person: Person, panel: Locator, file: string): Promise<void> {
  const chooser = person.page.waitForEvent('filechooser');
  await panel.getByText(/Drop a CSV file here or choose one/).click();
  await (await chooser).setFiles(file);
}

/**
 * While the job runs the page shows a progress bar ("n of 11 rows"); it must reach the end. A small
 * file may finish between two looks, so a bar already at its end — or the finished summary, once a
 * bar has been seen or the page says all rows are done — counts as the end.
 */
async function watchProgressToTheEnd(person: Person): Promise<void> {
  const bar = person.page.getByRole('progressbar');
  await eventually(
    async () => {
      if (await bar.first().isVisible()) {
        const [now, max] = await Promise.all([
          bar.first().getAttribute('aria-valuenow'),
          bar.first().getAttribute('aria-valuemax'),
        ]);
        if (now !== null && Number(now) >= Number(max ?? 100)) return true;
      }
      return /\b11 of 11 rows\b/.test(await person.page.getByRole('main').innerText());
    },
    (done) => done,
    `the progress bar to reach ${TOTAL_ROWS} of ${TOTAL_ROWS} rows`,
    JOB_TIMEOUT_MS,
  );
}

/** The summary shows `count` next to the outcome's name (either order, as a label and its number). */
function expectCount(text: string, label: RegExp, count: number): void {
  const flat = text.replace(/\s+/g, ' ');
  const near = new RegExp(`${label.source}\\W{0,3}${count}\\b|\\b${count}\\W{0,3}${label.source}`, 'i');
  if (!near.test(flat)) throw new Error(`Expected the summary to show ${label.source} = ${count}; it reads:\n${flat}`);
}
