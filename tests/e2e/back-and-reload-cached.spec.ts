// Back and reload with Chromium's back-forward cache on, as people use Chromium: a page left is kept
// whole in memory and shown again as it was. The tests are in ../support/back-and-reload.ts.
import { test } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../../scripts/lib/chromium.ts';
import { backAndReloadTests } from '../support/back-and-reload.ts';
import { WITH_BACK_FORWARD_CACHE } from '../support/phone.ts';

test.use({ launchOptions: { ...CHROMIUM_LAUNCH, ...WITH_BACK_FORWARD_CACHE } });

backAndReloadTests(true);
