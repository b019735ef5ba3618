// The staff screen's settings (volume, default language, brightness) kept across restarts in
// <dataDir>/staff-settings.json, mode 0600 like the rest of the data dir. What is read back is
// checked as a staff request is: a file that is garbage, truncated or from a future version
// gives the configured defaults and a warning, never a reader that does not start.
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from '../../../platform/log.js';
import { writePrivateFileAtomic } from '../../../platform/private-files.js';
import { parseSettings, type StaffSettings } from './staff-routes.js';

export const STAFF_SETTINGS_FILE = 'staff-settings.json';

/** The saved settings, or `defaults` (with a warning when a file was there but unusable). */
export function loadStaffSettings(path: string, defaults: StaffSettings, log: Logger): StaffSettings {
  if (!existsSync(path)) return defaults;
  let problem: string;
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const s = parseSettings(raw);
    if (s && s.volume !== undefined && s.defaultLang !== undefined && s.brightness !== undefined)
      return { volume: s.volume, defaultLang: s.defaultLang, brightness: s.brightness };
    problem = 'not the staff settings (volume 0–100, defaultLang, brightness 1–100)';
  } catch (e) {
    problem = (e as Error).message.slice(0, 200);
  }
  log.warn('staff settings unreadable: the configured defaults are used', { file: path, problem });
  return defaults;
}

export function saveStaffSettings(path: string, s: StaffSettings): void {
  writePrivateFileAtomic(path, `${JSON.stringify(s)}\n`);
}
