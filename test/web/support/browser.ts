import { repoRoot } from '@gatehouse/processes';
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

const SCREENSHOT_DIR = path.join(repoRoot(), 'docs', 'screenshots');

/** The whole page as docs/screenshots/<name>.png (README and docs link them). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
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

/**
 * Runs axe-core on what the page shows now and fails on any `serious` or `critical` violation,
 * naming the rule, what it asks for and the elements (SCREENS.md: "axe-core reports no serious
 * violation on any screen"). `screen` names the screen in the failure.
 */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core'), 'utf8');
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join('\n'),
    );
    throw new Error(`axe-core: ${serious.length} serious violation(s) on the ${screen} screen:\n${lines.join('\n')}`);
  }
}

/** Waits until the element is visible (auto-waiting, with a deadline) and returns it. */
export async function visible(locator: Locator, timeout = STEP_TIMEOUT_MS): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
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
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown = null;
  for (;;) {
    try {
      last = await read();
      lastError = null;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError instanceof Error ? `error: ${lastError.message}` : JSON.stringify(last);
      throw new Error(`Gave up waiting for ${what} after ${timeout} ms; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs one step of a longer flow; a failure names the step, so a report shows where the flow broke. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) error.message = `Step "${name}" failed: ${error.message}`;
    throw error;
  }
}

/** Deadline for one test (a whole flow of several screens, with emails and a background job). */
export const FLOW_TIMEOUT_MS = 180_000;
