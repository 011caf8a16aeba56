/** Finding, launching and safely using a headless Chromium. */
export { findBrowser, installHint, systemBrowserPaths, BROWSER_COMMANDS } from './find.js';
export type { BrowserSource, FindBrowserOptions, FoundBrowser } from './find.js';
export { connectChromium, launchBrowser, browserArgs, BROWSER_FLAGS } from './launch.js';
export type { ConnectBrowserOptions, LaunchBrowserOptions } from './launch.js';
export { startChromium, startFoundChromium, type StartedChromium } from './start.js';
export { withBrowser, withPage } from './session.js';
export { openBrowser, type OpenBrowserOptions } from './open.js';
export { connectRunningBrowser, type ConnectRunningOptions } from './connect.js';
export { parseBrowserUrl, isLoopbackHost } from './browser-url.js';
export type { WithBrowserOptions, WithPageOptions } from './session.js';
export { withTimeout } from './timeout.js';
export { createPagePool, type PagePool, type PagePoolOptions } from './page-pool.js';
export { closeBrowser } from './close.js';
export { failOnCrash } from './crash.js';
export { onStopSignal, STOP_SIGNALS } from './signals.js';
export type { Browser, Page } from 'puppeteer-core';
