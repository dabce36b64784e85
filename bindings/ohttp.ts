// oblivia/ohttp: Oblivious HTTP (RFC 9458). The messages — key configurations (§3), Encapsulated
// Requests and Responses (§4), the media types (§9) — over opaque Binary HTTP payloads, and the
// roles that use them (§2): `ohttp.client`, `ohttp.relay`, `ohttp.gateway` with its
// `ohttp.forwarder` to a target and its replay store (`ohttp.memoryReplayStore`, §6.5),
// `ohttp.keyDirectory`, the consistency `ohttp.mirror` (the relay serves clients the gateway's keys
// through it) and the hop `ohttp.logger`.
import { createForwarder } from './http/forwarder.js';
import { createGateway, PROBLEM_TYPE_KEY } from './http/gateway.js';
import { createKeyDirectory } from './http/key-directory.js';
import { createLogger } from './http/logger.js';
import { createMirror } from './http/mirror.js';
import { createClient } from './http/ohttp-client.js';
import { createRelay } from './http/relay.js';
import { memoryReplayStore, PROBLEM_TYPE_DATE, PROBLEM_TYPE_REPLAY } from './http/replay.js';
import { decapsulateRequest, encapsulateRequest } from './ohttp/encapsulated-request.js';
import { decodeKeyConfig, encodeKeyConfig, generateKeyConfig } from './ohttp/key-config.js';
import { MEDIA_TYPE } from './ohttp/media-types.js';
import { decodeKeyConfigs, encodeKeyConfigs } from './ohttp/ohttp-keys.js';

export const ohttp = Object.freeze({
  generateKeyConfig,
  encodeKeyConfig,
  decodeKeyConfig,
  encodeKeyConfigs,
  decodeKeyConfigs,
  encapsulateRequest,
  decapsulateRequest,
  client: createClient,
  relay: createRelay,
  gateway: createGateway,
  forwarder: createForwarder,
  keyDirectory: createKeyDirectory,
  mirror: createMirror,
  logger: createLogger,
  MEDIA_TYPE,
  PROBLEM_TYPE_KEY,
  PROBLEM_TYPE_DATE,
  PROBLEM_TYPE_REPLAY,
  memoryReplayStore,
});

export { OhttpError, type OhttpErrorCode } from './ohttp/ohttp-error.js';
export type { GatewayKey, KeyConfig } from './ohttp/key-config.js';
export type { RequestOptions } from './ohttp/encapsulated-request.js';
export type { ClientContext, GatewayContext, ResponseOptions } from './ohttp/encapsulated-response.js';
export type { SymmetricSuite } from './ohttp/key-config-suites.js';
export type { Handler } from './http/exchange.js';
export type { ForwarderOptions } from './http/forwarder.js';
export type { BhttpTarget } from './http/bhttp-service.js';
export type { GatewayOptions } from './http/gateway.js';
export type { KeyDirectory, KeyDirectoryOptions } from './http/key-directory.js';
export type { Hop, LogEntry, LogErrorCode, LogEvent, Logger, LogSink } from './http/logger.js';
export {
  ObliviousFetchError,
  type AuditEntry,
  type Client,
  type ClientErrorCode,
  type ClientOptions,
} from './http/ohttp-client.js';
export type { MirrorOptions } from './http/mirror.js';
export type { RelayOptions } from './http/relay.js';
export type { MemoryReplayStoreOptions, ReplayOptions, ReplayStore } from './http/replay.js';
