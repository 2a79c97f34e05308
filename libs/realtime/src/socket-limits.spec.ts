import { loadConfiguration } from '@app/config';
import { SocketLimits } from './socket-limits';

describe(SocketLimits.name, () => {
  const chat = loadConfiguration({
    NODE_ENV: 'test',
    CHAT_RATE_LIMIT_MESSAGES: '3',
    CHAT_RATE_LIMIT_WINDOW_MS: '1000',
    CHAT_TYPING_INTERVAL_MS: '500',
  }).chat;

  it('should allow the budget per window per socket, then refuse RATE_LIMITED until the window turns', () => {
    const limits = new SocketLimits(chat);
    jest.useFakeTimers({ now: 0 });
    try {
      for (let i = 0; i < 3; i += 1) {
        limits.send('a');
      }
      expect(() => limits.send('a')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
      limits.send('b'); // another socket has its own budget
      jest.setSystemTime(1000);
      expect(() => limits.send('a')).not.toThrow();
    } finally {
      jest.useRealTimers();
    }
  });

  it('should pass typing on once per interval, and stopping always', () => {
    const limits = new SocketLimits(chat);
    expect(limits.typing('a', 'c1', true, 0)).toBe(true);
    expect(limits.typing('a', 'c1', true, 100)).toBe(false);
    expect(limits.typing('a', 'c2', true, 100)).toBe(true);
    expect(limits.typing('a', 'c1', false, 200)).toBe(true);
    expect(limits.typing('a', 'c1', true, 300)).toBe(true);
    expect(limits.typing('a', 'c1', true, 900)).toBe(true);
    limits.forget('a');
    expect(limits.typing('a', 'c1', true, 901)).toBe(true);
  });
});
