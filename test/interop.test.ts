// Independent tools agree with our code: protoc decodes what we publish, openssl verifies our
// signatures with the exported public key (and we verify openssl's with our key file).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTestResult } from '../firmware-host/link-test.js';
import { opensslEd25519 } from '../platform/keys/ed25519-openssl.js';
import { toHex, utf8 } from '../protocol/bytes.js';
import { fareader } from '../protocol/gen/fareader.js';
import { brokerPasswordInput } from '../protocol/link/broker-credentials.js';
import { open, PayloadType, seal, signingInput } from '../protocol/link/envelope.js';
import { keyIdHex } from '../protocol/link/keys.js';
import { toLong } from '../protocol/link/u64.js';
import { type LinkKeys, makeLinkKeys } from '../tools/rig/link-fixture.js';
import { missing } from './helpers/system.js';

const root = join(import.meta.dirname, '..');
const protoDir = join(root, 'protocol', 'proto');
const protos = readdirSync(join(protoDir, 'fareader', 'v1')).map((f) => join(protoDir, 'fareader', 'v1', f));
const readerctl = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'bin', 'readerctl.mjs'), ...args]);

let keys: LinkKeys;
let envelope: Uint8Array;
beforeAll(() => {
  keys = makeLinkKeys();
  const payload = fareader.v1.VerificationResult.encode({
    ...linkTestResult('session-42', Uint8Array.of(1, 2, 3), 1_700_000_000_000),
    deviceId: keys.deviceId,
    counter: toLong(9_007_199_254_740_993n), // above 2^53: must survive as a 64-bit integer
    consents: [{ kind: fareader.v1.ConsentKind.CONSENT_KIND_MEDICATION, granted: true }],
  }).finish();
  envelope = seal(PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT, payload, keys.deviceKey);
});
afterAll(() => keys.cleanup());

describe.skipIf(missing('protoc', 'protobuf-compiler'))('protoc', () => {
  it('decodes a published envelope and its result from the .proto files', () => {
    const env = execFileSync(
      'protoc',
      ['-I', protoDir, '--decode', 'fareader.v1.SignedEnvelope', ...protos],
      {
        input: envelope,
      },
    ).toString();
    expect(env).toContain('payload_type: PAYLOAD_TYPE_VERIFICATION_RESULT');
    const inner = fareader.v1.SignedEnvelope.decode(envelope).payload;
    const text = execFileSync(
      'protoc',
      ['-I', protoDir, '--decode', 'fareader.v1.VerificationResult', ...protos],
      {
        input: inner,
      },
    ).toString();
    expect(text).toContain(`device_id: "${keys.deviceId}"`);
    expect(text).toContain('counter: 9007199254740993');
    expect(text).toContain('session_id: "session-42"');
    expect(text).toContain('kind: CONSENT_KIND_MEDICATION');
    expect(text).toContain('link_test: true');
  });
});

describe.skipIf(missing('openssl', 'openssl'))('openssl', () => {
  it('verifies our envelope signature with the public key readerctl exports', () => {
    const pub = join(keys.dir, 'device.pub.pem');
    readerctl('keys', 'export', '--key', keys.deviceKeyFile, '--format', 'pem', '--out', pub);
    const env = fareader.v1.SignedEnvelope.decode(envelope);
    const msg = join(keys.dir, 'msg.bin');
    const sig = join(keys.dir, 'sig.bin');
    writeFileSync(msg, signingInput(env.payloadType, env.payload));
    writeFileSync(sig, env.signature);
    const out = execFileSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      pub,
      '-rawin',
      '-in',
      msg,
      '-sigfile',
      sig,
    ]);
    expect(out.toString()).toMatch(/Signature Verified Successfully/);
    // A flipped bit must fail in openssl too.
    const bad = Buffer.from(env.signature);
    bad[0]! ^= 1;
    writeFileSync(sig, bad);
    expect(() =>
      execFileSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', msg, '-sigfile', sig],
        {
          stdio: 'pipe',
        },
      ),
    ).toThrow();
  });

  it('reads our PKCS#8 key file: a signature openssl makes opens as our envelope', () => {
    const env = fareader.v1.SignedEnvelope.decode(envelope);
    const msg = join(keys.dir, 'msg2.bin');
    writeFileSync(msg, signingInput(env.payloadType, env.payload));
    const sig = execFileSync('openssl', [
      'pkeyutl',
      '-sign',
      '-inkey',
      keys.deviceKeyFile,
      '-rawin',
      '-in',
      msg,
    ]);
    expect(Buffer.from(sig).equals(Buffer.from(env.signature))).toBe(true);
    const der = execFileSync('openssl', ['pkey', '-in', keys.deviceKeyFile, '-pubout', '-outform', 'DER']);
    expect(Buffer.from(der.subarray(12)).equals(Buffer.from(keys.deviceKey.publicKey))).toBe(true);
    const opened = open(
      envelope,
      (id) => (id === keyIdHex(keys.deviceKey.publicKey) ? keys.deviceKey.publicKey : undefined),
      undefined,
      opensslEd25519,
    );
    expect(opened.keyId).toBe(keyIdHex(keys.deviceKey.publicKey));
  });
});

describe.skipIf(missing('openssl', 'openssl'))('broker passwords (SPEC 13.1)', () => {
  it('openssl makes the same password from our key file as readerctl broker credentials prints', () => {
    const out = JSON.parse(
      readerctl(
        'broker',
        'credentials',
        '--key',
        keys.terminalKeyFile,
        '--role',
        'terminal',
        '--id',
        'terminal-1',
        '--json',
      ).toString(),
    ) as { username: string; password: string };
    expect(out.username).toBe('fareader-term-terminal-1');
    const msg = join(keys.dir, 'broker-password.bin');
    writeFileSync(msg, brokerPasswordInput(out.username));
    expect(toHex(brokerPasswordInput('u'))).toBe(`${toHex(utf8('fareader.v1/broker-password'))}0075`);
    const sig = execFileSync('openssl', [
      'pkeyutl',
      '-sign',
      '-inkey',
      keys.terminalKeyFile,
      '-rawin',
      '-in',
      msg,
    ]);
    const b64url = Buffer.from(sig).toString('base64url');
    expect(out.password).toBe(`fa1.${keyIdHex(keys.terminalKey.publicKey)}.${b64url}`);
  });
});

describe('generated protocol code', () => {
  it('is up to date with the .proto files (npm run proto:gen regenerates it)', () => {
    const out = execFileSync(process.execPath, [
      join(root, 'protocol', 'gen', 'generate.mjs'),
      '--check',
    ]).toString();
    expect(out).toContain('up to date');
    expect(readFileSync(join(root, 'protocol', 'gen', 'fareader.d.ts'), 'utf8')).toContain(
      'class VerificationResult',
    );
  });
});
