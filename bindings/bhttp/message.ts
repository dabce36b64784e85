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
  /** The method (a token, such as `GET`). */
  method: string;
  /** The scheme, such as `https`. */
  scheme: string;
  /** May be empty: then a Host header field usually names the target (§5.1). */
  authority: string;
  /** The path and query, such as `/a?b`. */
  path: string;
  /** The header section's field lines (§3.6); none by default. */
  headers?: readonly Field[];
  /** The content; empty by default. */
  content?: Uint8Array;
  /** The trailer section's field lines; none by default. */
  trailers?: readonly Field[];
}

/** An informational (1xx) response that precedes the final one (§3.5.1). */
export interface InformationalResponse {
  /** The status, 100–199. */
  status: number;
  /** Its header section. */
  headers: Field[];
}

/** A response to encode: informational responses, final status (§3.5), sections and content. */
export interface BhttpResponseInit {
  /** Informational (1xx) responses before the final one (§3.5.1). */
  informational?: readonly { readonly status: number; readonly headers?: readonly Field[] }[];
  /** The final status, 200–599. */
  status: number;
  /** The header section's field lines; none by default. */
  headers?: readonly Field[];
  /** The content; empty by default. */
  content?: Uint8Array;
  /** The trailer section's field lines; none by default. */
  trailers?: readonly Field[];
}

/** A decoded request: every part present, absent sections empty. */
export interface BhttpRequest {
  /** The method. */
  method: string;
  /** The scheme. */
  scheme: string;
  /** The authority; may be empty (then Host names the target, §5.1). */
  authority: string;
  /** The path and query. */
  path: string;
  /** The header section; field names lowercase. */
  headers: Field[];
  /** The content (empty if none). */
  content: Uint8Array;
  /** The trailer section; field names lowercase. */
  trailers: Field[];
}

/** A decoded response: every part present, absent sections empty. */
export interface BhttpResponse {
  /** The informational (1xx) responses, in order. */
  informational: InformationalResponse[];
  /** The final status. */
  status: number;
  /** The header section; field names lowercase. */
  headers: Field[];
  /** The content (empty if none). */
  content: Uint8Array;
  /** The trailer section; field names lowercase. */
  trailers: Field[];
}
