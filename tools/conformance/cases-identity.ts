// Cases on what the reader says it is (its birth, SPEC 3.7) and how it connects (its CONNECT
// packet and Will, §1.1 and §3.2): the latter only the kit's own broker can see.
import { fareader } from '../../protocol/gen/fareader.js';
import { brokerUsername } from '../../protocol/link/broker-credentials.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { u64 } from '../../protocol/link/u64.js';
import { retainedState } from './cases-link.js';
import { CheckFailed, type ConnectSeen, type KitCase } from './kit.js';
import { verifiesWith } from './monitor.js';

const v1 = fareader.v1;

export const IDENTITY_CASES: KitCase[] = [
  {
    id: 'IDENT-01',
    title: 'The birth says what the reader is: firmware version, model, serial, emulated or not',
    clauses: ['3.7'],
    preconditions: 'the device is running and connected',
    expected: 'a retained birth whose firmware_version, model and serial are not empty',
    async run(k) {
      const { state, verified } = await retainedState(k);
      k.check(verified, 'the birth verifies with the key it carries');
      const said = {
        firmwareVersion: state.firmwareVersion,
        model: state.model,
        serial: state.serial,
        emulated: state.emulated,
      };
      k.check(state.firmwareVersion !== '', 'firmware_version is given', said);
      k.check(state.model !== '', 'model is given', state.model);
      k.check(state.serial !== '', 'serial is given', state.serial);
      k.step(
        state.emulated ? 'the reader says its hardware is emulated' : 'the reader says its hardware is real',
      );
    },
  },
  {
    id: 'CONN-01',
    title: 'CONNECT: MQTT 3.1.1 or later, its client id, a persistent session, keep-alive ≤ 60 s, the Will',
    clauses: ['1.1', '3.2', '3.4'],
    preconditions: 'the kit runs the broker the device connects to (it sees the CONNECT packet)',
    expected:
      'protocol level ≥ 4, client id = username = fareader-dev-{id}, clean session false, keep-alive 1–60 s; Will retained at QoS 1 on the state topic: a signed death, reason connection-lost, the birth’s bd_seq',
    needs: ['brokerControl'],
    async run(k) {
      const seen = k.broker.connects;
      if (!seen)
        throw new CheckFailed('this broker control cannot show CONNECT packets (run with --broker-control)');
      const clientId = brokerUsername('dev', k.deviceId);
      const p = await k.waitFor(
        () => seen.filter((c: ConnectSeen) => c.clientId === clientId).at(-1),
        15_000,
      );
      k.check(p !== undefined, `the device connected to the kit's broker as ${clientId}`);
      const c = p!;
      k.check(c.protocolVersion >= 4, 'protocol level 4 (MQTT 3.1.1) or later', c.protocolVersion);
      k.check(!c.clean, 'a persistent session (clean session = false)');
      k.check(
        c.keepalive > 0 && c.keepalive <= 60,
        'a keep-alive of at most 60 s (and not off)',
        c.keepalive,
      );
      k.check(c.username === clientId, 'the username is the client id', c.username);
      const w = c.will;
      k.check(w !== undefined, 'a Will is registered');
      k.check(w!.topic === deviceTopics(k.deviceId).state, 'the Will is on the state topic', w!.topic);
      k.check(w!.qos === 1 && w!.retain, 'the Will is retained at QoS 1', { qos: w!.qos, retain: w!.retain });
      let env: fareader.v1.SignedEnvelope;
      let death: fareader.v1.DeviceState;
      try {
        env = v1.SignedEnvelope.decode(w!.payload);
        death = v1.DeviceState.decode(env.payload);
      } catch (e) {
        throw new CheckFailed(`the Will is no signed DeviceState: ${(e as Error).message}`);
      }
      k.check(
        env.payloadType === v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE &&
          verifiesWith(k.monitor.devicePublicKey, env),
        "the Will is a DEVICE_STATE signed by the device's key",
      );
      k.check(
        !death.online && death.reason === 'connection-lost',
        'the Will says online=false, connection-lost',
        {
          online: death.online,
          reason: death.reason,
        },
      );
      const { state } = await retainedState(k);
      k.check(u64(death.bdSeq) === u64(state.bdSeq), 'the Will carries the current birth’s bd_seq', {
        will: u64(death.bdSeq).toString(),
        birth: u64(state.bdSeq).toString(),
      });
    },
  },
];
