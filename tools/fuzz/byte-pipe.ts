// A ByteTransport that records what an emulator writes and lets a fuzz target push bytes in.
import { EventEmitter } from 'node:events';
import type { ByteTransport, ByteTransportEvents } from '../../device/serial/transport.js';

export class BytePipe extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  readonly isOpen = true;
  written: Uint8Array[] = [];

  write(data: Uint8Array): Promise<void> {
    this.written.push(data.slice());
    return Promise.resolve();
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Bytes arriving from the host, as a serial port delivers them. */
  push(data: Uint8Array): void {
    this.emit('data', data);
  }

  take(): Uint8Array[] {
    const w = this.written;
    this.written = [];
    return w;
  }
}

/** Lets queued promise chains and immediates run, up to `turns` times or until `done`. */
export async function settle(done: () => boolean, turns = 50): Promise<boolean> {
  for (let i = 0; i < turns; i++) {
    if (done()) return true;
    await new Promise((r) => setImmediate(r));
  }
  return done();
}
