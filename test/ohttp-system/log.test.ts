// The log filter: only allow-listed fields of their checked types pass; strings only from fixed
// sets; a line without a known hop and event is dropped; a throwing sink costs nothing.
import { expect, test } from 'vitest';
import { ohttp, type LogEntry } from 'oblivia';

test('only allow-listed, well-typed fields pass', () => {
  const lines: LogEntry[] = [];
  const log = ohttp.logger((l) => lines.push(l));
  log({
    hop: 'gateway',
    event: 'served',
    status: 200,
    requestBytes: 10,
    responseBytes: 20,
    keyId: 7,
    durationMs: 1.5,
    error: 'DECRYPT',
    address: '203.0.113.9',
    body: 'secret',
    cookie: 'secret',
  });
  log({
    hop: 'relay',
    event: 'refused',
    status: 'secret',
    keyId: 256,
    requestBytes: -1,
    responseBytes: 1.5,
    durationMs: Infinity,
    error: 'secret',
  });
  log({ hop: 'relay', event: 'secret' });
  log({ hop: 'secret', event: 'served' });
  log({ event: 'served' });
  expect(lines).toEqual([
    {
      hop: 'gateway',
      event: 'served',
      status: 200,
      requestBytes: 10,
      responseBytes: 20,
      keyId: 7,
      durationMs: 1.5,
      error: 'DECRYPT',
    },
    { hop: 'relay', event: 'refused' },
  ]);
  expect(Object.isFrozen(lines[0])).toBe(true);
});

test('no sink drops everything; a throwing sink does not throw', () => {
  expect(() => ohttp.logger()({ hop: 'client', event: 'served' })).not.toThrow();
  const log = ohttp.logger(() => {
    throw new Error('sink down');
  });
  expect(() => log({ hop: 'client', event: 'served' })).not.toThrow();
  expect(() => ohttp.logger('console' as never)).toThrow(TypeError);
});
