// readerctl image: sign, verify and inspect MCUboot images.
import { readFileSync, writeFileSync } from 'node:fs';
import { EXIT, parseCli, positiveInt } from '../../firmware-host/cli.js';
import { opensslEd25519 } from '../../firmware-host/link/ed25519-openssl.js';
import { loadKeyFile } from '../../firmware-host/link/keystore.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { publicKeyFromPem } from '../../protocol/link/keys.js';
import {
  buildImage,
  formatVersion,
  parseImage,
  parseVersion,
  tlvName,
  verifyImage,
} from '../../protocol/mcuboot/image.js';

const HELP = `Usage: readerctl image <sign|verify|info> [options]

  sign --key FILE --version X.Y.Z[+B] [--header-size N] [--security-counter N] [--load-addr N] IN OUT
        make an MCUboot image from a raw firmware binary: header, SHA256, KEYHASH and ED25519
        TLVs (and a protected security-counter TLV when asked), signed with a key made by
        'readerctl keys create'
  verify --key FILE IMAGE
        check the image's hash and signature against a public (or private) key file; explains
        each failure; exit 5 when the image does not verify
  info IMAGE [--json]
        header, version and TLVs

Exit codes: 0 ok, 2 usage, 3 key file problem, 5 image does not verify, 1 malformed image.`;

function readFile(path: string | undefined, what: string): Uint8Array {
  if (!path) throw new ReaderError(ErrorCode.Usage, `${what} is required`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new ReaderError(ErrorCode.Usage, `cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

export function publicKeyFromFile(path: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReaderError(ErrorCode.Config_KeyFile, `cannot read key file ${path}: ${(e as Error).message}`);
  }
  return text.includes('PRIVATE KEY') ? loadKeyFile(path).publicKey : publicKeyFromPem(text);
}

export async function image(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseCli(
    rest,
    {
      key: { type: 'string' },
      version: { type: 'string' },
      'header-size': { type: 'string' },
      'security-counter': { type: 'string' },
      'load-addr': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (!action || values.help || action === '--help' || action === '-h') {
    process.stdout.write(`${HELP}\n`);
    return action ? EXIT.ok : EXIT.usage;
  }
  if (action === 'sign') {
    if (!values.key || !values.version || positionals.length !== 2) {
      throw new ReaderError(ErrorCode.Usage, 'sign needs --key, --version, an input and an output file');
    }
    const body = readFile(positionals[0], 'input');
    const out = buildImage(body, {
      version: parseVersion(values.version),
      key: loadKeyFile(values.key),
      hdrSize: positiveInt(values['header-size'], '--header-size', 0x200),
      loadAddr: positiveInt(values['load-addr'], '--load-addr', 0),
      securityCounter:
        values['security-counter'] === undefined
          ? undefined
          : positiveInt(values['security-counter'], '--security-counter', 0),
      ed: opensslEd25519,
    });
    writeFileSync(positionals[1]!, out);
    const p = parseImage(out);
    process.stdout.write(
      `signed ${positionals[1]}: version ${formatVersion(p.header.version)}, ${out.length} bytes, hash ${toHex(p.tlvs.find((t) => t.type === 0x10)!.value)}\n`,
    );
    return EXIT.ok;
  }
  if (action === 'verify') {
    if (!values.key || positionals.length !== 1)
      throw new ReaderError(ErrorCode.Usage, 'verify needs --key and an image file');
    const check = verifyImage(
      readFile(positionals[0], 'image'),
      publicKeyFromFile(values.key),
      opensslEd25519,
    );
    if (check.ok) {
      process.stdout.write(`${positionals[0]}: OK (hash and Ed25519 signature verify)\n`);
      return EXIT.ok;
    }
    for (const p of check.problems) process.stdout.write(`${positionals[0]}: ${p.message}\n`);
    return EXIT.verify;
  }
  if (action === 'info') {
    const bytes = readFile(positionals[0], 'image');
    const p = parseImage(bytes);
    const info = {
      version: formatVersion(p.header.version),
      headerSize: p.header.hdrSize,
      bodySize: p.header.imgSize,
      loadAddr: p.header.loadAddr,
      flags: p.header.flags,
      protectedTlvSize: p.header.protectTlvSize,
      totalSize: p.totalSize,
      tlvs: p.tlvs.map((t) => ({
        type: tlvName(t.type),
        protected: t.protected,
        length: t.value.length,
        value: toHex(t.value),
      })),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(info)}\n`);
    else {
      process.stdout.write(
        `version        ${info.version}\nheader size    ${info.headerSize}\nbody size      ${info.bodySize}\nload address   0x${info.loadAddr.toString(16)}\nflags          0x${info.flags.toString(16)}\ntotal size     ${info.totalSize}\nTLVs:\n`,
      );
      for (const t of info.tlvs) {
        process.stdout.write(
          `  ${t.type.padEnd(8)} ${t.protected ? 'protected ' : ''}${t.length} bytes  ${t.value.length > 64 ? `${t.value.slice(0, 64)}…` : t.value}\n`,
        );
      }
    }
    return EXIT.ok;
  }
  throw new ReaderError(ErrorCode.Usage, `unknown image action "${action}"`);
}
