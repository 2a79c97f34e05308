import { PRESENCE_TTL_MS, PresenceService } from './presence.service';

describe(PresenceService.name, () => {
  let presence: PresenceService;

  beforeEach(() => {
    presence = new PresenceService({});
  });

  afterEach(() => presence.onApplicationShutdown());

  it('should report only the first socket and the last socket of a member as transitions', async () => {
    expect(await presence.connected('m1', 1000)).toBe(true);
    expect(await presence.connected('m1', 1100)).toBe(false);
    expect(await presence.presenceOf(['m1'], 1200)).toEqual([
      { memberId: 'm1', online: true, lastSeenAt: null },
    ]);
    expect(await presence.disconnected('m1', 1300)).toBe(false);
    expect(await presence.disconnected('m1', 1400)).toBe(true);
    expect(await presence.presenceOf(['m1'], 1500)).toEqual([
      { memberId: 'm1', online: false, lastSeenAt: new Date(1400).toISOString() },
    ]);
  });

  it('should count a member offline once their node stops refreshing (a crashed node)', async () => {
    await presence.connected('m2', 0);
    expect((await presence.presenceOf(['m2'], PRESENCE_TTL_MS - 1))[0].online).toBe(true);
    expect((await presence.presenceOf(['m2'], PRESENCE_TTL_MS + 1))[0].online).toBe(false);
  });

  it('should know nothing of members never seen', async () => {
    expect(await presence.presenceOf(['nobody'])).toEqual([
      { memberId: 'nobody', online: false, lastSeenAt: null },
    ]);
  });
});
