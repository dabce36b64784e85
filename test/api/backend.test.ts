import { expect, test } from 'vitest';
import { backend } from 'oblivia';
import { TEST_BACKEND } from '../helpers.js';

test('the project runs on the backend it names', () => {
  expect(backend()).toBe(TEST_BACKEND === 'js' ? 'js' : 'wasm');
});
