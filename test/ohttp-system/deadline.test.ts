// withinDeadline (bindings/http/exchange.ts), which bounds every next hop's answer — a target, a
// replay store: its value or its rejection as it comes, TimeoutError once the time is up, and no
// timer left behind either way, even when the exchange throws before it returns a promise.
import { afterEach, expect, test, vi } from 'vitest';
import { TimeoutError, withinDeadline } from 'oblivia/http/exchange.js';

afterEach(() => {
  vi.useRealTimers();
});

test('the value, a rejection, or a synchronous throw, as it comes; the timer is cleared', async () => {
  vi.useFakeTimers();
  await expect(withinDeadline(1_000, async () => 7)).resolves.toBe(7);
  await expect(withinDeadline(1_000, () => Promise.reject(new RangeError('no')))).rejects.toThrow(new RangeError('no'));
  await expect(
    withinDeadline(1_000, () => {
      throw new TypeError('sync');
    }),
  ).rejects.toThrow(new TypeError('sync'));
  expect(vi.getTimerCount()).toBe(0);
});

test('TimeoutError at the deadline, not a millisecond before', async () => {
  vi.useFakeTimers();
  const outcome = withinDeadline(1_000, () => new Promise<never>(() => {})).catch((e: unknown) => e);
  let settled: unknown = 'pending';
  void outcome.then((e) => (settled = e));
  await vi.advanceTimersByTimeAsync(999);
  expect(settled).toBe('pending');
  await vi.advanceTimersByTimeAsync(1);
  expect(settled).toBeInstanceOf(TimeoutError);
  expect(vi.getTimerCount()).toBe(0);
});
