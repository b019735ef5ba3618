// The emulated cards' PKI: test certificate authorities and, per card, RSA-2048
// user-authentication and digital-signature keys and X.509 certificates, made on first use and kept in the
// emulator's state folder (real DER, readable by openssl).
import 'reflect-metadata';
import { createPrivateKey, type KeyObject, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

export interface KeyAndCert {
  readonly privateKey: KeyObject;
  readonly certDer: Uint8Array;
}

async function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function pkcs8Pem(k: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', k));
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
}

async function importPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']) as Promise<CryptoKey>;
}

function save(dir: string, pem: string, cert: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'key.pem'), pem, { mode: 0o600 });
  writeFileSync(join(dir, 'cert.der'), cert);
}

function load(dir: string): { pem: string; cert: Uint8Array } | undefined {
  if (!existsSync(join(dir, 'key.pem')) || !existsSync(join(dir, 'cert.der'))) return undefined;
  return {
    pem: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: new Uint8Array(readFileSync(join(dir, 'cert.der'))),
  };
}

type TestCa = KeyAndCert & { key: CryptoKey; cert: x509.X509Certificate };

async function caIn(stateDir: string, folder: string, cn: string): Promise<TestCa> {
  const dir = join(stateDir, folder);
  let stored = load(dir);
  if (!stored) {
    const keys = await newKeys();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: `C=JP, O=fareader test, OU=emulated JPKI, CN=${cn}`,
      notBefore: new Date(Date.UTC(2020, 0, 1)),
      notAfter: new Date(Date.UTC(2045, 0, 1)),
      signingAlgorithm: ALG,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ],
    });
    stored = { pem: await pkcs8Pem(keys.privateKey), cert: new Uint8Array(cert.rawData) };
    save(dir, stored.pem, stored.cert);
  }
  return {
    privateKey: createPrivateKey(stored.pem),
    certDer: stored.cert,
    key: await importPem(stored.pem),
    cert: new x509.X509Certificate(Buffer.from(stored.cert)),
  };
}

/** The test CA standing in for J-LIS's JPKI user-authentication CA. */
export function testCa(stateDir: string): Promise<TestCa> {
  return caIn(stateDir, 'ca', 'Test User Authentication CA');
}

/** The test CA standing in for J-LIS's JPKI digital-signature CA. */
export function testSignCa(stateDir: string): Promise<TestCa> {
  return caIn(stateDir, 'sign-ca', 'Test Digital Signature CA');
}

/**
 * A card's digital-signature key and certificate. Unlike the user-authentication certificate
 * it names the holder (JPKI puts name, birth date, sex and address in it), which is why the
 * card shows it only after the signature password.
 */
export async function cardSignCert(
  stateDir: string,
  cardId: string,
  holderName: string,
): Promise<KeyAndCert> {
  const dir = join(stateDir, 'cards', cardId, 'jpki-sign');
  let stored = load(dir);
  if (!stored) {
    const ca = await testSignCa(stateDir);
    const keys = await newKeys();
    const now = Date.now();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: `7f${Buffer.from(cardId).toString('hex').slice(0, 28)}`,
      issuer: ca.cert.subject,
      subject: `C=JP, O=fareader test, OU=emulated card, CN=${holderName.replace(/[,=+<>#;"\\]/g, ' ')}`,
      notBefore: new Date(now - 864e5),
      notAfter: new Date(now + 5 * 365 * 864e5),
      signingAlgorithm: ALG,
      publicKey: keys.publicKey,
      signingKey: ca.key,
      extensions: [
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
      ],
    });
    stored = { pem: await pkcs8Pem(keys.privateKey), cert: new Uint8Array(cert.rawData) };
    save(dir, stored.pem, stored.cert);
  }
  return { privateKey: createPrivateKey(stored.pem), certDer: stored.cert };
}

/** A card's user-authentication key and certificate (no name in it, as in JPKI). */
export async function cardUserCert(
  stateDir: string,
  cardId: string,
  opts: { expired?: boolean } = {},
): Promise<KeyAndCert> {
  const dir = join(stateDir, 'cards', cardId, 'jpki');
  let stored = load(dir);
  if (!stored) {
    const ca = await testCa(stateDir);
    const keys = await newKeys();
    const now = Date.now();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: Buffer.from(cardId).toString('hex').slice(0, 30) || '02',
      issuer: ca.cert.subject,
      subject: 'C=JP, O=fareader test, OU=emulated card',
      notBefore: new Date(opts.expired ? now - 6 * 365 * 864e5 : now - 864e5),
      notAfter: new Date(opts.expired ? now - 30 * 864e5 : now + 5 * 365 * 864e5),
      signingAlgorithm: ALG,
      publicKey: keys.publicKey,
      signingKey: ca.key,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    });
    stored = { pem: await pkcs8Pem(keys.privateKey), cert: new Uint8Array(cert.rawData) };
    save(dir, stored.pem, stored.cert);
  }
  return { privateKey: createPrivateKey(stored.pem), certDer: stored.cert };
}

/** The card-face AP's own RSA key (its public half is DF24 of the record). */
export async function cardFaceKey(stateDir: string, cardId: string): Promise<KeyObject> {
  const file = join(stateDir, 'cards', cardId, 'face-ap-key.pem');
  if (!existsSync(file)) {
    mkdirSync(join(stateDir, 'cards', cardId), { recursive: true });
    writeFileSync(file, await pkcs8Pem((await newKeys()).privateKey), { mode: 0o600 });
  }
  return createPrivateKey(readFileSync(file, 'utf8'));
}
