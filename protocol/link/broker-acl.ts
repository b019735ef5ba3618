// Who may publish and subscribe where (SPEC §13.3): a device only on its own topics, a terminal
// on its own state and the devices' cmd and ack. One table serves the embedded broker and the
// generated Mosquitto ACL file, so the two cannot drift apart.
import type { BrokerIdentity } from './broker-credentials.js';
import { pairingTopics, TOPIC_ROOT } from './topics.js';

export interface AclRule {
  readonly access: 'read' | 'write';
  /** An MQTT topic filter (may hold + and #). */
  readonly topic: string;
}

export function aclRules(who: BrokerIdentity): AclRule[] {
  if (who.pairingWith !== undefined) {
    // An untrusted terminal in a pairing window (SPEC 15.8): that device's pairing topics only.
    const p = pairingTopics(who.pairingWith);
    return [
      { access: 'write', topic: p.toDevice },
      { access: 'read', topic: p.toTerminal },
    ];
  }
  if (who.role === 'dev') {
    const pair = pairingTopics(who.id);
    const own = `${TOPIC_ROOT}/dev/${who.id}`;
    return [
      ...['state', 'event', 'result', 'response'].map((k) => ({
        access: 'write' as const,
        topic: `${own}/${k}`,
      })),
      // Its own state too: it re-asserts its birth when something else replaced it (§13.4).
      ...['cmd', 'ack', 'state'].map((k) => ({ access: 'read' as const, topic: `${own}/${k}` })),
      { access: 'read', topic: `${TOPIC_ROOT}/term/+/state` },
      // Its pairing window's topics (SPEC 15.8), used only while staff have one open.
      { access: 'write', topic: pair.toTerminal },
      { access: 'read', topic: pair.toDevice },
    ];
  }
  return [
    { access: 'write', topic: `${TOPIC_ROOT}/term/${who.id}/state` },
    { access: 'write', topic: `${TOPIC_ROOT}/dev/+/cmd` },
    { access: 'write', topic: `${TOPIC_ROOT}/dev/+/ack` },
    // A terminal sees the whole link (the conformance kit's monitor reads everything).
    { access: 'read', topic: `${TOPIC_ROOT}/#` },
  ];
}

/** MQTT filter matching (3.1.1 §4.7): does `filter` cover every topic `sub` can match? */
export function filterCovers(filter: string, sub: string): boolean {
  const f = filter.split('/');
  const s = sub.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= s.length) return false;
    if (f[i] === '+') {
      if (s[i] === '#') return false;
      continue;
    }
    if (f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}

export function mayPublish(who: BrokerIdentity, topic: string): boolean {
  if (/[+#]/.test(topic)) return false;
  return aclRules(who).some((r) => r.access === 'write' && filterCovers(r.topic, topic));
}

export function maySubscribe(who: BrokerIdentity, filter: string): boolean {
  return aclRules(who).some((r) => r.access === 'read' && filterCovers(r.topic, filter));
}
