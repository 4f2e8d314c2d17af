import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type LaunchOptions, type Page } from 'playwright-core';

/** Debian's Chromium, or the one CHROMIUM_PATH names. Never a downloaded browser. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function missingChromiumMessage(): string | null {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  return [
    `Chromium was not found at ${path}; the end-to-end tests need it and never skip.`,
    'Install it with:  sudo apt-get update && sudo apt-get install -y chromium',
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  ].join('\n');
}

/** Flags that keep Chromium quiet on a closed network (see ../shared/NOTES.md). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A persistent context in a fresh profile directory: IndexedDB and service workers behave as on a
 * real device, and the profile survives page reloads within the test.
 */
export async function launchChromium(
  options: { args?: string[]; viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'lagerkoll-chromium-'));
  const launch: LaunchOptions & Parameters<typeof chromium.launchPersistentContext>[1] = {
    executablePath: chromiumPath(),
    headless: true,
    args: [...QUIET_FLAGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
  };
  const context = await chromium.launchPersistentContext(profile, launch);
  // The server's Content-Security-Policy (src/server/auth/security-headers.ts) must never block a part
  // of the app: any page of any test that has something refused fails that test when it closes.
  const refused: string[] = [];
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        refused.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (refused.length > 0) throw new Error(`The Content-Security-Policy refused:\n${refused.join('\n')}`);
    },
  };
}

export type { Browser };
