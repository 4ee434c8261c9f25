import 'server-only';
import { existsSync } from 'node:fs';

/**
 * Which browser prints the PDFs, found without asking, in this order:
 *   1. CHROMIUM_PATH, when set (the operator's choice wins, even when it turns out not to start);
 *   2. a Chrome, Chromium or Edge installed on this machine, as chrome-launcher finds them (Linux, macOS, Windows);
 *   3. on Linux x64/arm64, the Chromium inside the `@sparticuz/chromium` npm package, extracted on first use.
 * PDF_BROWSER=bundled skips 1 and 2 (tests and CI prove that the bundled one prints on its own);
 * PDF_BROWSER=none finds nothing (the server answers 503, and the pages' own print button still works).
 */
export type BrowserChoice =
  | { kind: 'configured' | 'installed'; executablePath: string; label: string }
  | { kind: 'bundled'; label: string }
  | { kind: 'none'; label: string };

const bundledPlatform = process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64');

async function bundledAvailable(): Promise<boolean> {
  if (!bundledPlatform) return false;
  try {
    await import('@sparticuz/chromium');
    return true;
  } catch {
    return false;
  }
}

async function installedBrowser(): Promise<string | undefined> {
  try {
    const { Launcher } = await import('chrome-launcher');
    return Launcher.getInstallations().find((path) => existsSync(path));
  } catch {
    // chrome-launcher runs `which` and reads desktop files; a machine without them simply has no installed browser.
    return undefined;
  }
}

export async function findBrowser(env: Record<string, string | undefined> = process.env): Promise<BrowserChoice> {
  const mode = env.PDF_BROWSER ?? 'auto';
  if (mode === 'none') return { kind: 'none', label: 'PDF_BROWSER=none' };
  if (mode !== 'bundled') {
    const configured = env.CHROMIUM_PATH?.trim();
    if (configured) return { kind: 'configured', executablePath: configured, label: `CHROMIUM_PATH=${configured}` };
    const installed = await installedBrowser();
    if (installed) return { kind: 'installed', executablePath: installed, label: `installed browser ${installed}` };
  }
  if (await bundledAvailable()) return { kind: 'bundled', label: 'the Chromium bundled with @sparticuz/chromium' };
  return {
    kind: 'none',
    label: bundledPlatform ? 'no installed Chrome/Chromium/Edge, and @sparticuz/chromium is not installed' : 'no installed Chrome/Chromium/Edge',
  };
}

/** The bundled Chromium's path, extracting it to the temporary folder on first call (a few seconds). */
export async function bundledExecutablePath(): Promise<string> {
  const { default: bundled } = await import('@sparticuz/chromium');
  // No WebGL: nothing printed needs it, and it skips extracting the software GPU.
  bundled.setGraphicsMode = false;
  return bundled.executablePath();
}
