// `makeDirs` gives the requested mode to the folder asked for only: its missing parents get the
// default (umask), so `readerctl keys create --out /etc/fareader/keys/device.key` leaves
// /etc/fareader enterable by the service user.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirs } from '../platform/fs-errors.js';
import { ErrorCode } from '../protocol/errors.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const mode = (p: string) => statSync(p).mode & 0o777;

describe('makeDirs', () => {
  it('makes only the last folder private; parents get the default mode', () => {
    root = mkdtempSync(join(tmpdir(), 'make-dirs-'));
    const plain = join(root, 'plain');
    mkdirSync(plain); // what a folder gets by default here (umask)
    const keys = join(root, 'etc', 'fareader', 'keys');
    makeDirs(keys, 0o700, ErrorCode.Config_KeyFile, 'key folder');
    expect(mode(keys)).toBe(0o700);
    expect(mode(join(root, 'etc', 'fareader'))).toBe(mode(plain));
    expect(mode(join(root, 'etc'))).toBe(mode(plain));
  });
});
