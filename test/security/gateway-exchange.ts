// One exchange with a gateway handler in process, as a client makes it: the Binary HTTP request
// encapsulated to `config`, POSTed, the outer answer checked to be 200, the inner response opened.
import { expect } from 'vitest';
import { bhttp, ohttp, type BhttpResponse, type Handler, type KeyConfig, type RequestOptions } from 'oblivia';

export async function exchangeWith(
  gateway: Handler,
  config: KeyConfig,
  bhttpRequest: Uint8Array,
  options?: RequestOptions,
): Promise<BhttpResponse> {
  const { encapsulatedRequest, context } = ohttp.encapsulateRequest(config, bhttpRequest, options);
  const outer = await gateway(
    new Request('http://gateway.test/', {
      method: 'POST',
      headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
      body: encapsulatedRequest as Uint8Array<ArrayBuffer>,
    }),
  );
  expect(outer.status).toBe(200);
  return bhttp.decodeResponse(context.decapsulateResponse(new Uint8Array(await outer.arrayBuffer())));
}
