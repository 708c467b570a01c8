/**
 * Launches Debian's Chromium with the built Chartside extension loaded unpacked, the way a user
 * would run it (real parts, tested for real): real IndexedDB, real service worker, real side
 * panel page. Used by the e2e tests, `npm run demo` and the bench.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { recordNetwork, type NetworkRecording } from './network';
import { CHROMIUM, E2E_EXTENSION } from './paths';
import { ChartsideError } from '../../../engine/errors';

/** Flags for a quiet, reproducible browser: nothing phones home, nothing but the test runs. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Error for a missing prerequisite (no build, no Chromium), with what to run. */
export class E2eSetupError extends ChartsideError {
  override name = 'ChartsideE2eSetupError';
}

export interface LaunchOptions {
  /** Default true. `false` opens windows (needs a display). */
  headless?: boolean;
  /** Unpacked extension folder; default {@link E2E_EXTENSION} (`.output/chrome-mv3` unless `$CHARTSIDE_E2E_EXTENSION`). */
  extensionDir?: string;
  /** Start a {@link NetworkRecording} before the extension is installed. */
  recordNetwork?: boolean;
  /** Size of new pages' viewport; `null` lets a headed window size itself. */
  viewport?: { width: number; height: number } | null;
  /** Time limit for launch and extension start, in ms (default 60 s: two shared cores). */
  timeoutMs?: number;
}

/** A browser with Chartside installed. */
export interface ExtensionBrowser {
  browser: Browser;
  /** The extension id Chromium assigned (from its service worker's URL). */
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** The fresh profile folder, deleted by {@link ExtensionBrowser.close}. */
  userDataDir: string;
  /** Present when launched with `recordNetwork: true`. */
  network?: NetworkRecording;
  close(): Promise<void>;
}

function checkPrerequisites(extensionDir: string): void {
  if (!existsSync(CHROMIUM)) {
    throw new E2eSetupError(
      `Chromium not found at ${CHROMIUM}. On Debian/Ubuntu: sudo apt-get install -y chromium ` +
        '(.ci/run does this), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new E2eSetupError(
      `No built extension in ${extensionDir}. Run \`npm run build:e2e\` first (\`npm run test:e2e\` does).`,
    );
  }
}

/**
 * Launches Chromium with a fresh profile and installs the unpacked extension.
 *
 * The extension is installed with `browser.installExtension()` after launch rather than through
 * `enableExtensions: [path]`: puppeteer-core 24 does not await the install it starts for that
 * option (an error would surface as an unhandled rejection), and installing after launch lets the
 * network recorder attach before the extension's service worker makes its first request.
 *
 * @example
 * const chartside = await launchWithExtension();
 * const panel = await openSidePanel(chartside);
 * await waitForSidePanelReady(panel);
 * await chartside.close();
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION;
  const timeout = options.timeoutMs ?? 60_000;
  checkPrerequisites(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'chartside-profile-'));
  const cleanProfile = (): void => rmSync(userDataDir, { recursive: true, force: true });

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: options.headless ?? true,
      pipe: true, // Extensions.loadUnpacked is only available over the pipe transport.
      enableExtensions: true,
      userDataDir,
      args: [...CHROMIUM_FLAGS],
      defaultViewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      timeout,
      protocolTimeout: timeout * 2,
    });
  } catch (error) {
    cleanProfile();
    throw error;
  }
  const close = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    cleanProfile();
  };

  try {
    const network = options.recordNetwork ? await recordNetwork(browser) : undefined;
    const workerStarted = browser.waitForTarget(
      (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://'),
      { timeout },
    );
    const installedId = await browser.installExtension(extensionDir);
    const worker = await workerStarted;
    const extensionId = new URL(worker.url()).host;
    if (extensionId !== installedId) {
      throw new Error(`service worker ${worker.url()} does not belong to the installed extension ${installedId}`);
    }
    return {
      browser,
      extensionId,
      extensionOrigin: `chrome-extension://${extensionId}/`,
      userDataDir,
      ...(network ? { network } : {}),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Console errors and uncaught exceptions of a page, kept to explain a failure. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** The side panel's usual width in Chrome (it can be dragged between about 320 and 600 px). */
export const SIDE_PANEL_VIEWPORT = { width: 400, height: 860 } as const;

/**
 * Opens the side panel page in a tab. It is the same document Chrome shows in the side panel
 * (`sidepanel.html`), so what it does here it does there; only the frame around it differs.
 */
