import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';

const dirs: string[] = [];
function dbPath(): string {
  const d = mkdtempSync(join(tmpdir(), 'outbox-'));
  dirs.push(d);
  return join(d, 'outbox.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('durable outbox', () => {
  it('allocates strictly increasing counters that survive a reopen', () => {
    const path = dbPath();
    let box = new Outbox(path);
    const a = box.enqueue('s1', (c) => Uint8Array.of(Number(c)), 1);
    const b = box.enqueue('s2', (c) => Uint8Array.of(Number(c)), 2);
    expect([a.counter, b.counter]).toEqual([1n, 2n]);
    box.ack([1n, 2n]);
    box.close();
    box = new Outbox(path);
    expect(box.pendingCount).toBe(0);
    expect(box.enqueue('s3', () => new Uint8Array(1), 3).counter).toBe(3n);
    box.close();
  });

  it('stores nothing and spends no counter when building the envelope fails', () => {
    const box = new Outbox(dbPath());
    expect(() =>
      box.enqueue(
        's',
        () => {
          throw new Error('signing failed');
        },
        1,
      ),
    ).toThrow('signing failed');
    expect(box.lastCounter).toBe(0n);
    expect(box.pendingCount).toBe(0);
    box.close();
  });

  it('keeps rows until acknowledged and replays them in counter order', () => {
    const path = dbPath();
    const box = new Outbox(path);
    for (let i = 0; i < 10; i++) box.enqueue(`s${i}`, (c) => Uint8Array.of(Number(c)), i);
    expect(box.ack([3n, 5n, 99n])).toBe(2);
    box.close();
    const again = new Outbox(path);
    const rows = again.pendingAfter(0n, 100);
    expect(rows.map((r) => r.counter)).toEqual([1n, 2n, 4n, 6n, 7n, 8n, 9n, 10n]);
    expect(rows[0]!.envelope).toEqual(Uint8Array.of(1));
    expect(again.pendingAfter(6n, 2).map((r) => r.counter)).toEqual([7n, 8n]);
    again.close();
  });

  it('remembers command ids across a reopen to refuse replays', () => {
    const path = dbPath();
    const id = Uint8Array.from({ length: 16 }, (_, i) => i);
    const box = new Outbox(path);
    expect(box.rememberCommand(id, 1000, 60_000)).toBe(true);
    box.close();
    const again = new Outbox(path);
    expect(again.rememberCommand(id, 2000, 60_000)).toBe(false);
    expect(again.nextBdSeq()).toBe(1n);
    expect(again.nextBdSeq()).toBe(2n);
    again.close();
  });
});
