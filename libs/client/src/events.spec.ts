import { Emitter } from './events';

describe(Emitter.name, () => {
  type Events = { ping: (value: number) => void; done: () => void };

  it('should call listeners with their arguments, once-listeners once, and none after off', () => {
    const emitter = new Emitter<Events>();
    const seen: string[] = [];
    const stop = emitter.on('ping', (value) => seen.push(`on ${value}`));
    emitter.once('ping', (value) => seen.push(`once ${value}`));
    emitter.emit('ping', 1);
    emitter.emit('ping', 2);
    stop();
    emitter.emit('ping', 3);
    expect(seen).toEqual(['on 1', 'once 1', 'on 2']);
  });

  it('should keep calling the other listeners when one throws, and hand the error on', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<Events>((error) => errors.push(error));
    let reached = false;
    emitter.on('done', () => {
      throw new Error('a listener bug');
    });
    emitter.on('done', () => (reached = true));
    emitter.emit('done');
    expect(reached).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ message: 'a listener bug' })]);
  });
});
