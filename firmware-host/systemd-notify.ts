// sd_notify for the systemd unit (Type=notify, WatchdogSec): READY=1 once the reader is up,
// WATCHDOG=1 at half the watchdog period while the event loop is alive, STOPPING=1 on the way
// out. Node has no unix datagram sockets, so systemd's own systemd-notify sends them (the unit
// sets NotifyAccess=all). Without NOTIFY_SOCKET (not under systemd) this does nothing.
import { execFile } from 'node:child_process';
import type { Logger } from '../platform/log.js';

export interface Notifier {
  ready(status: string): void;
  stopping(): void;
  close(): void;
}

export function systemdNotifier(log: Logger, env: NodeJS.ProcessEnv = process.env): Notifier {
  if (!env.NOTIFY_SOCKET) return { ready: () => {}, stopping: () => {}, close: () => {} };
  const send = (...assignments: string[]): void => {
    execFile('systemd-notify', [`--pid=${process.pid}`, ...assignments], (e) => {
      if (e) log.warn('systemd-notify failed', { error: e, assignments });
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const usec = Number(env.WATCHDOG_USEC ?? 0);
  return {
    ready: (status) => {
      send('--ready', `--status=${status}`);
      if (usec > 0) {
        timer = setInterval(() => send('WATCHDOG=1'), Math.max(100, usec / 2000));
        timer.unref();
      }
    },
    stopping: () => {
      clearInterval(timer);
      send('STOPPING=1');
    },
    close: () => clearInterval(timer),
  };
}
