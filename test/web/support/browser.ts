import { repoRoot, pollUntil } from '@gatehouse/testing';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';

/** Debian's Chromium (CI installs it: `.ci/run`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a laptop shows; screenshots in docs/screenshots are taken at this size (full page). */
export const VIEWPORT = { width: 1280, height: 800 };

/** Deadline for one step a person waits for (a page, a result) on a busy 2-core machine: never a speed test. */
export const STEP_TIMEOUT_MS = 20_000;

/** One headless Chromium per test file; every person gets a context of their own (cookies, storage). */
export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new browser context — a separate person: own cookies, own downloads, locale en-GB (so dates and
 * numbers read the same on every machine). The app's CSP stays on: axe is injected through the
 * DevTools protocol (`page.evaluate`), which the CSP does not govern.
 */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return context;
}

/**
 * Every run takes the pictures (a person can look at them after a failure); they replace the committed
 * ones in docs/screenshots, which README and docs link, only when asked: UPDATE_SCREENSHOTS=1 npm test.
 */
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot(), 'docs', 'screenshots')
  : path.join(repoRoot(), 'var', 'screenshots');

/** The whole page as <name>.png in SCREENSHOT_DIR. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.mouse.move(0, 0); // no hover highlight or tooltip left in the picture
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let axeSource: string | null = null;

/** axe-core's `serious` and `critical` violations on what the page shows now, each in words. */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core'), 'utf8');
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join('\n'),
    );
}

/**
 * axe-core on each main screen (SCREENS.md: "axe-core reports no serious violation on any screen").
 * A flow records the screens as it passes them (`check`); the file's last test asserts that every
 * expected screen was checked and none had a `serious` or `critical` violation — so an accessibility
 * failure is reported as one, and does not hide whether the flows themselves work.
 */
export class A11yChecks {
  private readonly found = new Map<string, string[]>();

  async check(page: Page, screen: string): Promise<void> {
    this.found.set(screen, await seriousA11yViolations(page));
  }

  expectClean(screens: string[]): void {
    const missing = screens.filter((screen) => !this.found.has(screen));
    if (missing.length > 0) throw new Error(`Not checked (the flow stopped before them): ${missing.join(', ')}`);
    const failing = [...this.found].filter(([, violations]) => violations.length > 0);
    if (failing.length > 0) {
      const report = failing.map(([screen, violations]) => `On the ${screen} screen:\n${violations.join('\n')}`);
      throw new Error(`axe-core found serious violations:\n${report.join('\n')}`);
    }
  }
}

/** Waits until the element is visible (auto-waiting, with a deadline) and returns it. */
export async function visible(locator: Locator, timeout = STEP_TIMEOUT_MS): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw await withPageState(locator.page(), error);
  }
  return locator;
}

const FAILURE_DIR = path.join(repoRoot(), 'var', 'web-test-failures');
const scriptErrors = new WeakMap<Page, string[]>();

/** Keeps the page's uncaught script errors, for failures to name (a blank page is usually one). */
export function recordScriptErrors(page: Page): string[] {
  const errors: string[] = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push((error.stack ?? error.message).split('\n').slice(0, 4).join(' / ')));
  return errors;
}

/**
 * Adds what the person saw to a failure: the URL, the page's text and a screenshot in
 * var/web-test-failures/ — a browser test that fails should say what was on the screen instead.
 */
export async function withPageState(page: Page, error: unknown): Promise<unknown> {
  if (!(error instanceof Error) || page.isClosed()) return error;
  try {
    fs.mkdirSync(FAILURE_DIR, { recursive: true });
    const file = path.join(FAILURE_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
    const text = (await page.locator('body').innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').slice(0, 1_500);
    const errors = scriptErrors.get(page) ?? [];
    error.message += `\nThe page (${page.url()}) showed: ${text}\nScreenshot: ${file}`;
    if (errors.length > 0) error.message += `\nScript errors in the page: ${errors.join(' | ')}`;
    const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
    error.stack = [`${error.name}: ${error.message}`, ...frames].join('\n');
  } catch {
    // The page is gone or stuck: the original error says enough.
  }
  return error;
}

/** Waits until nothing matching is visible (it may be removed or hidden). */
export async function gone(locator: Locator, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/**
 * Polls `read` until `accept` holds (like Playwright test's `expect.poll`), and returns the value;
 * on the deadline, fails with the last value seen.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeout = STEP_TIMEOUT_MS,
): Promise<T> {
  let last: T | undefined;
  let lastError: unknown = null;
  // Wrapped, so that an accepted value that is itself falsy (0, false) still ends the wait.
  const accepted = await pollUntil(
    async () => {
      try {
        last = await read();
        lastError = null;
        return accept(last) && { value: last };
      } catch (error) {
        lastError = error;
        return false;
      }
    },
    what,
    {
      timeoutMs: timeout,
      intervalMs: 100,
      detail: () => `last seen: ${lastError instanceof Error ? `error: ${lastError.message}` : JSON.stringify(last)}`,
    },
  );
  return accepted.value;
}

/** Runs one step of a longer flow; a failure names the step, so a report shows where the flow broke. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) {
      error.message = `Step "${name}" failed: ${error.message}`;
      const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
      error.stack = [`${error.name}: ${error.message}`, ...frames].join('\n');
    }
    throw error;
  }
}

/** Deadline for one test (a whole flow of several screens, with emails and a background job). */
export const FLOW_TIMEOUT_MS = 180_000;
