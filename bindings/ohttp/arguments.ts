// Argument checks of the OHTTP API beyond those of ../validate.ts: objects and options bags.

export const describe = (value: unknown): string => (value === null ? 'null' : typeof value);

/** An object (not null): else a TypeError naming the argument. */
export function objectArgument<T extends object>(value: unknown, name: string): Partial<T> {
  if (typeof value !== 'object' || value === null) throw new TypeError(`"${name}" expected object, got ${describe(value)}`);
  return value as Partial<T>;
}

/** An options bag: undefined or an object. */
export const optionsArgument = <T extends object>(value: T | undefined): Partial<T> =>
  value === undefined ? {} : objectArgument<T>(value, 'options');
