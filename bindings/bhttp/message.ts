// The message model of Binary HTTP (RFC 9292 §3). Names, values and control data are byte strings:
// one character per byte (U+0000–U+00FF), as the Fetch API's ByteString, so every byte round-trips.

/** A field line (§3.6): a name and a value. Decoded names are lowercase. */
export type Field = readonly [name: string, value: string];

/** Options of the encoders. */
export interface EncodeOptions {
  /** The indeterminate-length form (§3.2, framing indicator 2 or 3) instead of known-length (§3.1). */
  indeterminate?: boolean;
  /** The number of zero bytes appended (§3.8), to hide the message's length. Default 0. */
  padding?: number;
}

/**
 * Options of the decoders: limits on what one message may make them hold (RFC 9110 §5.4), checked
 * as it is read, so that a hostile message costs at most what the limits allow. A message over a
 * limit is refused whole.
 */
export interface DecodeOptions {
  /** The most field lines in one field section (header, trailer, each informational). Default 128. */
  maxFieldLines?: number;
  /**
   * The most bytes of one field section: its field lines as encoded, length prefixes included
   * (the known-length section's length; §3.1, §3.2). Default 16384.
   */
  maxFieldSectionBytes?: number;
  /** The most informational (1xx) responses before the final one (§3.5.1). Default 16. */
  maxInformationalResponses?: number;
}

/** A request to encode: control data (§3.4), header section, content and trailer section. */
export interface BhttpRequestInit {
  method: string;
  scheme: string;
  /** May be empty: then a Host header field usually names the target (§5.1). */
  authority: string;
  path: string;
  headers?: readonly Field[];
  content?: Uint8Array;
  trailers?: readonly Field[];
}

/** An informational (1xx) response that precedes the final one (§3.5.1). */
export interface InformationalResponse {
  status: number;
  headers: Field[];
}

/** A response to encode: informational responses, final status (§3.5), sections and content. */
export interface BhttpResponseInit {
  informational?: readonly { readonly status: number; readonly headers?: readonly Field[] }[];
  status: number;
  headers?: readonly Field[];
  content?: Uint8Array;
  trailers?: readonly Field[];
}

/** A decoded request: every part present, absent sections empty. */
export interface BhttpRequest {
  method: string;
  scheme: string;
  authority: string;
  path: string;
  headers: Field[];
  content: Uint8Array;
  trailers: Field[];
}

/** A decoded response: every part present, absent sections empty. */
export interface BhttpResponse {
  informational: InformationalResponse[];
  status: number;
  headers: Field[];
  content: Uint8Array;
  trailers: Field[];
}
