import { stat } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (`.ci/run` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless through playwright-core, for tests of pages in a real browser.
 * Never a skip: a missing browser fails where the test runs.
 *
 * @throws Error saying how to install Chromium when it is missing
 */
export async function launchChromium(): Promise<Browser> {
  try {
    await stat(CHROMIUM);
  } catch {
    throw new Error(`Expected Chromium at ${CHROMIUM} for the browser tests, received none: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
