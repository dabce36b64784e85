// The gateway of examples/cluster.ts, as the module each serveCluster worker imports: it reads the
// gateway's key and the issuer's key from the file `args.keys` names (not from `args`, which travel
// in the environment), connects to the shared Redis, and answers with an OHTTP gateway whose
// credential verifier records spent tokens there — so a token spent at one process is spent at all.
import { readFileSync } from 'node:fs';
import { createClient } from 'redis';
import { credentials, ohttp, type GatewayKey } from '../bindings/index.js';
import { REDIS_CLIENT_OPTIONS, redisSpentStore } from '../bindings/redis.js';

export interface ClusterGatewayArgs {
  /** A JSON file: the gateway key and the issuer's secret key, byte fields in hex. */
  readonly keys: string;
  /** redis://127.0.0.1:PORT */
  readonly redis: string;
}

const fromHex = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

export default async function build(args: ClusterGatewayArgs) {
  const file = JSON.parse(readFileSync(args.keys, 'utf8')) as {
    gateway: Omit<GatewayKey, 'publicKey' | 'privateKey'> & { publicKey: string; privateKey: string };
    issuerSecretKey: string;
  };
  const key: GatewayKey = {
    ...file.gateway,
    publicKey: fromHex(file.gateway.publicKey),
    privateKey: fromHex(file.gateway.privateKey),
  };
  const client = createClient({ url: args.redis, ...REDIS_CLIENT_OPTIONS });
  await client.connect();
  const store = redisSpentStore({ client });
  const verify = credentials.gatewayAuthorizer(
    credentials.verifier({ secretKey: fromHex(file.issuerSecretKey), store }),
  );
  return ohttp.gateway({
    keys: [key],
    authorize: verify,
    target: async () => new Response(`served by gateway process ${process.pid}`),
  });
}
