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
import { basename, dirname, join, resolve } from 'node:path';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
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
import { makeDirs, withFile } from '../fs-errors.js';

export function createKeyFile(path: string, opts: { force?: boolean } = {}): KeyPair {
  if (existsSync(path) && !opts.force) {
    throw new ReaderError(
      ErrorCode.Config_KeyFile,
      `${path} exists; refusing to overwrite a key (use --force)`,
    );
  }
  const kp = generateKeyPair();
  // The README's first command writes into /etc/fareader/keys: a missing folder is made (0700).
  makeDirs(dirname(resolve(path)), 0o700, ErrorCode.Config_KeyFile, 'key folder');
  // Written with mode 0600 from the first byte, so the key is never world-readable.
  withFile(ErrorCode.Config_KeyFile, 'key file', path, () => {
    writeFileSync(path, toPem('PRIVATE KEY', privateKeyToDer(kp)), {
      mode: 0o600,
      flag: opts.force ? 'w' : 'wx',
    });
    chmodSync(path, 0o600);
  });
  return kp;
}

export function loadKeyFile(path: string): KeyPair {
  if (!existsSync(path)) throw new ReaderError(ErrorCode.Config_KeyFile, `key file ${path} does not exist`);
  const text = withFile(ErrorCode.Config_KeyFile, 'key file', path, () => readFileSync(path, 'utf8'));
  // A public key where the private one belongs is the likely slip (device.key.pub.pem sits beside
  // device.key): say so before any advice about its mode, which a public key need not have.
  if (/-----BEGIN PUBLIC KEY-----/.test(text) && !/PRIVATE KEY-----/.test(text))
    throw new ReaderError(
      ErrorCode.Config_KeyFile,
      `key file ${path} holds a PUBLIC key; give the private key (PKCS#8 PEM from 'readerctl keys create'${path.endsWith('.pub.pem') ? `, e.g. ${path.slice(0, -'.pub.pem'.length)}` : ''})`,
    );
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new ReaderError(
      ErrorCode.Config_KeyFile,
      `key file ${path} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${path}`,
    );
  }
  try {
    return keyPairFromPem(text);
  } catch (e) {
    if (!isReaderError(e)) throw e;
    throw new ReaderError(ErrorCode.Config_KeyFile, `key file ${path}: ${e.message}`, { path }, { cause: e });
  }
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
