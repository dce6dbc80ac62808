// The phone the issue's reviewers used: 390×844, touch and no hover, so that CSS asking "is there
// likely to be a keyboard?" answers as it would on a real phone.
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** Chromium as people use it: Playwright turns the back-forward cache off unless asked not to. */
export const WITH_BACK_FORWARD_CACHE = { ignoreDefaultArgs: ['--disable-back-forward-cache'] };
