// `readerctl terminal status`: the fleet as the terminal's store knows it, one line a device.
import type { FleetRow } from './terminal-store.js';

/** "12 s", "3 min", "5 h", "2 d": the age of a time, for people. */
export function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

function state(r: FleetRow): string {
  if (r.online === undefined) return 'unknown';
  return r.online ? 'online' : `offline${r.reason ? ` (${r.reason})` : ''}`;
}

/** The fleet as JSON lines' objects: times as ISO strings and ages in ms. */
export function fleetJson(rows: readonly FleetRow[], nowMs: number): object[] {
  return rows.map((r) => ({
    deviceId: r.deviceId,
    state: r.online === undefined ? 'unknown' : r.online ? 'online' : 'offline',
    reason: r.reason,
    firmware: r.firmware,
    bdSeq: r.bdSeq,
    outboxPendingAtBirth: r.outboxPendingAtBirth,
    lastCounter: r.lastCounter,
    stateAgeMs: r.stateMs === undefined ? null : nowMs - r.stateMs,
    accepted: r.accepted,
    lastResult:
      r.lastResultCounter === undefined
        ? null
        : {
            counter: r.lastResultCounter,
            at: new Date(r.lastResultMs!).toISOString(),
            ageMs: nowMs - r.lastResultMs!,
          },
    trouble: r.trouble || null,
    troubleAgeMs: r.troubleMs === undefined ? null : nowMs - r.troubleMs,
  }));
}

/** The fleet as a text table with a summary line. */
export function fleetText(rows: readonly FleetRow[], nowMs: number): string {
  const head = ['device', 'state', 'firmware', 'bd_seq', 'outbox', 'accepted', 'last result', 'trouble'];
  const lines = rows.map((r) => [
    r.deviceId,
    state(r),
    r.firmware || '-',
    r.bdSeq,
    String(r.outboxPendingAtBirth),
    String(r.accepted),
    r.lastResultCounter === undefined ? '-' : `#${r.lastResultCounter}, ${age(nowMs - r.lastResultMs!)} ago`,
    r.trouble ? `${r.trouble.toUpperCase()} (${age(nowMs - (r.troubleMs ?? nowMs))} ago)` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const online = rows.filter((r) => r.online).length;
  const troubled = rows.filter((r) => r.trouble).length;
  return [
    fmt(head),
    ...lines.map(fmt),
    `${rows.length} devices: ${online} online, ${rows.length - online} offline or unknown${troubled ? `, ${troubled} in trouble` : ''} (outbox: as reported in the last birth)`,
  ].join('\n');
}
