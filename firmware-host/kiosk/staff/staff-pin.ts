// The staff PIN of the kiosk's staff screen: kept in the configuration only as a salted scrypt
// hash (`readerd --hash-staff-pin` makes one), compared in constant time, never logged. After
// `maxTries` wrong PINs the screen is locked for `lockoutMs`; a right PIN opens a short-lived
// staff session (a random token the staff page sends back).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ErrorCode, ReaderError } from '../../../protocol/errors.js';

const N = 16384;
const KEYLEN = 32;

export const STAFF_PIN_PATTERN = /^\d{4,12}$/;

export function hashStaffPin(pin: string): string {
  if (!STAFF_PIN_PATTERN.test(pin)) throw new ReaderError(ErrorCode.Usage, 'a staff PIN is 4 to 12 digits');
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEYLEN, { N });
  return `scrypt$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Is `hash` one this code can check (the configuration's own validation)? */
export function staffHashProblem(hash: string): string | undefined {
  const parts = hash.split('$');
  if (parts.length !== 4 || parts[0] !== 'scrypt' || !/^\d+$/.test(parts[1]!))
    return 'must be a hash from `readerd --hash-staff-pin` (scrypt$N$salt$hash), never the PIN itself';
  const n = Number(parts[1]);
  if (n < 1024 || n > 1_048_576 || (n & (n - 1)) !== 0) return 'scrypt N must be a power of two from 1024';
  return undefined;
}

export function verifyStaffPin(pin: string, stored: string): boolean {
  const [, n, salt, hash] = stored.split('$');
  const want = Buffer.from(hash ?? '', 'base64');
  if (!n || !salt || want.length === 0) return false;
  const got = scryptSync(pin, Buffer.from(salt, 'base64'), want.length, { N: Number(n) });
  return timingSafeEqual(got, want);
}

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly expiresMs: number }
  | { readonly ok: false; readonly why: 'wrong'; readonly triesLeft: number }
  | { readonly ok: false; readonly why: 'locked'; readonly retryAfterMs: number };

export interface StaffGateOptions {
  readonly pinHash: string;
  readonly maxTries: number;
  readonly lockoutMs: number;
  /** How long a staff session lasts without use. */
  readonly sessionMs?: number;
  readonly now?: () => number;
}

/** Wrong tries, the lockout and the one staff session at a time. */
export class StaffGate {
  private wrong = 0;
  private lockedUntil = 0;
  private session?: { token: string; until: number };
  private readonly now: () => number;

  constructor(private readonly o: StaffGateOptions) {
    this.now = o.now ?? Date.now;
  }

  login(pin: unknown): LoginResult {
    const t = this.now();
    if (t < this.lockedUntil) return { ok: false, why: 'locked', retryAfterMs: this.lockedUntil - t };
    const right =
      typeof pin === 'string' && STAFF_PIN_PATTERN.test(pin) && verifyStaffPin(pin, this.o.pinHash);
    if (!right) {
      this.wrong++;
      if (this.wrong >= this.o.maxTries) {
        this.wrong = 0;
        this.lockedUntil = t + this.o.lockoutMs;
        this.session = undefined;
        return { ok: false, why: 'locked', retryAfterMs: this.o.lockoutMs };
      }
      return { ok: false, why: 'wrong', triesLeft: this.o.maxTries - this.wrong };
    }
    this.wrong = 0;
    const ms = this.o.sessionMs ?? 5 * 60_000;
    this.session = { token: randomBytes(24).toString('hex'), until: t + ms };
    return { ok: true, token: this.session.token, expiresMs: ms };
  }

  /** A request's token: valid, and the session's idle time starts again. */
  check(token: string | undefined): boolean {
    const s = this.session;
    if (!s || !token || this.now() > s.until) return false;
    const a = Buffer.from(token);
    const b = Buffer.from(s.token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
    s.until = this.now() + (this.o.sessionMs ?? 5 * 60_000);
    return true;
  }

  logout(): void {
    this.session = undefined;
  }

  get locked(): boolean {
    return this.now() < this.lockedUntil;
  }
}
