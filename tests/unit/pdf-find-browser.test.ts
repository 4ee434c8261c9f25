import { Launcher } from 'chrome-launcher';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '@/server/pdf/find-browser';

describe('the browser PDFs use', () => {
  it('is CHROMIUM_PATH when set, whatever is installed', async () => {
    expect(await findBrowser({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toEqual({
      kind: 'configured',
      executablePath: '/opt/chrome/chrome',
      label: 'CHROMIUM_PATH=/opt/chrome/chrome',
    });
  });

  it('is else an installed Chrome/Chromium/Edge, else the bundled Chromium (Linux x64/arm64)', async () => {
    const installed = Launcher.getInstallations()[0];
    const choice = await findBrowser({});
    if (installed) expect(choice).toMatchObject({ kind: 'installed', executablePath: installed });
    else expect(choice.kind).toBe(process.platform === 'linux' ? 'bundled' : 'none');
  });

  it('is the bundled one under PDF_BROWSER=bundled, even with CHROMIUM_PATH set; none under PDF_BROWSER=none', async () => {
    expect((await findBrowser({ PDF_BROWSER: 'bundled', CHROMIUM_PATH: '/usr/bin/chromium' })).kind).toBe('bundled');
    expect((await findBrowser({ PDF_BROWSER: 'none', CHROMIUM_PATH: '/usr/bin/chromium' })).kind).toBe('none');
  });
});
