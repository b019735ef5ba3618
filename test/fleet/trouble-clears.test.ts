// A device's trouble (a flapping connection, a duplicate device id) stands while it recurs and
// clears once it has not been seen again for 10 minutes: `readerctl terminal status`
// exits 1 for a device in trouble, and must not do so forever after one burst.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalStore } from '../../tools/terminal/terminal-store.js';

/** As `readerctl terminal status --help` says: 10 minutes. */
const TROUBLE_CLEARS_MS = 10 * 60_000;

let dir: string | undefined;
let store: TerminalStore | undefined;
afterEach(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fleet trouble', () => {
  it('stands while it recurs and clears once it has not recurred for the window', () => {
    dir = mkdtempSync(join(tmpdir(), 'trouble-'));
    store = new TerminalStore(join(dir, 'terminal.sqlite'));
    const t0 = 1_700_000_000_000;
    store.noteTrouble('reader-01', 'flapping', t0);
    const trouble = (now: number) => store!.fleet(now).map((r) => [r.deviceId, r.trouble]);
    expect(trouble(t0 + 1000)).toEqual([['reader-01', 'flapping']]);
    // It recurs: the window starts again from the last time it was seen.
    store.noteTrouble('reader-01', 'flapping', t0 + TROUBLE_CLEARS_MS - 1000);
    expect(trouble(t0 + TROUBLE_CLEARS_MS + 1000)).toEqual([['reader-01', 'flapping']]);
    expect(trouble(t0 + 2 * TROUBLE_CLEARS_MS)).toEqual([['reader-01', '']]);
    expect(store.fleet(t0 + 2 * TROUBLE_CLEARS_MS)[0]?.troubleMs).toBeUndefined();
  });
});
