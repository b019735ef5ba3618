// A verified result as the JSON the receipt computer picks up, and as a line for a person.
import { toBase64, toHex } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { u64, u64ms } from '../../protocol/link/u64.js';

const v1 = fareader.v1;

export interface ResultRecord {
  readonly deviceId: string;
  readonly counter: string;
  readonly sessionId: string;
  readonly method: string;
  readonly outcome: string;
  readonly linkTest: boolean;
  readonly terminalNonce: string;
  readonly detail: string;
  readonly userAuthCertificate: string;
  readonly evidence: unknown;
  readonly consents: { kind: string; granted: boolean }[];
  readonly timings: { stage: string; durationMs: number }[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly receivedAt: string;
  readonly keyId: string;
  /** The signed envelope as received, so anyone can verify it again. */
  readonly envelope: string;
}

const strip = (prefix: string, name: string | undefined): string => (name ?? 'UNKNOWN').replace(prefix, '');

export function toRecord(
  r: fareader.v1.VerificationResult,
  keyId: string,
  envelope: Uint8Array,
  receivedMs: number,
): ResultRecord {
  // toObject renders enums by name and bytes as base64, which is what the receipt side reads.
  const o = v1.VerificationResult.toObject(r, {
    enums: String,
    bytes: String,
    longs: String,
    defaults: true,
  });
  const evidenceKey = r.evidence;
  return {
    deviceId: r.deviceId,
    counter: u64(r.counter).toString(),
    sessionId: r.sessionId,
    method: strip('METHOD_', v1.Method[r.method]),
    outcome: strip('OUTCOME_', v1.Outcome[r.outcome]),
    linkTest: r.linkTest,
    terminalNonce: toHex(r.terminalNonce),
    detail: r.detail,
    userAuthCertificate: toBase64(r.userAuthCertificate),
    evidence: evidenceKey ? { [evidenceKey]: o[evidenceKey] } : null,
    consents: r.consents.map((c) => ({
      kind: strip('CONSENT_KIND_', v1.ConsentKind[c.kind ?? 0]),
      granted: c.granted === true,
    })),
    timings: r.timings.map((t) => ({
      stage: strip('STAGE_', v1.Stage[t.stage ?? 0]),
      durationMs: t.durationMs ?? 0,
    })),
    startedAt: new Date(u64ms(r.startedAtMs)).toISOString(),
    finishedAt: new Date(u64ms(r.finishedAtMs)).toISOString(),
    receivedAt: new Date(receivedMs).toISOString(),
    keyId,
    envelope: toBase64(envelope),
  };
}

export function describe(rec: ResultRecord): string {
  const ev = rec.evidence as { face?: { score: number; threshold: number } } | null;
  const face = ev?.face ? ` score ${ev.face.score.toFixed(3)}/${ev.face.threshold.toFixed(3)}` : '';
  const consents = rec.consents.length
    ? ` consents ${rec.consents.map((c) => `${c.kind}=${c.granted ? 'yes' : 'no'}`).join(',')}`
    : '';
  const tag = rec.linkTest ? ' [link self-test]' : '';
  return `${rec.receivedAt} ${rec.deviceId} #${rec.counter} ${rec.method} ${rec.outcome}${face}${consents}${tag} session ${rec.sessionId}`;
}
