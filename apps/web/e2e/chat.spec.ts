import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  chat,
  chatMember,
  pairInConversation,
  directConversation,
  expectInOrder,
  keyChangeWarning,
  message,
  offlineBanner,
  openChat,
  openConversation,
  sendMessage,
} from './support/chat';
import { fill, plural } from './support/catalog';
import { serverFolder } from './support/context';
import { devicesOf, registerDevice } from './support/devices';
import { expect, test } from './support/fixtures';
import { en, title } from './support/ui';

test.describe('chat', () => {
  test('two members exchange encrypted messages with a caveat in real time, compare safety numbers and verify each other', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-live-a', 'Aigul Live');
    const malika = await chatMember(api, 'chat-live-b', 'Malika Live');
    const other = await newPage();
    await openChat(page, context, aigul, 'Office PC');
    await openChat(other, other.context(), malika, 'Phone');

    await page.goto(`/directory/${malika.id}`);
    await page.getByRole('button', { name: `Message ${malika.name}` }).click();
    await expect(title(page, malika.name)).toBeVisible();
    await sendMessage(page, 'Can you check two passport numbers?', 'INFORMAL_NOT_FOR_JUDICIAL_USE');
    await expect(message(page, 'Can you check two passport numbers?')).toContainText(
      chat.caveat.INFORMAL_NOT_FOR_JUDICIAL_USE,
    );

    await openConversation(other, aigul.name);
    const received = message(other, 'Can you check two passport numbers?');
    await expect(received).toContainText(chat.caveat.INFORMAL_NOT_FOR_JUDICIAL_USE);
    await expect(received).toContainText(aigul.name);

    // Live both ways: no reload; the first message now reads as read by her.
    await sendMessage(other, 'Yes — send them over.');
    await expect(message(page, 'Yes — send them over.')).toBeVisible();
    await expect(message(page, 'Can you check two passport numbers?')).toContainText(chat.message.read);
    await expect(message(page, 'Yes — send them over.')).not.toContainText(chat.caveat.label);

    // Both compare the safety number (the same 60 digits on both screens) and mark each other verified.
    const digits: string[] = [];
    for (const [viewer, partner] of [
      [page, malika],
      [other, aigul],
    ] as const) {
      await viewer.getByRole('link', { name: chat.header.safetyNumber, exact: true }).click();
      await expect(title(viewer, fill(chat.safety.title, { name: partner.name }))).toBeVisible();
      const groups = viewer.getByRole('list', { name: chat.safety.number }).getByRole('listitem');
      await expect(groups).toHaveCount(12);
      digits.push((await groups.allTextContents()).join(' '));
    }
    expect(digits[0]).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(digits[1]).toBe(digits[0]);
    for (const [viewer, partner] of [
      [page, malika],
      [other, aigul],
    ] as const) {
      await viewer.getByLabel(fill(chat.safety.compare.label, { name: partner.name })).fill(digits[0]);
      await expect(viewer.getByText(chat.safety.compare.match)).toBeVisible();
      await viewer
        .getByRole('button', { name: fill(chat.safety.verify.action, { name: partner.name }) })
        .click();
      await expect(viewer.getByText(fill(chat.safety.verify.done, { name: partner.name }))).toBeVisible();
      await viewer.getByRole('link', { name: chat.safety.back }).first().click();
      await expect(title(viewer, partner.name)).toBeVisible();
      await expect(viewer.getByText(chat.trust.verified, { exact: true })).toBeVisible();
    }
  });

  test('an owner creates a group by name, its members read it, and a member removed no longer gets new messages', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-group-a', 'Aigul Group');
    const malika = await chatMember(api, 'chat-group-b', 'Malika Group');
    const erkin = await chatMember(api, 'chat-group-c', 'Erkin Group');
    const other = await newPage();
    const third = await newPage();
    await openChat(page, context, aigul, 'Office PC');
    await openChat(other, other.context(), malika, 'Phone');
    await openChat(third, third.context(), erkin, 'Laptop');

    await page.getByRole('link', { name: chat.list.newGroup }).click();
    await page.getByLabel(chat.group.create.name).fill('Operation Northern Route');
    for (const person of [malika, erkin]) {
      await page.getByLabel(chat.group.search.label).fill(person.name);
      await page.getByRole('button', { name: new RegExp(`^Add ${person.name}`) }).click();
    }
    await page.getByRole('button', { name: chat.group.create.submit }).click();
    await expect(title(page, 'Operation Northern Route')).toBeVisible();
    await sendMessage(page, 'The route changes on Monday.', 'DO_NOT_DISSEMINATE');

    for (const member of [other, third]) {
      await openConversation(member, 'Operation Northern Route');
      await expect(message(member, 'The route changes on Monday.')).toContainText(
        chat.caveat.DO_NOT_DISSEMINATE,
      );
    }

    await page.getByRole('link', { name: chat.header.members }).click();
    await page
      .getByRole('button', { name: fill(chat.group.details.removeNamed, { name: erkin.name }) })
      .click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: chat.group.details.removeDialog.confirm }).click();
    await expect(page.getByText(fill(chat.group.details.removed, { name: erkin.name }))).toBeVisible();
    // Erkin, reading the group, is told he is out of it; what he received stays on his screen, sending stops.
    await expect(third.getByText(chat.conversation.noLongerIn)).toBeVisible();
    await expect(third.getByLabel(chat.composer.label, { exact: true })).toHaveCount(0);
    await expect(third.getByRole('link', { name: chat.header.members })).toHaveCount(0);
    await page.getByRole('link', { name: chat.group.details.back }).click();
    await sendMessage(page, 'Only for the two of you now.');
    await expect(message(other, 'Only for the two of you now.')).toBeVisible();
    await expect(message(third, 'The route changes on Monday.')).toBeVisible();
    await expect(message(third, 'Only for the two of you now.')).toHaveCount(0);
  });

  test('a member offline gets the three messages sent meanwhile, in order, once back', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const { other } = await pairInConversation({ page, context, newPage, api }, 'chat-off', 'Offline');

    await other.context().setOffline(true);
    await expect(offlineBanner(other)).toBeVisible();
    for (const text of [
      'First: the bus leaves at six',
      'Second: from the south station',
      'Third: two drivers',
    ]) {
      await sendMessage(page, text);
    }
    await expect(message(page, 'Third: two drivers')).toContainText(chat.message.sent);
    await expect(message(other, 'First: the bus leaves at six')).toHaveCount(0);

    await other.context().setOffline(false);
    await expect(offlineBanner(other)).toHaveCount(0, { timeout: 15_000 });
    await expectInOrder(other, [
      'First: the bus leaves at six',
      'Second: from the south station',
      'Third: two drivers',
    ]);
  });

  test('a message written offline waits in the outbox through a reload and leaves once the network is back', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const { malika, other } = await pairInConversation(
      { page, context, newPage, api },
      'chat-outbox',
      'Outbox',
    );

    await context.setOffline(true);
    await expect(offlineBanner(page)).toBeVisible();
    await sendMessage(page, 'Written on the train, no signal');
    await expect(message(page, 'Written on the train, no signal')).toContainText(chat.message.waiting);

    // A reload while still offline finds it sealed in the outbox; back online, it leaves once.
    await page.reload().catch(() => undefined);
    await context.setOffline(false);
    await page.goto('/chat');
    await openConversation(page, malika.name);
    // Stored: "Sent", or already "Read" by her.
    await expect(message(page, 'Written on the train, no signal')).toContainText(
      new RegExp(`${chat.message.sent}|${chat.message.read}`),
      { timeout: 15_000 },
    );
    await expect(message(other, 'Written on the train, no signal')).toHaveCount(1);
    await other.reload();
    await expect(message(other, 'Written on the train, no signal')).toHaveCount(1);
  });

  test('a partner’s new device blocks sending until the member confirms the new keys', async ({
    page,
    context,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-keys-a', 'Aigul Keys');
    const malika = await chatMember(api, 'chat-keys-b', 'Malika Keys');
    const { accessToken: malikaToken } = await api.signIn(malika.email, malika.password);
    await registerDevice(api, malikaToken, 'Malika’s laptop');
    await directConversation(api, aigul, malika);
    await openChat(page, context, aigul, 'Office PC');
    await openConversation(page, malika.name);
    await sendMessage(page, 'Before her new phone');
    await expect(keyChangeWarning(page)).toHaveCount(0);

    await registerDevice(api, malikaToken, 'Malika’s new phone');
    await expect(keyChangeWarning(page)).toBeVisible();
    await expect(page.getByRole('button', { name: chat.composer.send, exact: true })).toBeDisabled();
    await expect(page.getByLabel(chat.composer.label, { exact: true })).toBeDisabled();

    await page.getByRole('button', { name: fill(chat.keyChange.accept, { name: malika.name }) }).click();
    await expect(keyChangeWarning(page)).toHaveCount(0);
    await sendMessage(page, 'After confirming her new phone');
    await expect(message(page, 'After confirming her new phone')).toContainText(chat.message.sent);
  });

  test('signing out with “wipe its keys” revokes this browser’s device, deletes its keys and tells the partner', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-wipe', 'Aigul Wipe');
    const malika = await chatMember(api, 'chat-wipe-b', 'Malika Wipe');
    await directConversation(api, aigul, malika);
    const { accessToken, member } = await api.signIn(aigul.email, aigul.password);
    await openChat(page, context, aigul, 'Shared office PC');
    const [device] = await devicesOf(api, accessToken, member.id);
    expect(device).toMatchObject({ name: 'Shared office PC', revokedAt: null });
    const other = await newPage();
    await openChat(other, other.context(), malika, 'Phone');
    await openConversation(other, aigul.name);
    // Writing to Aigul, Malika's device accepts her keys: from then on it is told when they change.
    await sendMessage(other, 'Before your shared PC is wiped');
    const removedNotice = other.getByRole('region', {
      name: plural('en', chat.deviceRemoved, 'title', 1),
    });
    await expect(removedNotice).toHaveCount(0);

    await page.goto('/sign-out');
    await page.getByLabel(en.auth.signOut.wipe).check();
    await page.getByRole('button', { name: en.auth.signOut.thisBrowser, exact: true }).click();
    await expect(title(page, en.auth.signIn.title)).toBeVisible();

    const after = await devicesOf(api, accessToken, member.id);
    expect(after.find((candidate) => candidate.id === device.id)?.revokedAt).not.toBeNull();
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(databases).not.toContain(`counterpart-device-${member.id}`);

    // Malika, reading their conversation, is told Aigul's keys changed; she can still write.
    await expect(removedNotice).toContainText(fill(chat.deviceRemoved.person, { name: aigul.name }));
    await expect(other.getByLabel(chat.composer.label, { exact: true })).toBeEnabled();
  });

  test('the chat locks itself after the idle time and opens again with the account password', async ({
    page,
    context,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-lock-a', 'Aigul Lock');
    const malika = await chatMember(api, 'chat-lock-b', 'Malika Lock');
    await directConversation(api, aigul, malika);
    // A shortened idle time, as a member of a shared office might choose (3 s).
    await context.addInitScript(() => localStorage.setItem('counterpart:chat-auto-lock-minutes', '0.05'));
    await openChat(page, context, aigul, 'Office PC');
    await openConversation(page, malika.name);
    await sendMessage(page, 'Not for the next person at this desk');

    await expect(title(page, chat.lock.title)).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('Not for the next person at this desk')).toHaveCount(0);
    await page.getByLabel(chat.lock.password).fill('not the password');
    await page.getByRole('button', { name: chat.lock.submit }).click();
    await expect(page.getByText(chat.lock.wrongPassword)).toBeVisible();
    await page.getByLabel(chat.lock.password).fill(aigul.password);
    await page.getByRole('button', { name: chat.lock.submit }).click();
    await expect(title(page, malika.name)).toBeVisible();
    await expect(message(page, 'Not for the next person at this desk')).toBeVisible();
  });

  test('keys under a passphrase: after a reload and after the idle time the chat opens only with the passphrase', async ({
    page,
    context,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-passphrase-a', 'Aigul Passphrase');
    const malika = await chatMember(api, 'chat-passphrase-b', 'Malika Passphrase');
    await directConversation(api, aigul, malika);
    const passphrase = 'a long shared-office passphrase';
    await openChat(page, context, aigul, 'Shared office PC', { passphrase });
    // From the list, not by loading /chat again: a page load asks for the passphrase (below).
    await page
      .getByRole('list', { name: chat.list.label })
      .getByRole('link', { name: new RegExp(malika.name) })
      .click();
    await expect(title(page, malika.name)).toBeVisible();
    await sendMessage(page, 'Sealed under the passphrase');

    // A reload drops the keys from memory: the chat asks for the passphrase and refuses a wrong one.
    await page.reload();
    await expect(title(page, chat.unlock.title)).toBeVisible();
    await expect(page.getByText('Sealed under the passphrase')).toHaveCount(0);
    await page.getByLabel(chat.unlock.passphrase).fill('not the passphrase');
    await page.getByRole('button', { name: chat.unlock.submit }).click();
    await expect(page.getByText(chat.unlock.wrongPassphrase)).toBeVisible();
    await page.getByLabel(chat.unlock.passphrase).fill(passphrase);
    await page.getByRole('button', { name: chat.unlock.submit }).click();
    await expect(title(page, malika.name)).toBeVisible();
    await expect(message(page, 'Sealed under the passphrase')).toBeVisible();

    // Auto-lock on a protected device asks for the passphrase again, not the account password (3 s idle time).
    await page.evaluate(() => localStorage.setItem('counterpart:chat-auto-lock-minutes', '0.05'));
    await expect(title(page, chat.lock.title)).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText(chat.lock.introPassphrase)).toBeVisible();
    await expect(page.getByText('Sealed under the passphrase')).toHaveCount(0);
    await page.getByLabel(chat.unlock.passphrase).fill(aigul.password);
    await page.getByRole('button', { name: chat.lock.submit }).click();
    await expect(page.getByText(chat.unlock.wrongPassphrase)).toBeVisible();
    await page.getByLabel(chat.unlock.passphrase).fill(passphrase);
    await page.getByRole('button', { name: chat.lock.submit }).click();
    await expect(message(page, 'Sealed under the passphrase')).toBeVisible();
  });

  test('two tabs of one browser on one conversation: both get the partner’s message, and each shows the other’s once', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const { aigul, malika, other } = await pairInConversation(
      { page, context, newPage, api },
      'chat-tabs',
      'Tabs',
    );
    const second = await context.newPage();
    await openConversation(second, malika.name);

    await sendMessage(other, 'To both of your tabs');
    await expect(message(page, 'To both of your tabs')).toBeVisible();
    await expect(message(second, 'To both of your tabs')).toBeVisible();

    await sendMessage(page, 'Sent from the first tab');
    await expect(message(page, 'Sent from the first tab')).toContainText(
      new RegExp(`${chat.message.sent}|${chat.message.read}`),
    );
    await expect(message(second, 'Sent from the first tab')).toBeVisible();
    await expect(message(other, 'Sent from the first tab')).toHaveCount(1);
    await sendMessage(second, 'And one from the second');
    await expect(message(page, 'And one from the second')).toBeVisible();
    for (const tab of [page, second, other]) {
      await expect(message(tab, 'Sent from the first tab')).toHaveCount(1);
      await expect(message(tab, 'And one from the second')).toHaveCount(1);
    }
    await expect(message(other, 'And one from the second')).toContainText(aigul.name);
  });

  test('the export for the record carries each message’s caveat, on the page and in the JSON file', async ({
    page,
    context,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-export-a', 'Aigul Export');
    const malika = await chatMember(api, 'chat-export-b', 'Malika Export');
    const { accessToken: malikaToken } = await api.signIn(malika.email, malika.password);
    await registerDevice(api, malikaToken, 'Malika’s phone');
    await directConversation(api, aigul, malika);
    await openChat(page, context, aigul, 'Office PC');
    await openConversation(page, malika.name);
    await sendMessage(page, 'The informal answer on the two passports.', 'INFORMAL_NOT_FOR_JUDICIAL_USE');
    await sendMessage(page, 'A plain follow-up.');
    await expect(message(page, 'A plain follow-up.')).toContainText(chat.message.sent);

    await page.getByRole('link', { name: chat.header.export }).click();
    await expect(title(page, chat.exporting.title)).toBeVisible();
    const record = page.getByRole('main');
    await expect(record.getByText('The informal answer on the two passports.')).toBeVisible();
    await expect(record).toContainText(chat.caveat.INFORMAL_NOT_FOR_JUDICIAL_USE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: chat.exporting.download }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      messages: Array<{ text: string | null; caveat: string | null; senderName: string }>;
      participants: Array<{ name: string; verification: string | null }>;
    };
    expect(file.messages.map((entry) => [entry.text, entry.caveat])).toEqual([
      ['The informal answer on the two passports.', 'INFORMAL_NOT_FOR_JUDICIAL_USE'],
      ['A plain follow-up.', 'NONE'],
    ]);
    expect(file.participants.find((entry) => entry.name === malika.name)?.verification).toBe('unverified');
  });

  test('a canary typed in the browser never reaches the database file, its WAL or the server log', async ({
    page,
    context,
    newPage,
    api,
  }) => {
    const aigul = await chatMember(api, 'chat-canary-a', 'Aigul Canary');
    const malika = await chatMember(api, 'chat-canary-b', 'Malika Canary');
    await directConversation(api, aigul, malika);
    const other = await newPage();
    await openChat(page, context, aigul, 'Office PC');
    await openChat(other, other.context(), malika, 'Phone');
    await openConversation(page, malika.name);
    const canary = `CANARY-${aigul.id}-ПРОВЕРКА`;
    await sendMessage(page, canary, 'DO_NOT_DISSEMINATE');
    await openConversation(other, aigul.name);
    await expect(message(other, canary)).toBeVisible();

    const folder = serverFolder();
    // All three must exist: a check of a missing file would pass on nothing (the WAL stays, checkpoints are PASSIVE).
    const files = ['counterpart.sqlite', 'counterpart.sqlite-wal', 'api.log'].map((name) =>
      join(folder, name),
    );
    expect(files.filter((file) => !existsSync(file))).toEqual([]);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(canary, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(aigul.id.slice(0, 8) + '-ПРОВЕРКА', 'utf8')), file).toBe(false);
    }
  });
});
