/** Paths the e2e tests, the demo and the bench share. */
import { resolve } from 'node:path';

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The unpacked Chrome build (`npm run build:e2e` or `npm run build`). */
export const CHROME_BUILD = resolve(ROOT, '.output', 'chrome-mv3');

/** Synthetic EHR pages with fictional patients (owned by the suggestion engineer). */
export const EHR_FIXTURES = resolve(ROOT, 'test', 'fixtures', 'ehr');

/** Screenshots committed for the README. */
export const SCREENSHOTS = resolve(ROOT, 'docs', 'screenshots');

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
