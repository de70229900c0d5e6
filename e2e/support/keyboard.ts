import type { Locator, Page } from 'playwright-core';

/** Whether `target` holds the keyboard focus. */
export const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === document.activeElement);

/**
 * Press Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails after
 * `max` presses, which means the element cannot be reached.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<number> {
  await target.waitFor();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return presses;
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}
