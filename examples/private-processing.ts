// Private processing, end to end on loopback: a summarisation service behind an Oblivious HTTP
// gateway (RFC 9458), a key directory, and a relay. A client fetches the gateway's keys, sends its
// chat messages through the relay, and prints the summary, what each hop saw, and its own audit
// log. Run with `npm start`. (An app writes `from 'oblivia'` and `from 'oblivia/node'`.)
import { createClient, createGateway, createKeyDirectory, createRelay, type Handler, type LogEntry } from '../bindings/index.js';
import { CLIENT_ADDRESS_HEADER, serveNode } from '../bindings/node.js';

interface ChatMessage {
  from: string;
  text: string;
}

const STOP_WORDS = new Set('the a an and or but to of in on at for with is are was were be been it this that we you i our your my me us can will just so as by from about have has had do did not'.split(' '));

/** An extractive summary: the `count` sentences whose words are most frequent overall, in order. */
function summarise(messages: readonly ChatMessage[], count = 2): string[] {
  const sentences = messages.flatMap((m) => m.text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean));
  const wordsOf = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
  const frequency = new Map<string, number>();
  for (const w of sentences.flatMap(wordsOf)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const score = (s: string) => wordsOf(s).reduce((sum, w) => sum + frequency.get(w)!, 0) / Math.max(1, wordsOf(s).length);
  const top = new Set([...sentences].sort((a, b) => score(b) - score(a)).slice(0, count));
  return sentences.filter((s) => top.has(s));
}

/** What each hop saw, for the table printed at the end. */
const saw = { relay: '', gatewayAddress: '', gatewayRequestLine: '', service: '' };
const logs: LogEntry[] = [];
const log = (entry: LogEntry) => logs.push(entry);

// The processing service: stateless; it sees the messages and nothing about who sent them.
const service = await serveNode(async (request) => {
  const { messages } = (await request.json()) as { messages: ChatMessage[] };
  saw.service = `${messages.length} messages; address header: ${request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'none'}`;
  return Response.json({ summary: summarise(messages) });
});

// The gateway decrypts and forwards to the service; the wrapper shows what its operator can read.
const directory = createKeyDirectory({ log });
const toService: Handler = async (request) => {
  const { pathname, search } = new URL(request.url);
  saw.gatewayRequestLine = `${request.method} ${pathname}${search} (decrypted)`;
  return fetch(new URL(pathname + search, service.url), { method: request.method, headers: request.headers, body: await request.arrayBuffer() });
};
const gatewayHandler = createGateway({ keys: directory.keys, target: toService, log });
const gateway = await serveNode(async (request) => {
  saw.gatewayAddress = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'none';
  return gatewayHandler(request);
});
const keys = await serveNode(directory.handler);

// The relay knows the client's address, and sees ciphertext only.
const relayHandler = createRelay({ gateway: gateway.url, log });
const relay = await serveNode(
  async (request) => {
    const size = (await request.clone().arrayBuffer()).byteLength;
    saw.relay = `client address ${request.headers.get(CLIENT_ADDRESS_HEADER)}; ${size}-byte ciphertext`;
    return relayHandler(request);
  },
  { exposeAddress: true },
);

try {
  const client = createClient({ relay: relay.url, keys: keys.url, log });
  const messages: ChatMessage[] = [
    { from: 'Ana', text: 'The design review moved to Thursday. Please bring the latency numbers for the new gateway.' },
    { from: 'Ben', text: 'Latency numbers for the gateway look good: the relay adds about two milliseconds. I will bring them Thursday.' },
    { from: 'Chloé', text: 'Lunch anyone? The new place by the station is open.' },
    { from: 'Ana', text: 'Great. After the review on Thursday we decide whether the gateway ships.' },
  ];
  const response = await client.fetch(
    new Request('https://summarise.example/v1/summarise', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages }) }),
  );
  const { summary } = (await response.json()) as { summary: string[] };

  console.log(`Summary (HTTP ${response.status}):`);
  for (const sentence of summary) console.log(`  • ${sentence}`);
  console.log('\nWhat each hop saw:');
  console.table({ relay: { saw: saw.relay }, gateway: { saw: `address header: ${saw.gatewayAddress}; request line: ${saw.gatewayRequestLine}` }, service: { saw: saw.service } });
  console.log("\nThe client's audit log (what was sent, to which key, through which relay):");
  console.table(client.audit);
  console.log('\nThe hops\' filtered logs:');
  console.table(logs.map(({ durationMs, ...rest }) => ({ ...rest, ...(durationMs !== undefined && { durationMs: Math.round(durationMs) }) })));
} finally {
  await Promise.all([relay, keys, gateway, service].map((s) => s.close()));
  directory.destroy();
}
