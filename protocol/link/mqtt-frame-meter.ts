// Follows MQTT 3.1.1 framing (§2.2: one fixed-header byte, a 1–4 byte remaining length, the
// rest) over a byte stream, so a broker can refuse a packet by its announced size before
// buffering its body: aedes itself has no packet-size limit and buffers a whole packet, however
// large, before any authorizer sees it.

export type FrameVerdict = 'ok' | 'too-large' | 'malformed';

export class MqttFrameMeter {
  private state: 'header' | 'length' | 'body' = 'header';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private left = 0;
  private verdict: FrameVerdict = 'ok';

  /** `maxRemaining`: the largest remaining length (variable header + payload) admitted. */
  constructor(private readonly maxRemaining: number) {}

  /** Feeds the next bytes of the stream; once not `ok`, stays so. */
  feed(b: Uint8Array): FrameVerdict {
    let i = 0;
    while (i < b.length && this.verdict === 'ok') {
      switch (this.state) {
        case 'header':
          i++;
          this.state = 'length';
          this.length = 0;
          this.multiplier = 1;
          this.lengthBytes = 0;
          break;
        case 'length': {
          const byte = b[i++]!;
          this.length += (byte & 0x7f) * this.multiplier;
          this.multiplier *= 128;
          this.lengthBytes++;
          if (byte & 0x80) {
            if (this.lengthBytes >= 4) this.verdict = 'malformed';
            break;
          }
          if (this.length > this.maxRemaining) this.verdict = 'too-large';
          else if (this.length === 0) this.state = 'header';
          else {
            this.left = this.length;
            this.state = 'body';
          }
          break;
        }
        case 'body': {
          const n = Math.min(this.left, b.length - i);
          i += n;
          this.left -= n;
          if (this.left === 0) this.state = 'header';
          break;
        }
      }
    }
    return this.verdict;
  }
}
