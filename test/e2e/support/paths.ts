/** Paths the e2e tests, the demo and the bench share. */
import { resolve } from 'node:path';

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The unpacked Chrome build (`npm run build:e2e` or `npm run build`). */
export const CHROME_BUILD = resolve(ROOT, '.output', 'chrome-mv3');

/**
 * The extension the e2e tests load: `$CHARTSIDE_E2E_EXTENSION` (a build in another folder, made
 * with `CHARTSIDE_OUT_DIR`, so a test can run while the default output is being rebuilt), else
 * {@link CHROME_BUILD}.
 */
export const E2E_EXTENSION = process.env.CHARTSIDE_E2E_EXTENSION ?? CHROME_BUILD;

/** Synthetic EHR pages with fictional patients (owned by the suggestion engineer). */
export const EHR_FIXTURES = resolve(ROOT, 'test', 'fixtures', 'ehr');

/** Screenshots committed for the README. */
export const SCREENSHOTS = resolve(ROOT, 'docs', 'screenshots');

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
