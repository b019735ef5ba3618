// readerctl keys: key files and trust stores. Private keys are never printed.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EXIT } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { addTrusted, createKeyFile, loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { keyIdHex, publicKeyFromPem, publicKeyToDer, toPem } from '../../protocol/link/keys.js';
import { keysCommand } from './specs/keys.js';

function publicKeyOf(path: string): Uint8Array {
  if (!existsSync(path)) throw new ReaderError(ErrorCode.Config_KeyFile, `key file ${path} does not exist`);
  const text = readFileSync(path, 'utf8');
  return text.includes('PRIVATE KEY') ? loadKeyFile(path).publicKey : publicKeyFromPem(text);
}

function need(v: string | undefined, flag: string): string {
  if (!v) throw new ReaderError(ErrorCode.Usage, `${flag} is required`);
  return v;
}

export async function keys(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const sub = action === 'trust' ? rest.shift() : undefined;
  const { values } = parseCommand(keysCommand, rest);
  if (!action) {
    process.stdout.write(`${helpText(keysCommand)}\n`);
    return EXIT.usage;
  }
  const say = (o: Record<string, string>, text: string): void => {
    process.stdout.write(values.json ? `${JSON.stringify(o)}\n` : `${text}\n`);
  };
  switch (`${action}${sub ? ` ${sub}` : ''}`) {
    case 'create': {
      const role = need(values.role, '--role');
      if (role !== 'device' && role !== 'terminal')
        throw new ReaderError(ErrorCode.Usage, '--role is device or terminal');
      const out = need(values.out, '--out');
      const kp = createKeyFile(out, { force: values.force });
      writeFileSync(`${out}.pub.pem`, toPem('PUBLIC KEY', publicKeyToDer(kp.publicKey)));
      say(
        { role, keyFile: out, publicKeyFile: `${out}.pub.pem`, keyId: keyIdHex(kp.publicKey) },
        `created ${role} key ${out} (mode 0600), key id ${keyIdHex(kp.publicKey)}; public key in ${out}.pub.pem`,
      );
      return EXIT.ok;
    }
    case 'show': {
      const pub = publicKeyOf(need(values.key, '--key'));
      const pem = toPem('PUBLIC KEY', publicKeyToDer(pub));
      say(
        { keyId: keyIdHex(pub), publicKey: toHex(pub), pem },
        `key id      ${keyIdHex(pub)}\npublic key  ${toHex(pub)}\n${pem}`,
      );
      return EXIT.ok;
    }
    case 'export': {
      const pub = publicKeyOf(need(values.key, '--key'));
      const format = values.format ?? 'pem';
      const bytes =
        format === 'raw'
          ? pub
          : format === 'der'
            ? publicKeyToDer(pub)
            : format === 'pem'
              ? toPem('PUBLIC KEY', publicKeyToDer(pub))
              : undefined;
      if (bytes === undefined) throw new ReaderError(ErrorCode.Usage, '--format is raw, pem or der');
      if (values.out) writeFileSync(values.out, bytes);
      else process.stdout.write(bytes);
      return EXIT.ok;
    }
    case 'trust add': {
      const t = addTrusted(
        need(values.dir, '--dir'),
        need(values.name, '--name'),
        publicKeyOf(need(values.key, '--key')),
      );
      say(
        { name: t.name, keyId: t.keyId, file: t.file },
        `trusted ${t.name} (key id ${t.keyId}) in ${t.file}`,
      );
      return EXIT.ok;
    }
    case 'trust list': {
      const list = [...loadTrustDir(need(values.dir, '--dir')).values()];
      if (values.json)
        process.stdout.write(
          `${JSON.stringify(list.map(({ name, keyId, file }) => ({ name, keyId, file })))}\n`,
        );
      else for (const t of list) process.stdout.write(`${t.keyId}  ${t.name}  ${t.file}\n`);
      return EXIT.ok;
    }
    case 'trust remove': {
      const dir = need(values.dir, '--dir');
      const name = need(values.name, '--name');
      const t = [...loadTrustDir(dir).values()].find((k) => k.name === name);
      if (!t) throw new ReaderError(ErrorCode.Config_KeyFile, `no trusted key named ${name} in ${dir}`);
      rmSync(t.file);
      say({ removed: name, keyId: t.keyId }, `removed ${name} (key id ${t.keyId})`);
      return EXIT.ok;
    }
    default:
      throw new ReaderError(ErrorCode.Usage, `unknown keys action "${argv.slice(0, 2).join(' ')}"`);
  }
}
