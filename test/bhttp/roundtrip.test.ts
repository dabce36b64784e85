// Round trips of random valid messages: encode in either framing with padding, then decode, gives
// the message back (names lowercased, absent parts empty); both framings decode alike; encoding is
// canonical; and a known-length message without padding may drop its empty trailing parts (§3.8).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bhttp } from 'oblivia';
import { hex } from '../helpers.js';
import { expectedRequest, expectedResponse, optionsArb, requestArb, responseArb, RUNS } from './arbitraries.js';

/** `message` with its content as hex: deep equality on long Uint8Arrays is slow. */
const view = <T extends { content: Uint8Array }>(message: T) => ({ ...message, content: hex(message.content) });

test('request → encode → decode → the same request', () => {
  fc.assert(
    fc.property(requestArb(), optionsArb, (request, options) => {
      const encoded = bhttp.encodeRequest(request, options);
      const decoded = bhttp.decodeRequest(encoded);
      expect(view(decoded)).toEqual(view(expectedRequest(request)));
      expect(hex(bhttp.encodeRequest(decoded, options))).toBe(hex(encoded));
      expect(
        view(bhttp.decodeRequest(bhttp.encodeRequest(request, { indeterminate: !options.indeterminate }))),
      ).toEqual(view(decoded));
      expect(encoded[0]).toBe(options.indeterminate ? 2 : 0);
    }),
    { numRuns: RUNS },
  );
});

test('response → encode → decode → the same response', () => {
  fc.assert(
    fc.property(responseArb(), optionsArb, (response, options) => {
      const encoded = bhttp.encodeResponse(response, options);
      const decoded = bhttp.decodeResponse(encoded);
      expect(view(decoded)).toEqual(view(expectedResponse(response)));
      expect(hex(bhttp.encodeResponse(decoded, options))).toBe(hex(encoded));
      expect(
        view(bhttp.decodeResponse(bhttp.encodeResponse(response, { indeterminate: !options.indeterminate }))),
      ).toEqual(view(decoded));
      expect(encoded[0]).toBe(options.indeterminate ? 3 : 1);
    }),
    { numRuns: RUNS },
  );
});

test('a known-length message without trailers, or without content and trailers, may leave them out', () => {
  fc.assert(
    fc.property(requestArb(), fc.boolean(), (request, noContent) => {
      const bare = { ...request, content: noContent ? undefined : request.content, trailers: undefined };
      const encoded = bhttp.encodeRequest(bare);
      const cut = noContent ? 2 : 1; // the zero lengths of the parts left out
      expect(view(bhttp.decodeRequest(encoded.subarray(0, encoded.length - cut)))).toEqual(
        view(bhttp.decodeRequest(encoded)),
      );
    }),
    { numRuns: RUNS },
  );
});
