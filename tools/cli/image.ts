// readerctl image: sign, verify and inspect MCUboot images, with imgtool's options and layout.
import { readFileSync, writeFileSync } from 'node:fs';
import { EXIT } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { publicKeyFromPem } from '../../protocol/link/keys.js';
import {
  buildImage,
  digestOf,
  type HashAlgorithm,
  parseImage,
  parseVersion,
  trailerLayout,
  validateImage,
} from '../../protocol/mcuboot/image.js';
import { describeImage, formatImageInfo } from '../image/image-info.js';
import { loadImageKey, nodeImageVerifier } from '../image/image-keys.js';
import { imageCommand } from './specs/image.js';

const usage = (msg: string): ReaderError => new ReaderError(ErrorCode.Usage, msg);

function readFile(path: string | undefined, what: string): Uint8Array {
  if (!path) throw usage(`${what} is required`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw usage(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

/** Ed25519 public key, raw 32 bytes, from a public or private PEM file (flash and sim use it). */
export function publicKeyFromFile(path: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReaderError(ErrorCode.Config_KeyFile, `cannot read key file ${path}: ${(e as Error).message}`);
  }
  return text.includes('PRIVATE KEY') ? loadKeyFile(path).publicKey : publicKeyFromPem(text);
}

/** A decimal or 0x-hex whole number that fits `max`, or a one-line refusal naming the field. */
export function uintOption(v: string | undefined, name: string, max: number, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = /^(0x[0-9a-f]+|\d+)$/i.test(v.trim()) ? Number(v.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw usage(`${name} "${v}" is not a whole number (decimal or 0x hex)`);
  if (n < min || n > max) {
    throw usage(
      `${name} ${v} is out of range: the field holds ${min}..0x${max.toString(16)}; nothing was written`,
    );
  }
  return n;
}

const SHAS: Record<string, HashAlgorithm | undefined> = {
  '256': 'sha256',
  '384': 'sha384',
  '512': 'sha512',
  auto: undefined,
};

interface SignValues {
  key?: string;
  version?: string;
  'header-size'?: string;
  'security-counter'?: string;
  'load-addr'?: string;
  sha?: string;
  pure?: boolean;
  'public-key-format'?: string;
  'slot-size'?: string;
  pad?: boolean;
  confirm?: boolean;
  align?: string;
  'max-sectors'?: string;
  unsigned?: boolean;
  json?: boolean;
}

function sign(values: SignValues, positionals: string[]): number {
  if (!values.version || positionals.length !== 2) {
    throw usage('sign needs -k KEY (or --unsigned), -v VERSION, an input and an output file');
  }
  if (!values.key && !values.unsigned)
    throw usage('sign needs -k KEY, or --unsigned for an image without one');
  if (values.key && values.unsigned) throw usage('--unsigned and -k KEY exclude each other');
  const version = parseVersion(values.version);
  if (values.sha !== undefined && !(values.sha in SHAS))
    throw usage(`--sha ${values.sha} is not 256, 384 or 512`);
  const format = values['public-key-format'] ?? 'hash';
  if (format !== 'hash' && format !== 'full')
    throw usage(`--public-key-format ${format} is not hash or full`);
  const slotSize = uintOption(values['slot-size'], '--slot-size', 0xffffffff, 1);
  if ((values.pad || values.confirm) && slotSize === undefined) {
    throw usage('--pad and --confirm need the slot size (-S/--slot-size)');
  }
  const counter = values['security-counter'];
  const securityCounter =
    counter === 'auto'
      ? ((version.major << 24) + (version.minor << 16) + version.revision) >>> 0
      : uintOption(counter, '--security-counter', 0xffffffff);
  const align = uintOption(values.align, '--align', 32, 1);
  const maxSectors = uintOption(values['max-sectors'], '--max-sectors', 0xffff, 1);
  // Checked even without a slot size, as imgtool checks them.
  trailerLayout({
    ...(align === undefined ? {} : { align }),
    ...(maxSectors === undefined ? {} : { maxSectors }),
  });
  const hdrSize = uintOption(values['header-size'], '--header-size', 0xffff, 32);
  const loadAddr = uintOption(values['load-addr'], '--load-addr', 0xffffffff);
  const hash = values.sha === undefined ? undefined : SHAS[values.sha];
  const body = readFile(positionals[0], 'input');
  const key = values.key ? loadImageKey(values.key) : undefined;
  if (key && !key.signer) throw usage(`${values.key} is a public key; signing needs the private key`);
  const out = buildImage(body, {
    version,
    ...(key?.signer ? { signer: key.signer } : {}),
    ...(hdrSize === undefined ? {} : { hdrSize }),
    ...(loadAddr === undefined ? {} : { loadAddr }),
    ...(securityCounter === undefined ? {} : { securityCounter }),
    ...(hash ? { hash } : {}),
    pure: values.pure === true,
    publicKeyFormat: format,
    ...(slotSize === undefined
      ? {}
      : {
          slot: {
            slotSize,
            pad: values.pad === true,
            confirm: values.confirm === true,
            ...(align === undefined ? {} : { align }),
            ...(maxSectors === undefined ? {} : { maxSectors }),
          },
        }),
  });
  // Only a complete, checked image reaches the disk.
  writeFileSync(positionals[1]!, out);
  const info = describeImage(parseImage(out));
  process.stdout.write(
    values.json
      ? `${JSON.stringify({
          file: positionals[1],
          signed: key !== undefined,
          key: key?.description,
          version: info.version,
          bytes: out.length,
          hash: { algorithm: info.hashAlgorithm, digest: info.hash },
        })}\n`
      : `${key ? `signed with ${key.description}` : 'made unsigned'} ${positionals[1]}: version ${info.version}, ${out.length} bytes, ${info.hashAlgorithm} ${info.hash}\n`,
  );
  return EXIT.ok;
}

function verify(keyFiles: string[], positionals: string[], json: boolean): number {
  if (keyFiles.length === 0 || positionals.length !== 1) throw usage('verify needs -k KEY and an image file');
  const file = positionals[0]!;
  const keys = keyFiles.map(loadImageKey);
  let check: ReturnType<typeof validateImage>;
  try {
    check = validateImage(
      readFile(file, 'image'),
      keys.map((k) => k.trusted),
      nodeImageVerifier,
    );
  } catch (e) {
    const err = new ReaderError(ErrorCode.Image_Malformed, `${file}: ${(e as Error).message}`);
    if (!json) throw err;
    // A machine reading --json gets its answer on stdout too; the exit code stays 3.
    process.stdout.write(
      `${JSON.stringify({ file, ok: false, problems: [{ code: 'malformed', message: err.message }] })}\n`,
    );
    return EXIT.config;
  }
  const by = keys.find((k) => k.trusted === check.signedBy);
  const hashName = check.hash.toUpperCase();
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        file,
        ok: check.ok,
        hash: { algorithm: check.hash, digest: toHex(check.digest) },
        pure: check.pure,
        signatures: check.signatures,
        signedBy: check.signedBy?.name,
        problems: check.problems,
      })}\n`,
    );
  } else if (check.ok) {
    process.stdout.write(
      `${file}: OK (${hashName} hash and ${by?.description ?? ''}${check.pure ? ' pure' : ''} signature verify with ${check.signedBy?.name})\n`,
    );
  } else {
    for (const p of check.problems) process.stdout.write(`${file}: ${p.message}\n`);
  }
  return check.ok ? EXIT.ok : EXIT.verify;
}

/** imgtool getpubhash's C output, so a bootloader build can take ours unchanged. */
function cArray(prefix: string, hash: Uint8Array): string {
  const rows: string[] = [];
  for (let i = 0; i < hash.length; i += 8) {
    rows.push(
      `    ${[...hash.subarray(i, i + 8)].map((b) => `0x${b.toString(16).padStart(2, '0')},`).join(' ')}`,
    );
  }
  return [
    '/* Autogenerated by imgtool.py, do not edit. */',
    `const unsigned char ${prefix}_pub_key_hash[] = {`,
    ...rows,
    '};',
    `const unsigned int ${prefix}_pub_key_hash_len = ${hash.length};`,
    '',
  ].join('\n');
}

function keyhash(keyFiles: string[], sha: string | undefined, lang: string | undefined): number {
  if (keyFiles.length !== 1) throw usage('keyhash needs one -k KEY');
  if (sha !== undefined && !SHAS[sha]) throw usage(`--sha ${sha} is not 256, 384 or 512`);
  if (lang !== undefined && lang !== 'c') throw usage(`--lang ${lang}: only c`);
  const key = loadImageKey(keyFiles[0]!).trusted;
  const hash = digestOf(SHAS[sha ?? '256']!, key.publicKey);
  const prefix = key.algorithm === 'ed25519' ? 'ed25519' : key.algorithm === 'ecdsa' ? 'ecdsa' : 'rsa';
  process.stdout.write(lang === 'c' ? cArray(prefix, hash) : `${toHex(hash)}\n`);
  return EXIT.ok;
}

function info(positionals: string[], json: boolean): number {
  const file = positionals[0];
  const bytes = readFile(file, 'image');
  let d: ReturnType<typeof describeImage>;
  try {
    d = describeImage(parseImage(bytes));
  } catch (e) {
    throw new ReaderError(ErrorCode.Image_Malformed, `${file}: ${(e as Error).message}`);
  }
  process.stdout.write(json ? `${JSON.stringify(d)}\n` : formatImageInfo(d));
  return EXIT.ok;
}

export async function image(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseCommand(imageCommand, rest, { positionals: true });
  if (!action) {
    process.stdout.write(`${helpText(imageCommand)}\n`);
    return EXIT.usage;
  }
  const keys = values.key ?? [];
  if (action === 'sign') {
    if (keys.length > 1) throw usage('sign takes one -k KEY');
    return sign({ ...values, key: keys[0] }, positionals);
  }
  if (action === 'verify') return verify(keys, positionals, values.json === true);
  if (action === 'info') return info(positionals, values.json === true);
  if (action === 'keyhash') return keyhash(keys, values.sha, values.lang);
  throw usage(`unknown image action "${action}"`);
}
