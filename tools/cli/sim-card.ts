// readerctl sim card --vpcd: an emulated My Number card in vsmartcard-vpcd's virtual reader,
// so pcscd and any PC/SC application (OpenSC, a clinic terminal's own software) can use it.
import { EXIT, positiveInt, untilStopped } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { typeBPseudoAtr } from '../../protocol/ccid/ccid.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { VPCD_PORT } from '../../protocol/vpcd/vpcd.js';
import { PROFILES, type ProfileName } from '../../sim/card/card-profiles.js';
import { type CardCounters, MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { serveCardToVpcd, type VpcdEvent } from '../../sim/card/vpcd-client.js';
import { simCommand } from './specs/sim.js';

/** parseArgs has no optional values: a bare --vpcd gets the default address. */
function withVpcdDefault(argv: string[]): string[] {
  const out = [...argv];
  const i = out.indexOf('--vpcd');
  if (i >= 0 && (i === out.length - 1 || out[i + 1]!.startsWith('-')))
    out.splice(i + 1, 0, `localhost:${VPCD_PORT}`);
  return out;
}

export function parseHostPort(v: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*))(?::(\d+))?$/.exec(v);
  const port = m?.[3] === undefined ? VPCD_PORT : Number(m[3]);
  const host = m?.[1] ?? m?.[2] ?? '';
  if (!m || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new ReaderError(ErrorCode.Usage, `--vpcd takes HOST:PORT (port 1-65535), not "${v}"`);
  return { host: host || 'localhost', port };
}

export async function simCard(argv: string[]): Promise<number> {
  const { values } = parseCommand(simCommand, withVpcdDefault(argv));
  if (values.vpcd === undefined)
    throw new ReaderError(
      ErrorCode.Usage,
      'sim card needs --vpcd [HOST:PORT] (vsmartcard-vpcd is its reader)',
    );
  const { host, port } = parseHostPort(values.vpcd);
  const profile = (values.profile ?? 'normal') as ProfileName;
  if (!Object.hasOwn(PROFILES, profile))
    throw new ReaderError(ErrorCode.Usage, `--profile is one of ${Object.keys(PROFILES).join(', ')}`);
  const waitS = positiveInt(values.wait, '--wait', 30);

  const card = await MyNumberCard.create({
    stateDir: values.state ?? 'var/emulator',
    cardId: `sim-${profile}`,
    profile,
    resetCounters: values.reset,
  });
  const atr = values.contactless ? typeBPseudoAtr(card.atqb) : card.contactAtr;
  const json = values.json ?? false;
  const say = (o: Record<string, unknown>, human?: string) => {
    if (json) process.stdout.write(`${JSON.stringify(o)}\n`);
    else if (human) process.stderr.write(`${human}\n`);
  };
  let counters: CardCounters = card.counterValues;
  const onEvent = (e: VpcdEvent) => {
    if (e.event === 'connected') say(e, `In vpcd's reader at ${e.host}:${e.port}.`);
    else if (e.event === 'disconnected') say(e, `Out of the reader: ${e.reason}.`);
    else if (e.event === 'card-removed') say(e, 'The card left the field (profile removed-mid-command).');
    else say(e);
    const now = card.counterValues;
    if (JSON.stringify(now) !== JSON.stringify(counters)) {
      counters = now;
      say({ event: 'counters', ...now }, `Counters now: ${JSON.stringify(now)}`);
    }
  };

  const served = serveCardToVpcd(
    { atr, process: (b) => card.process(b), deselect: () => card.deselect() },
    { host, port, connectTimeoutMs: waitS * 1000, onEvent },
  );
  say(
    { event: 'ready', profile, cardId: card.id, atr: Buffer.from(atr).toString('hex'), counters },
    `Emulated ${profile} card ${card.id} going into vpcd's reader at ${host}:${port}. Ctrl-C to stop.`,
  );
  const outcome = await Promise.race([
    untilStopped().then(() => 'stopped' as const),
    served.done.then(
      () => 'stopped' as const,
      (e: unknown) => e,
    ),
  ]);
  await served.stop();
  if (outcome !== 'stopped') throw outcome;
  const { trace: _trace, ...stats } = card.stats;
  say({ event: 'stopped', stats, counters: card.counterValues }, `Stopped after ${stats.apdus} APDUs.`);
  return EXIT.ok;
}
