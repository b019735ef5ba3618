// Puts the Firmata front-panel emulator on the device side of a pty.
import { type ServedPort, serveOnPty } from '../serial/serve-emulator.js';
import { FirmataBoard } from './firmata-board.js';

export interface FirmataPanel extends ServedPort {
  readonly board: FirmataBoard;
}

export async function serveFirmataPanel(path: string): Promise<FirmataPanel> {
  let board!: FirmataBoard;
  const port = await serveOnPty(path, undefined, (t) => (board = new FirmataBoard(t)));
  return { board, ...port };
}
