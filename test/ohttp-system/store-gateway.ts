// A gateway in front of a counting target, with `store` as its replay store, and an OHTTP client
// for it: what a failing store must come to (503 inside the encapsulation, the target never run).
import { hpke, ohttp, type ReplayStore } from 'oblivia';

export function gatewayWithStore(store: ReplayStore, timeoutMs?: number) {
  const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const target = { runs: 0 };
  const gateway = ohttp.gateway({
    keys: [key],
    target: async () => (target.runs++, new Response()),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    replay: { store },
  });
  const client = ohttp.client({ relay: gateway, keys: [ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key))] });
  return { client, target };
}
