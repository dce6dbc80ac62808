// Debian's Chromium, as every browser test, benchmark and script here launches it (tests/, bench/
// and scripts/ share this). No browser download works on these machines; without these flags
// Chromium reaches for Google's hosts.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
};