export async function openSidePanel(
  chartside: ExtensionBrowser,
  viewport: { width: number; height: number } = SIDE_PANEL_VIEWPORT,
): Promise<{ page: Page; errors: string[] }> {
  const page = await chartside.browser.newPage();
  const errors = collectPageErrors(page);
  await page.setViewport(viewport);
  await page.goto(`${chartside.extensionOrigin}sidepanel.html`, { waitUntil: 'domcontentloaded' });
  return { page, errors };
}

/**
 * Waits for the side panel's ready signal: `document.body.dataset.ready === 'true'`, set by the
 * side panel once the code tables are installed and the engine worker has answered. Never sleeps.
 * Fails at once when the shell shows its error state (`[data-state="error"]`), and on time-out,
 * with the page's text and errors either way.
 */
export async function waitForSidePanelReady(
  page: Page,
  errors: readonly string[] = [],
  timeoutMs = 90_000,
): Promise<void> {
  let outcome: unknown;
  let cause: unknown;
  try {
    const handle = await page.waitForFunction(
      () =>
        document.body.dataset.ready === 'true'
          ? 'ready'
          : document.querySelector('[data-state="error"]')
            ? 'error'
            : false,
      { timeout: timeoutMs, polling: 'mutation' },
    );
    outcome = await handle.jsonValue();
  } catch (error) {
    outcome = 'timeout';
    cause = error;
  }
  if (outcome === 'ready') return;
  const text = await page.evaluate(() => document.body.innerText.slice(0, 3000)).catch(() => '(page gone)');
  throw new Error(
    `side panel not ready: ${outcome === 'error' ? 'it shows an error' : `no ready signal after ${timeoutMs} ms`}.\n` +
      `Page errors:\n${errors.join('\n') || '(none)'}\nPage text:\n${text}`,
    { cause },
  );
}

/**
 * Starts listening, in the side panel page, for the chart snapshots the content script sends.
 * Call it before opening the EHR page; `next()` resolves with the URL of the next snapshot the
 * panel receives. Event-driven: a chrome.runtime.onMessage listener in the panel counts snapshots
 * in an attribute of <html> (test-only, set by this helper), and the wait watches DOM mutations.
 */
export async function watchChartSnapshots(panel: Page): Promise<{ next(timeoutMs?: number): Promise<string> }> {
  type Runtime = { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
  const seenSoFar = await panel.evaluate(() => {
    const root = document.documentElement;
    if (root.dataset.testSnapshots === undefined) {
      root.dataset.testSnapshots = '0';
      const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
      runtime.onMessage.addListener((message) => {
        const m = message as { type?: string; snapshot?: { url?: string } } | null;
        if (m?.type === 'content-to-panel:chart-snapshot') {
          const n = Number(root.dataset.testSnapshots);
          root.dataset[`testSnapshot${n}`] = m.snapshot?.url ?? '';
          root.dataset.testSnapshots = String(n + 1);
        }
        return undefined;
      });
    }
    return Number(root.dataset.testSnapshots);
  });
  let consumed = seenSoFar;
  return {
    next: async (timeoutMs = 30_000) => {
      const index = consumed;
      const handle = await panel.waitForFunction(
        (i: number) =>
          Number(document.documentElement.dataset.testSnapshots) > i &&
          document.documentElement.dataset[`testSnapshot${i}`],
        { timeout: timeoutMs, polling: 'mutation' },
        index,
      );
      consumed = index + 1;
      return String(await handle.jsonValue());
    },
  };
}

/**
 * Waits for `fn(arg)` in the panel (re-checked on every DOM mutation, never a sleep); on time-out
 * fails with what the panel shows, never a bare time-out.
 */
export async function waitInPanel<A>(
  panel: Page,
  what: string,
  fn: (arg: A) => unknown,
  arg?: A,
  timeoutMs = 60_000,
): Promise<void> {
  try {
    await panel.waitForFunction(fn as (arg: unknown) => unknown, { polling: 'mutation', timeout: timeoutMs }, arg);
  } catch (error) {
    const shown = await panel.evaluate(() => document.body.innerText.slice(0, 4000)).catch(() => '(panel gone)');
    throw new Error(`${what}: not seen within ${timeoutMs / 1000} s. The panel shows:\n${shown}`, { cause: error });
  }
}
