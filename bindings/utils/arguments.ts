// Argument checks shared by the public API: a wrong type is a TypeError, a wrong length or range
// is a RangeError, and the message names the argument.

/** The type of a wrong argument, for messages: a view's class name, else `typeof` (or 'null'). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}

export function bytes(value: unknown, name: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`"${name}" expected Uint8Array, got ${describe(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`"${name}" expected Uint8Array of length ${length}, got length=${value.length}`);
  }
  return value;
}

/** An optional byte string: `undefined` reads as empty. */
export function optionalBytes(value: unknown, name: string): Uint8Array {
  return value === undefined ? EMPTY : bytes(value, name);
}

export function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') throw new TypeError(`"${name}" expected integer, got ${describe(value)}`);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`"${name}" expected integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** An object (not null), its members still unchecked. */
export function objectArgument<T extends object>(value: T, name: string): Partial<T>;
export function objectArgument<T extends object>(value: unknown, name: string): Partial<T>;
export function objectArgument(value: unknown, name: string): object {
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`"${name}" expected object, got ${describe(value)}`);
  return value;
}

/** An options bag: undefined (read as empty) or an object. */
export function optionsArgument<T extends object>(value: T | undefined, name = 'options'): Partial<T> {
  return value === undefined ? {} : objectArgument(value, name);
}

const EMPTY = new Uint8Array(0);
