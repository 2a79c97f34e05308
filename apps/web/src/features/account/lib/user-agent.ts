/** A browser user agent string read as the browser's and the operating system's names (proper names: not translated). */
export interface Device {
  browser?: string;
  os?: string;
}

/** Order matters: Chromium-based browsers also say "Chrome", and every one of them says "Safari". */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\b(OPR|Opera|OPiOS)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bHeadlessChrome\//, 'Chrome'],
  [/\b(Chrome|CriOS)\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\bWindows (NT|Phone)\b/, 'Windows'],
  [/\bAndroid\b/, 'Android'],
  [/\biPad\b/, 'iPadOS'],
  [/\b(iPhone|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bUbuntu\b/, 'Ubuntu'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

const first = (text: string, table: readonly [RegExp, string][]) =>
  table.find(([pattern]) => pattern.test(text))?.[1];

/**
 * The browser and system named in a user agent string, or null when it is not one (a label a non-browser client chose,
 * shown as it is). A sketch on purpose: the names a member recognises, no versions.
 */
export function parseUserAgent(label: string): Device | null {
  if (!/^Mozilla\/|^Opera\//.test(label)) {
    return null;
  }
  const device = { browser: first(label, BROWSERS), os: first(label, SYSTEMS) };
  return device.browser || device.os ? device : null;
}
