import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { bundledExecutablePath, findBrowser, type BrowserChoice } from './find-browser';

/**
 * This app's own flags: a headless Chromium that never calls home (the app runs offline) and keeps web security
 * and site isolation on. The bundled package's default flags are not used: they switch both off and add
 * --single-process, which ends the browser when a second page opens.
 */
export const OFFLINE_BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  // Containers often give /dev/shm only 64 MB, too little for a renderer printing a long report.
  '--disable-dev-shm-usage',
  // Glyph positions from the font itself, so the PDF's text layer lines up with what is drawn.
  '--font-render-hinting=none',
];

/** No browser could be found or started: the PDF routes answer 503 and say what to install or set. */
export class PdfBrowserUnavailableError extends Error {
  constructor(
    readonly choice: BrowserChoice,
    cause?: unknown,
  ) {
    super(
      choice.kind === 'none'
        ? `no browser for PDFs (${choice.label})`
        : `the browser for PDFs (${choice.label}) did not start: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
      { cause },
    );
    this.name = 'PdfBrowserUnavailableError';
  }
}

interface BrowserState {
  choice?: Promise<BrowserChoice>;
  browser?: Promise<Browser>;
}

// One copy per process, whichever route bundle loads this module first.
const key = Symbol.for('srm.pdf.browser');
const state: BrowserState = ((globalThis as Record<symbol, unknown>)[key] as BrowserState | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[key] = state;

/** The browser PDFs will use; looked up once per process (the start-up log line reports it). */
export function browserChoice(): Promise<BrowserChoice> {
  state.choice ??= findBrowser();
  return state.choice;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A fontconfig for the bundled browser: the machine's own fonts (whatever FONTCONFIG_FILE or /etc/fonts names)
 * plus the Latin font the package extracts beside its browser. Chromium draws no text at all, web fonts
 * included, when fontconfig knows no font, as in a bare container; Chinese comes from the app's web fonts.
 */
async function bundledFontconfig(): Promise<string> {
  const dir = path.join(tmpdir(), 'srm-pdf-fontconfig');
  await mkdir(dir, { recursive: true });
  const system = process.env.FONTCONFIG_FILE || '/etc/fonts/fonts.conf';
  const text =
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">${xml(system)}</include>\n  <dir>${xml(path.join(tmpdir(), 'fonts'))}</dir>\n` +
    `  <cachedir>${xml(path.join(dir, 'cache'))}</cachedir>\n</fontconfig>\n`;
  // Named by its content: servers with different settings on one machine never overwrite each other's.
  const file = path.join(dir, `fonts-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.conf`);
  await writeFile(file, text);
  return file;
}

async function launch(): Promise<Browser> {
  const choice = await browserChoice();
  if (choice.kind === 'none') throw new PdfBrowserUnavailableError(choice);
  try {
    // Loaded with the first PDF, not at start-up: the start-up check only looks for a browser, and Playwright's
    // code is a large share of an idle server's memory.
    const { chromium } = await import('playwright-core');
    if (choice.kind !== 'bundled') return await chromium.launch({ executablePath: choice.executablePath, args: OFFLINE_BROWSER_ARGS, timeout: 30_000 });
    const executablePath = await bundledExecutablePath();
    const env = { ...process.env, FONTCONFIG_FILE: await bundledFontconfig() };
    return await chromium.launch({ executablePath, args: OFFLINE_BROWSER_ARGS, env, timeout: 30_000 });
  } catch (error) {
    throw new PdfBrowserUnavailableError(choice, error);
  }
}

/**
 * The one browser of this server: launched on first use and kept for the server's life; when it dies (crash,
 * killed), the next request launches a new one. A launch that failed is tried again by the next request, so
 * installing a browser needs no restart.
 */
export function sharedBrowser(): Promise<Browser> {
  const current = state.browser;
  if (current) return current;
  const launching = launch();
  state.browser = launching;
  const forget = () => {
    if (state.browser === launching) state.browser = undefined;
  };
  launching.then((browser) => browser.on('disconnected', forget), forget);
  return launching;
}

/** Closes the shared browser (server shutdown). */
export async function closeSharedBrowser(): Promise<void> {
  const current = state.browser;
  state.browser = undefined;
  if (current) await current.then((b) => b.close()).catch(() => {});
}
