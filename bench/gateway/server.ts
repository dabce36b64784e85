// The measured side of the gateway benchmark, run as its own process: an OHTTP gateway on
// loopback, on the backend named by argv[2], in front of an in-process target that answers every
// request with 1 KiB. Prints one JSON line: the gateway's URL and its application/ohttp-keys.
import { hpke, ohttp, useBackend } from '../../bindings/index.js';
import { serveNode } from '../../bindings/node.js';
import { bytes, KiB } from '../inputs.js';

const name = process.argv[2];
if (name !== 'wasm' && name !== 'js') throw new Error(`usage: server.js wasm|js, got ${name}`);
useBackend(name);

const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
  { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
]);
const answer = bytes(KiB, 92);
const gateway = ohttp.gateway({
  keys: [key],
  target: async () => new Response(answer, { headers: { 'content-type': 'application/octet-stream' } }),
});
const server = await serveNode(gateway, { port: 0 });
console.log(JSON.stringify({ url: server.url, keys: Buffer.from(ohttp.encodeKeyConfigs([key])).toString('hex') }));
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
