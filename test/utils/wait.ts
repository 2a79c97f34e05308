/**
 * Polls `check` every `everyMs` until it holds; past `ms` it fails naming `what`, so a condition that never comes
 * ends the test with a message instead of at Jest's timeout. For state only a poll can see (a metric, a count);
 * await the event instead where there is one.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 10_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
