/**
 * The command line every Chromium of ours starts with: Puppeteer's own defaults, ours, and the features turned
 * off, with a fresh profile and the DevTools pipe (start.ts).
 */
import { mergeFeatureSwitches } from './features.js';

/**
 * The flags `puppeteer.launch({ headless: true })` of puppeteer-core 24 passes (ChromeLauncher.defaultArgs), so
 * the browser behaves as it did when Puppeteer launched it: no background work, tagged PDFs with an outline, sRGB.
 */
export const AUTOMATION_FLAGS: readonly string[] = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/** Flags for every launch, besides Puppeteer's own defaults (which already include some of these). */
export const BROWSER_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-extensions',
  '--mute-audio',
  '--font-render-hinting=none',
  '--hide-scrollbars',
];

/**
 * Browser-window features that Chromium 156 starts with even headless: the omnibox's WebUI popups, preloaded
 * into a renderer of their own (`--top-chrome-webui`, about 150 MB, a few hundred JavaScript modules parsed)
 * while our page loads on the same cores. A headless export has no omnibox. Turning both off took that renderer
 * away and cut Chromium's CPU time for a 9-slide export to 0.60x (8 alternating rounds; docs/speed.md);
 * tests/browser/session.test.ts checks that no such renderer starts.
 */
export const IDLE_UI_FEATURES: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The flags to launch with. The sandbox cannot run as root, so only then is it turned off. */
export function browserArgs(options: { root: boolean; extraArgs?: string[] }): string[] {
  return [...(options.root ? ['--no-sandbox'] : []), ...BROWSER_FLAGS, ...(options.extraArgs ?? [])];
}

/** The whole command line for a headless Chromium using `profile`, talking DevTools over the pipe. */
export function chromiumArgs(options: { profile: string; root: boolean; extraArgs?: string[] }): string[] {
  return mergeFeatureSwitches([
    ...AUTOMATION_FLAGS,
    `--disable-features=${IDLE_UI_FEATURES.join(',')}`,
    ...browserArgs({ root: options.root, extraArgs: options.extraArgs }),
    '--remote-debugging-pipe',
    `--user-data-dir=${options.profile}`,
    'about:blank',
  ]);
}
