import { ContactTrust } from './contact-trust';
import { KeyDirectory } from './key-directory';
import { directoryOf, fakeDevice, FakeChatServer } from './testing/fake-chat-server';

describe(KeyDirectory.name, () => {
  const setup = () => {
    const server = new FakeChatServer();
    const me = fakeDevice();
    const partner = fakeDevice();
    server.devices = [me, partner];
    const trust = new ContactTrust();
    const directory = directoryOf(server, me, trust);
    return { server, me, partner, trust, directory };
  };

  it("should read a conversation's keys once until told they changed", async () => {
    const { server, directory } = setup();
    await directory.keysOf(server.conversationId);
    await directory.keysOf(server.conversationId);
    expect(server.keyLookups).toBe(1);
    directory.forget(server.conversationId);
    await directory.keysOf(server.conversationId);
    expect(server.keyLookups).toBe(2);
  });

  it('should neither list nor believe a device whose identity key did not sign its encryption key', async () => {
    const { server, partner, directory } = setup();
    const forged = fakeDevice(partner.listed.memberId);
    forged.listed.encryptionKey = fakeDevice().listed.encryptionKey; // the server pairs a key of its own
    server.devices.push(forged);
    const listed = await directory.keysOf(server.conversationId);
    expect(listed.map((device) => device.deviceId)).not.toContain(forged.listed.deviceId);
    expect(listed).toHaveLength(2);
  });

  it('should report members whose keys changed since this device accepted them', async () => {
    const { server, partner, trust, directory } = setup();
    trust.verify(partner.listed.memberId, [partner.listed.identityKey]);
    expect(directory.changedOwners(await directory.keysOf(server.conversationId))).toEqual([]);
    server.devices.push(fakeDevice(partner.listed.memberId));
    directory.forget(server.conversationId);
    expect(directory.changedOwners(await directory.keysOf(server.conversationId))).toEqual([
      partner.listed.memberId,
    ]);
    expect(trust.state(partner.listed.memberId)).toBe('changed');
  });

  it('should call a sender unknown only after the key list was read again', async () => {
    const { server, partner, directory } = setup();
    const message = {
      messageId: 'm-1',
      conversationId: server.conversationId,
      seq: 1,
      senderId: partner.listed.memberId,
      senderDeviceId: partner.listed.deviceId,
      clientMessageId: 'c-1',
      envelope: {},
      sentAt: new Date().toISOString(),
    };
    await expect(directory.senderDevice(message)).resolves.toMatchObject({
      deviceId: partner.listed.deviceId,
    });
    const lookups = server.keyLookups;
    await expect(
      directory.senderDevice({ ...message, senderDeviceId: 'no-such-device' }),
    ).resolves.toBeUndefined();
    expect(server.keyLookups).toBeGreaterThan(lookups);
  });
});
