import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The page is no wider than the screen: nothing to scroll sideways. */
export async function expectFitsWidth(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} is wider than the screen (horizontal scroll)`).toBeLessThanOrEqual(innerWidth);
}
