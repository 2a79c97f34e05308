import { ErrorCode } from '@app/common';
import { hostilePayload, MAX_PAYLOAD_DEPTH } from './payload-guard';

/** A payload as it arrives off the wire: JSON.parse makes "__proto__" an own property. */
const wire = (json: string): unknown => JSON.parse(json);

describe(hostilePayload.name, () => {
  it('should let ordinary payloads through, arrays and primitives included', () => {
    expect(hostilePayload(wire('{"conversationId":"c","typing":true}'))).toBeUndefined();
    expect(hostilePayload(wire('{"envelope":{"wraps":[{"deviceId":"d","key":"k"}]}}'))).toBeUndefined();
    expect(hostilePayload(wire('[1,2,{"a":null}]'))).toBeUndefined();
    expect(hostilePayload('text')).toBeUndefined();
    expect(hostilePayload(undefined)).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('should refuse a top-level %s key, naming it', (key) => {
    const refusal = hostilePayload(wire(`{"${key}":{"x":1},"conversationId":"c","typing":true}`));
    expect(refusal?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal?.fields).toEqual([{ path: key, code: 'NOT_ALLOWED', message: 'reserved field name' }]);
  });

  it('should refuse a reserved key at any depth, inside arrays too, with its path', () => {
    expect(hostilePayload(wire('{"since":{"constructor":1}}'))?.fields).toEqual([
      { path: 'since.constructor', code: 'NOT_ALLOWED', message: 'reserved field name' },
    ]);
    expect(
      hostilePayload(wire('{"envelope":{"wraps":[{"a":1},{"__proto__":{"polluted":true}}]}}'))?.fields,
    ).toEqual([{ path: 'envelope.wraps.1.__proto__', code: 'NOT_ALLOWED', message: 'reserved field name' }]);
  });

  it('should refuse nesting deeper than the limit without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) {
      deep = [deep];
    }
    expect(hostilePayload(deep)?.message).toMatch(/nested deeper/);
    let justFine: unknown = 1;
    for (let i = 0; i < MAX_PAYLOAD_DEPTH; i += 1) {
      justFine = { a: justFine };
    }
    expect(hostilePayload(justFine)).toBeUndefined();
    expect(hostilePayload({ a: justFine })?.code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', '__lookupGetter__', 'isPrototypeOf'])(
    'should refuse a key every object inherits (%s), which class-transformer would drop',
    (key) => {
      expect(hostilePayload(wire(`{"since":{"${key}":1}}`))?.fields).toEqual([
        { path: `since.${key}`, code: 'NOT_ALLOWED', message: 'reserved field name' },
      ]);
    },
  );

  it('should not mistake an array index or a look-alike key for a reserved one', () => {
    expect(
      hostilePayload(wire('{"Constructor":1,"__proto":2,"proto":3,"items":["__proto__"]}')),
    ).toBeUndefined();
  });
});
