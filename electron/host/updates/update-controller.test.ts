import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TerminalActivity } from './apply-policy';
import {
  createUpdateController,
  MAX_UNHEALTHY_STARTS,
  type UpdaterLike,
} from './update-controller';

class FakeUpdater extends EventEmitter implements UpdaterLike {
  installs = 0;
  checks = 0;
  async checkForUpdates() {
    this.checks += 1;
    return null;
  }
  quitAndInstall() {
    this.installs += 1;
  }
}

const night = { startMinute: 60, endMinute: 300 };
const at = (h: number) => new Date(2026, 10, 21, h, 0);

function setup(
  current = '1.0.0',
  ledgerFile = join(mkdtempSync(join(tmpdir(), 'kiosk-upd-')), 'update-ledger.json'),
) {
  const updater = new FakeUpdater();
  let activity: TerminalActivity = 'idle';
  const controller = createUpdateController({
    updater,
    currentVersion: current,
    window: night,
    activity: () => activity,
    ledgerFile,
  });
  return { updater, controller, ledgerFile, setActivity: (a: TerminalActivity) => (activity = a) };
}

describe('the update controller', () => {
  it('downloads in the background and installs only at night with nobody at the terminal', () => {
    const { updater, controller, setActivity } = setup();
    updater.emit('update-available', { version: '1.1.0' });
    expect(controller.status()).toMatchObject({ state: 'downloading', version: '1.1.0' });
    updater.emit('update-downloaded', { version: '1.1.0' });
    expect(controller.status()).toMatchObject({ state: 'waiting-for-night', version: '1.1.0' });
    controller.tick(at(14));
    setActivity('active');
    controller.tick(at(2));
    expect(updater.installs).toBe(0);
    setActivity('idle');
    controller.tick(at(2));
    expect(updater.installs).toBe(1);
  });

  it('marks a version whose starts never become healthy, and never installs it again', () => {
    const first = setup('1.0.0');
    first.updater.emit('update-downloaded', { version: '1.1.0' });
    first.controller.tick(at(2));
    expect(first.updater.installs).toBe(1);
    // The new version starts and dies before the screen comes up, again and again.
    let restart = setup('1.1.0', first.ledgerFile);
    for (let i = 1; i < MAX_UNHEALTHY_STARTS + 1; i += 1)
      restart = setup('1.1.0', first.ledgerFile);
    expect(restart.controller.status().state).toBe('failed-start');
    restart.updater.emit('update-downloaded', { version: '1.1.0' });
    restart.controller.tick(at(2));
    expect(restart.updater.installs).toBe(0);
  });

  it('forgets the install once the new version came up', () => {
    const first = setup('1.0.0');
    first.updater.emit('update-downloaded', { version: '1.1.0' });
    first.controller.tick(at(2));
    const started = setup('1.1.0', first.ledgerFile);
    started.controller.markHealthy();
    for (let i = 0; i < MAX_UNHEALTHY_STARTS + 2; i += 1)
      setup('1.1.0', first.ledgerFile).controller.markHealthy();
    expect(setup('1.1.0', first.ledgerFile).controller.status().state).toBe('up-to-date');
  });

  it('reports a failed check in words', async () => {
    const { updater, controller } = setup();
    updater.checkForUpdates = async () => {
      throw new Error('getaddrinfo ENOTFOUND updates.hall.example\nstack…');
    };
    await controller.check();
    expect(controller.status()).toEqual({
      state: 'error',
      current: '1.0.0',
      detail: 'getaddrinfo ENOTFOUND updates.hall.example',
    });
  });
});
