import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { enrollOnScreen } from './support/two-factor';
import { en, signInWithForm, title } from './support/ui';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** Records the page's CSP violations from the start of every document (the event, as the page itself sees it). */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI || '(inline)'} at ${location.pathname}`),
    );
  });
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      logged.push(message.text());
    }
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
    ...logged,
  ];
}

test.describe('Content Security Policy', () => {
  test('the page and its fallback routes send a strict CSP: scripts from the origin only', async ({
    page,
    request,
  }) => {
    for (const path of ['/', '/sign-in', '/no-such-page']) {
      const response = path === '/' ? await page.goto(path) : await request.get(path);
      const header = response?.headers()['content-security-policy'] ?? '';
      const policy = directives(header);
      expect(policy.get('script-src'), `${path}: ${header}`).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });

  test('an injected inline script does not run and a violation is reported', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(title(page, en.auth.signIn.title)).toBeVisible();
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
          once: true,
        }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
      const directive = await Promise.race([
        violation,
        new Promise<string>((resolve) => setTimeout(() => resolve('no violation reported'), 2000)),
      ]);
      return { directive, pwned: (window as unknown as { __pwned?: number }).__pwned };
    });
    expect(outcome.pwned).toBeUndefined();
    expect(outcome.directive).toBe('script-src-elem');
  });

  test('injected inline handlers and strings run as code do not run either', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(title(page, en.auth.signIn.title)).toBeVisible();
    // Code that Playwright evaluates is exempt from the page's CSP while it runs; what it leaves behind (a handler
    // attribute, a string for setTimeout) runs later, as the page's own, and must be refused.
    const outcome = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      const state = window as unknown as { __handler?: number; __string?: number };
      const host = document.createElement('div');
      host.innerHTML = '<img alt="" src="/no-such-image.png" onerror="window.__handler = 1">';
      document.body.append(host);
      (setTimeout as unknown as (code: string, delay: number) => void)('window.__string = 1', 0);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { handler: state.__handler, string: state.__string, seen };
    });
    expect(outcome.handler).toBeUndefined();
    expect(outcome.string).toBeUndefined();
    expect(outcome.seen).toEqual(expect.arrayContaining(['script-src-attr', 'script-src']));
  });

  test('the client itself never trips its CSP: applying, signing in, sessions, two-factor set-up', async ({
    page,
    api,
  }) => {
    const violations = await recordViolations(page);
    const seen: string[] = [];
    await page.goto('/apply');
    await expect(
      page.getByRole('combobox', { name: en.apply.fields.country.label }).locator('option'),
    ).not.toHaveCount(1);
    seen.push(...(await violations()));

    const account = await api.coordinator('csp');
    await api.signIn(account.email, account.password);
    await signInWithForm(page, account);
    await page.goto('/sessions');
    await page.getByRole('button', { name: en.account.sessions.revokeOthers, exact: true }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.keyboard.press('Escape');
    seen.push(...(await violations()));

    await page.goto('/security');
    await enrollOnScreen(page, en);
    seen.push(...(await violations()));
    expect(seen).toEqual([]);
  });
});
