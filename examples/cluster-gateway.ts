// The gateway of examples/cluster.ts, as the module each serveCluster worker imports: it reads the
// gateway's key and the issuer's key from the file `args.keys` names (not from `args`, which travel
// in the environment), connects to the shared Redis, and answers with an OHTTP gateway whose
// credential verifier records spent tokens there, and whose replay store (RFC 9458 §6.5) is there
// too — so a token spent, or a request answered, at one process is so at all. The target counts
// the requests it serves in Redis, for the example to show.
import { readFileSync } from 'node:fs';
import { createClient } from 'redis';
import { credentials, ohttp, type GatewayKey } from '../bindings/index.js';
import { REDIS_CLIENT_OPTIONS, redisReplayStore, redisSpentStore } from '../bindings/redis.js';

export interface ClusterGatewayArgs {
  /** A JSON file: the gateway key and the issuer's secret key, byte fields in hex. */
  readonly keys: string;
  /** redis://127.0.0.1:PORT */
  readonly redis: string;
}

/** The Redis key counting the requests the target served. */
export const SERVED = 'example:served';

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
    replay: { store: redisReplayStore({ client }) },
    target: async () => {
      await client.incr(SERVED);
      return new Response(`served by gateway process ${process.pid}`);
    },
  });
}
