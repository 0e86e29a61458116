import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (package `chromium`): playwright-core drives it, it downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Makes sure Chromium is there: installed with apt-get when missing and running as root (as on CI's fresh
 * Debian machine), else one clear line saying what to do.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0)
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}; apt-get install chromium failed: ${error}`,
    );
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}; apt-get installed none there`);
  return CHROMIUM;
}

/** Headless Chromium, launched once per test file. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    // As root (CI) Chromium refuses its sandbox; the pages it opens are our own, on loopback.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
