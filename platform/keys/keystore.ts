// Key files on disk: the device's (or terminal's) private key, mode 0600, and a trust
// store folder of PEM public keys, one per trusted peer, named `<name>.pem`.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import {
  generateKeyPair,
  type KeyPair,
  keyIdHex,
  keyPairFromPem,
  privateKeyToDer,
  publicKeyFromPem,
  publicKeyToDer,
  toPem,
} from '../../protocol/link/keys.js';

export function createKeyFile(path: string, opts: { force?: boolean } = {}): KeyPair {
  if (existsSync(path) && !opts.force) {
    throw new ReaderError(
      ErrorCode.Config_KeyFile,
      `${path} exists; refusing to overwrite a key (use --force)`,
    );
  }
  const kp = generateKeyPair();
  // Written with mode 0600 from the first byte, so the key is never world-readable.
  writeFileSync(path, toPem('PRIVATE KEY', privateKeyToDer(kp)), {
    mode: 0o600,
    flag: opts.force ? 'w' : 'wx',
  });
  chmodSync(path, 0o600);
  return kp;
}

export function loadKeyFile(path: string): KeyPair {
  if (!existsSync(path)) throw new ReaderError(ErrorCode.Config_KeyFile, `key file ${path} does not exist`);
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new ReaderError(
      ErrorCode.Config_KeyFile,
      `key file ${path} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${path}`,
    );
  }
  return keyPairFromPem(readFileSync(path, 'utf8'));
}

export interface TrustedKey {
  readonly name: string;
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly file: string;
}

export function loadTrustDir(dir: string): Map<string, TrustedKey> {
  const out = new Map<string, TrustedKey>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.pem'))
    .sort()) {
    const file = join(dir, f);
    const publicKey = publicKeyFromPem(readFileSync(file, 'utf8'));
    const keyId = keyIdHex(publicKey);
    out.set(keyId, { name: basename(f, '.pem'), keyId, publicKey, file });
  }
  return out;
}

export function addTrusted(dir: string, name: string, publicKey: Uint8Array): TrustedKey {
  if (!/^[A-Za-z0-9._-]+$/.test(name))
    throw new ReaderError(ErrorCode.Usage, `trust name "${name}" may hold only A-Z a-z 0-9 . _ -`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pem`);
  writeFileSync(file, toPem('PUBLIC KEY', publicKeyToDer(publicKey)));
  return { name, keyId: keyIdHex(publicKey), publicKey, file };
}
