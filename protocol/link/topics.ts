// The topic namespace (SPEC §2). Every topic carries the schema version segment.
export const TOPIC_ROOT = 'fareader/v1';

export const QOS = { state: 1, event: 0, result: 1, command: 1, response: 1, ack: 1 } as const;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Device and terminal ids are topic segments: no wildcards, separators or spaces. */
export function isValidId(id: string): boolean {
  return idPattern.test(id);
}

export const deviceTopics = (deviceId: string) =>
  ({
    state: `${TOPIC_ROOT}/dev/${deviceId}/state`,
    event: `${TOPIC_ROOT}/dev/${deviceId}/event`,
    result: `${TOPIC_ROOT}/dev/${deviceId}/result`,
    response: `${TOPIC_ROOT}/dev/${deviceId}/response`,
    command: `${TOPIC_ROOT}/dev/${deviceId}/cmd`,
    ack: `${TOPIC_ROOT}/dev/${deviceId}/ack`,
  }) as const;

/**
 * Pairing (SPEC 15.8): the two topics of one device's pairing window, outside the device's
 * own namespace so that the ACL can give an untrusted terminal these and nothing else.
 */
export const pairingTopics = (deviceId: string) =>
  ({
    toDevice: `${TOPIC_ROOT}/pair/${deviceId}/to-device`,
    toTerminal: `${TOPIC_ROOT}/pair/${deviceId}/to-terminal`,
  }) as const;

export function terminalStateTopic(terminalId: string): string {
  return `${TOPIC_ROOT}/term/${terminalId}/state`;
}

export const ALL_TERMINAL_STATES = `${TOPIC_ROOT}/term/+/state`;
/** What the terminal subscribes to for every device. */
export const ALL_DEVICES = {
  state: `${TOPIC_ROOT}/dev/+/state`,
  event: `${TOPIC_ROOT}/dev/+/event`,
  result: `${TOPIC_ROOT}/dev/+/result`,
  response: `${TOPIC_ROOT}/dev/+/response`,
} as const;

export type DeviceTopicKind = keyof ReturnType<typeof deviceTopics>;

export interface ParsedTopic {
  readonly side: 'dev' | 'term';
  readonly id: string;
  readonly kind: string;
}

export function parseTopic(topic: string): ParsedTopic | undefined {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT) return undefined;
  const [, , side, id, kind] = parts as [string, string, string, string, string];
  if ((side !== 'dev' && side !== 'term') || !isValidId(id)) return undefined;
  return { side, id, kind };
}
