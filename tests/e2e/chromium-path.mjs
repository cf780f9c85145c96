// Where the end-to-end tests find Chromium: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium.
// Playwright cannot download its own browsers on these machines.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
