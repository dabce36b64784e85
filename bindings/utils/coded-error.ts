// The one template of every family's error class (CryptoError, OhttpError, …): a stable `code`, a
// message fixed per code that never holds a secret, the family's `name`, and what failed underneath
// as the `cause`.

/** An error of one family, with its stable code. */
export interface CodedError<Code extends string> extends Error {
  /** Why it failed: stable across versions and backends; the message is fixed per code. */
  readonly code: Code;
}

export interface CodedErrorClass<Code extends string> {
  new (code: Code, options?: { cause?: unknown }): CodedError<Code>;
  readonly prototype: CodedError<Code>;
}

/** The base class of a family's errors: `new (code, { cause })`, with `messages[code]` as message. */
export function codedError<Code extends string>(
  name: string,
  messages: Readonly<Record<Code, string>>,
): CodedErrorClass<Code> {
  return class extends Error {
    /** Why it failed: stable across versions and backends; the message is fixed per code. */
    readonly code: Code;

    constructor(code: Code, options?: { cause?: unknown }) {
      super(messages[code], options);
      this.name = name;
      this.code = code;
    }
  };
}
