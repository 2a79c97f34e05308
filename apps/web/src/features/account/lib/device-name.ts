import type { TFunction } from 'i18next';
import { parseUserAgent } from './user-agent';

/**
 * A session's device as a member reads it: "Chrome on Linux" when the label is a user agent string we can read, the
 * label itself when it is not one, "Unknown device" when there is none. `parsed` says whether the label was shortened
 * (then the full text is worth offering).
 */
export function deviceName(t: TFunction, label: string | null): { name: string; parsed: boolean } {
  const text = label?.trim();
  if (!text) {
    return { name: t('account.device.unknown'), parsed: false };
  }
  const device = parseUserAgent(text);
  if (!device) {
    return { name: text, parsed: false };
  }
  const name =
    device.browser && device.os
      ? t('account.device.browserOnSystem', { browser: device.browser, os: device.os })
      : device.browser
        ? t('account.device.browserOnly', { browser: device.browser })
        : t('account.device.systemOnly', { os: device.os });
  return { name, parsed: true };
}
