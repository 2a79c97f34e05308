import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's WCAG 2.1 A/AA violations, one line each with the elements concerned (an empty list when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode: axe.run in the page itself. The default runs each frame apart and merges the results in a new blank
  // page, 3-6 s a run here instead of 1 s; the client has no frames, so both see the same.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`,
        )
        .join('; ')}`,
  );
}

export interface ShownString {
  text: string;
  /** Where: the element, e.g. `button` or `label[for=apply-email]`, and for attributes which one. */
  where: string;
  /** The nearest `lang` attribute (an element may be marked as being in another language on purpose). */
  lang: string | null;
}

/**
 * Every string the page shows or reads out: visible text nodes (screen-reader-only text included: it is read out),
 * the chosen option of each select, the accessible-name attributes (aria-label, placeholder, title, alt) of visible
 * elements, and the document title.
 */
export function shownStrings(page: Page): Promise<ShownString[]> {
  return page.evaluate(() => {
    const shown: { text: string; where: string; lang: string | null }[] = [];
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const label = element.getAttribute('for') ? `[for=${element.getAttribute('for')}]` : '';
      return `${element.tagName.toLowerCase()}${id}${label}`;
    };
    const visible = (element: Element) =>
      element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const langOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang') ?? null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (
        !text ||
        !parent ||
        parent.closest('script, style, noscript, template, select') ||
        !visible(parent)
      ) {
        continue;
      }
      shown.push({ text, where: describe(parent), lang: langOf(parent) });
    }
    for (const select of document.querySelectorAll('select')) {
      const chosen = select.selectedOptions[0]?.textContent?.trim();
      if (chosen && visible(select)) {
        shown.push({ text: chosen, where: `${describe(select)} option`, lang: langOf(select) });
      }
    }
    for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        const text = element.getAttribute(attribute)?.trim();
        if (text && visible(element)) {
          shown.push({ text, where: `${describe(element)} @${attribute}`, lang: langOf(element) });
        }
      }
    }
    shown.push({ text: document.title, where: 'document.title', lang: document.documentElement.lang });
    return shown;
  });
}

/**
 * What may stay in Latin letters on a Russian screen — kept short on purpose: proper names (the product, browsers and
 * systems a session names, authenticator apps the set-up suggests, the example names in the application's hints),
 * abbreviations Russian writes in Latin letters (a JSON file), the keys as Russian keyboards label them (Enter, Shift), and patterns for e-mails, one-time codes, Roman numerals and IANA time
 * zone names.
 * Text marked with another `lang` (the switcher's "English") is the other language on purpose.
 */
const ALLOWED_WORDS = [
  'Counterpart',
  'Chrome',
  'Linux',
  'Aegis',
  'FreeOTP',
  'Google Authenticator',
  'Microsoft Authenticator',
  'Alisher Navoiy',
  'Alisher Navoi',
  'TOTP',
  'QR',
  'CSV',
  'JSON',
  'IP',
  'UTC',
  'Shift',
  'Enter',
];
const ALLOWED_PATTERNS = [
  /[^\s@()]+@[^\s@()]+\.[a-z]{2,}/gi, // e-mail addresses
  /\b[0-9A-Z]{4}(?:[-\u2011][0-9A-Z]{4})+\b/g, // invitation, reset and recovery codes (shown examples: U+2011)
  /\b[IVX]+\b/g, // Roman numerals (глава V Конвенции)
  /\b[A-Z][A-Za-z]+(?:\/[A-Za-z_-]+(?: [A-Za-z_-]+)*)+/g, // time zone ids: Asia/Tashkent, America/Argentina/Buenos Aires
  /\(?GMT(?:[+−-]\d{1,2}(?::\d\d)?)?\)?/g, // their offsets: (GMT+5), and GMT+5 in a date as Intl writes it
];

/** The strings that still contain Latin letters once the allowed names, codes and `extra` (test data) are removed. */
export function untranslated(strings: ShownString[], lang: string, extra: string[] = []): string[] {
  const words = [...extra, ...ALLOWED_WORDS].sort((a, b) => b.length - a.length);
  return strings
    .filter((shown) => shown.lang === null || shown.lang === lang)
    .filter((shown) => {
      let rest = shown.text;
      for (const word of words) {
        rest = rest.split(word).join(' ');
      }
      for (const pattern of ALLOWED_PATTERNS) {
        rest = rest.replace(pattern, ' ');
      }
      return /[A-Za-z]/.test(rest);
    })
    .map((shown) => `${shown.where}: ${shown.text}`);
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements reaching past the right edge. */
  offenders: string[];
}

/** Whether the page scrolls sideways, and what sticks out. */
export function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const offenders: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      const parentBox = element.parentElement?.getBoundingClientRect();
      if (box.right > innerWidth + 0.5 && !(parentBox && parentBox.right > innerWidth + 0.5)) {
        const id = element.id ? `#${element.id}` : '';
        const text = element.textContent?.trim().slice(0, 40) ?? '';
        offenders.push(`${element.tagName.toLowerCase()}${id} (right ${Math.round(box.right)}): ${text}`);
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      offenders: offenders.slice(0, 10),
    };
  });
}

export interface FocusState {
  element: string;
  name: string;
  focusVisible: boolean;
  outline: string;
  inViewport: boolean;
}

/** The focused element, whether it matches :focus-visible and draws an indicator (outline or box shadow). */
export function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return null;
    }
    const style = getComputedStyle(element);
    const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const outlined =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    const box = element.getBoundingClientRect();
    return {
      element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`,
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60),
      focusVisible: element.matches(':focus-visible') && (outlined || shadowed),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; shadow ${style.boxShadow}`,
      inViewport: box.bottom > 0 && box.top < window.innerHeight && box.width > 0 && box.height > 0,
    };
  });
}
