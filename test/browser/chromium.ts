// Headless Chromium (Debian's `chromium` package) for the browser tests, driven by playwright-core with
// a fresh profile and no network of its own: no update checks, sync, QUIC or background requests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether a missing browser fails the run (`RETENTION_METRICS_REQUIRE_SERVERS=1`, as in CI) rather than skipping. */
export const browserRequired = process.env.RETENTION_METRICS_REQUIRE_SERVERS === '1';

/** Whether Chromium is installed. */
export const chromiumFound = existsSync(CHROMIUM);

/** Why the browser suites are skipped when they are. */
export const SKIP_REASON = `${CHROMIUM} is missing (Debian package chromium); set RETENTION_METRICS_REQUIRE_SERVERS=1 to fail instead`;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with its own profile folder; `close` ends the browser and removes the folder. */
export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a new profile folder.
 *
 * @returns the running browser
 * @throws {Error} when Chromium is not installed
 */
export async function launchChromium(): Promise<Chromium> {
  if (!chromiumFound) throw new Error(`RETENTION_METRICS_REQUIRE_SERVERS=1, but ${CHROMIUM} is missing (Debian package chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'retention-metrics-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 900, height: 700 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
