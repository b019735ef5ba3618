// The device link's command route (SPEC §8): a command the signed endpoint verified and decoded
// passes the guard (addressee, freshness, replay, sequence), is dispatched to the session
// service (or handled here: rebirth), and every command, admitted or not, gets a signed reply.

import type { EnvelopeSealer } from '../../platform/keys/envelope-sealer.js';
import type { Route } from '../../platform/link/signed-endpoint.js';
import type { Logger } from '../../platform/log.js';
import { toHex } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { deviceTopics, QOS } from '../../protocol/link/topics.js';
import { toLong } from '../../protocol/link/u64.js';
import { admitVerified, statusOfRefusal } from './command-guard.js';
import type { LinkOutbox } from './outbox.js';

const v1 = fareader.v1;
const Status = v1.ResponseStatus;

export interface CommandReply {
  readonly status: fareader.v1.ResponseStatus;
  readonly detail?: string;
  readonly sessionId?: string;
}

export type CommandHandler = (command: fareader.v1.Command) => Promise<CommandReply> | CommandReply;

export interface AdmissionOptions {
  readonly deviceId: string;
  /** The durable replay cache and sequences. */
  readonly outbox: Pick<LinkOutbox, 'rememberCommand' | 'admitSequence'>;
  readonly sealer: EnvelopeSealer;
  readonly log: Logger;
  readonly now: () => number;
  /** Commands issued further than this from now are stale. */
  readonly windowMs: number;
  readonly publish: (topic: string, bytes: Uint8Array, qos: 0 | 1) => void;
  readonly reject: (kind: string, reason: string, detail: string, topic: string) => void;
  /** The `rebirth` command: publish the birth again and start a new pass over the outbox. */
  readonly rebirth: () => void;
}

export class CommandAdmission {
  private readonly topics;
  /** Receives admitted commands only; set by the session service. */
  onCommand?: CommandHandler;

  constructor(private readonly o: AdmissionOptions) {
    this.topics = deviceTopics(o.deviceId);
  }

  route(): Route<fareader.v1.Command> {
    return {
      kind: 'command',
      filter: this.topics.command,
      matches: (topic) => topic === this.topics.command,
      payloadType: v1.PayloadType.PAYLOAD_TYPE_COMMAND,
      decode: (b) => v1.Command.decode(b),
      // Counted under the status the terminal is answered with.
      reasonOf: (e) => Status[statusOfRefusal(e)] ?? String(statusOfRefusal(e)),
      refused: (r) => {
        if (r.stage === 'handler') {
          // Admission or handling threw: nothing acted; the terminal is told so.
          this.respond(new Uint8Array(), {
            status: Status.RESPONSE_STATUS_INTERNAL_ERROR,
            detail: 'the reader failed while admitting the command; send it again',
          });
        } else if (r.error)
          this.respond(new Uint8Array(), { status: statusOfRefusal(r.error), detail: r.detail });
      },
      handle: (d) => this.admit(d.envelope, d.message),
    };
  }

  private async admit(
    envelope: Parameters<typeof admitVerified>[0],
    message: fareader.v1.Command,
  ): Promise<void> {
    const now = this.o.now();
    const admission = admitVerified(envelope, message, {
      deviceId: this.o.deviceId,
      nowMs: now,
      windowMs: this.o.windowMs,
      remember: (id) => this.o.outbox.rememberCommand(id, now, 2 * this.o.windowMs),
      admitSequence: (terminal, seq) => this.o.outbox.admitSequence(terminal, seq),
    });
    if (!admission.ok) {
      this.o.reject(
        'command',
        Status[admission.status] ?? String(admission.status),
        admission.detail,
        this.topics.command,
      );
      this.respond(admission.commandId, { status: admission.status, detail: admission.detail });
      return;
    }
    const { command } = admission;
    this.o.log.info('command accepted', {
      body: command.body,
      commandId: toHex(command.commandId),
      keyId: admission.keyId,
    });
    if (command.body === 'rebirth') {
      this.o.rebirth();
      this.respond(command.commandId, { status: Status.RESPONSE_STATUS_OK });
      return;
    }
    let reply: CommandReply;
    try {
      reply = this.onCommand
        ? await this.onCommand(command)
        : { status: Status.RESPONSE_STATUS_UNSUPPORTED, detail: 'no session service' };
    } catch (e) {
      // The handler failed: an internal error (SPEC: nothing acted), not "unsupported".
      reply = { status: Status.RESPONSE_STATUS_INTERNAL_ERROR, detail: (e as Error).message };
    }
    this.respond(command.commandId, reply);
  }

  private respond(commandId: Uint8Array, reply: CommandReply): void {
    const payload = v1.CommandResponse.encode({
      commandId,
      deviceId: this.o.deviceId,
      status: reply.status,
      detail: reply.detail ?? '',
      sessionId: reply.sessionId ?? '',
      timeMs: toLong(this.o.now()),
    }).finish();
    this.o.publish(
      this.topics.response,
      this.o.sealer.seal(v1.PayloadType.PAYLOAD_TYPE_COMMAND_RESPONSE, payload),
      QOS.response,
    );
  }
}
