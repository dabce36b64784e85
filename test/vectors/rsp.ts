// A small parser for NIST CAVP response (.rsp) files.
//
// Layout: `#` comment lines, `[NAME = value]` (or `[NAME]`) section headers whose values apply to
// the entries after them, and entries: runs of `Key = value` lines separated by blank lines.
// CRLF line endings (NIST's originals) and LF (the git copies) both parse.

export interface RspEntry {
  /** 1-based line number of the entry's first line, for failure messages. */
  line: number;
  /** The section headers in force, e.g. `{ L: '32' }`. */
  section: Readonly<Record<string, string>>;
  /** The entry's fields in file order, e.g. `{ Len: '8', Msg: 'd3', MD: '2896…' }`. */
  fields: Record<string, string>;
}

export function parseRsp(text: string): RspEntry[] {
  const entries: RspEntry[] = [];
  let section: Record<string, string> = {};
  let sectionOpen = false; // a header line was just read; the next header starts a new section
  let current: RspEntry | undefined;

  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      current = undefined;
      if (line === '') sectionOpen = false;
      return;
    }
    const header = /^\[([^\]=]+?)(?:\s*=\s*([^\]]*?))?\s*\]$/.exec(line);
    if (header) {
      current = undefined;
      if (!sectionOpen) section = {};
      section = { ...section, [header[1]!]: header[2] ?? '' };
      sectionOpen = true;
      return;
    }
    const field = /^([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!field) throw new Error(`rsp line ${index + 1}: cannot parse ${JSON.stringify(raw)}`);
    sectionOpen = false;
    if (!current) {
      current = { line: index + 1, section, fields: {} };
      entries.push(current);
    }
    const [, key, value] = field;
    if (Object.hasOwn(current.fields, key!)) throw new Error(`rsp line ${index + 1}: duplicate field ${key}`);
    current.fields[key!] = value!;
  });
  return entries;
}

/** One SHAVS byte-oriented message: `Msg` with `Len` in bits (`Len = 0` is written `Msg = 00`). */
export interface ShavsEntry {
  line: number;
  /** Message length in bits, as in the file. */
  len: number;
  msg: Uint8Array;
  /** Expected digest, lowercase hex. */
  md: string;
}

export function parseShavs(text: string): ShavsEntry[] {
  return parseRsp(text).map(({ line, fields }) => {
    const { Len, Msg, MD } = fields;
    const keys = Object.keys(fields).join(',');
    if (keys !== 'Len,Msg,MD' || Len === undefined || Msg === undefined || MD === undefined) {
      throw new Error(`rsp line ${line}: expected fields Len, Msg, MD, got ${keys}`);
    }
    if (!/^\d+$/.test(Len)) throw new Error(`rsp line ${line}: bad Len ${Len}`);
    const len = Number(Len);
    if (len % 8 !== 0) throw new Error(`rsp line ${line}: Len ${len} is not a whole number of bytes`);
    for (const [name, value] of [
      ['Msg', Msg],
      ['MD', MD],
    ] as const) {
      if (!/^(?:[0-9a-f]{2})+$/i.test(value)) throw new Error(`rsp line ${line}: ${name} is not hex`);
    }
    // Len = 0 is the empty message; the file still writes one placeholder byte.
    const msgHex = len === 0 ? '' : Msg;
    if (len === 0 && Msg !== '00') throw new Error(`rsp line ${line}: Len = 0 with Msg ${Msg}`);
    if (msgHex.length !== len / 4) {
      throw new Error(`rsp line ${line}: Len ${len} bits but Msg has ${msgHex.length / 2} bytes`);
    }
    return { line, len, msg: new Uint8Array(Buffer.from(msgHex, 'hex')), md: MD.toLowerCase() };
  });
}
