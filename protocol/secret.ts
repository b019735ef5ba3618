// A value that must never be shown: the PIN, 照合番号B, private keys, face images. Whatever
// field holds it, JSON, string conversion and util.inspect see "[redacted]"; only code that
// calls reveal() gets the value (STYLE.md: secrets by type). No Node import: the inspect hook
// is the registered symbol Node looks for.
const REDACTED = '[redacted]';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export class Secret<T> {
  // A private field: no enumeration, spread, structured view or inspect reaches it.
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  /** The value itself: call it only where the secret is used (the card, the matcher). */
  reveal(): T {
    return this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [INSPECT](): string {
    return REDACTED;
  }
}

export function isSecret(v: unknown): v is Secret<unknown> {
  return v instanceof Secret;
}
