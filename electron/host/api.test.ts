import { describe, expect, it } from 'vitest';
import { signaturePng } from '../../tests/support/png';
import { createKioskApi, decodeSignature, type ApiDeps } from './api';
import type { DeviceManager } from './devices/device-manager';

function depsWith(devPanel: boolean): ApiDeps {
  const placed: string[] = [];
  const devices = {
    statuses: () => [],
    simulators: {
      idcard: {
        sampleCards: [{ id: 'a', label: '样例', card: { name: '虚构' } }],
        placeCard: (card: { name: string }) => placed.push(card.name),
        removeCard: () => undefined,
      },
      printer: { setPaper: () => undefined, lastReceipt: () => undefined },
    },
  } as unknown as DeviceManager;
  return {
    system: {
      terminalId: 'T-370100-0042',
      hallName: '济南市政务服务中心',
      hotline: '12345',
      technicianMode: false,
      appVersion: 't',
      shell: 'browser',
      devPanel,
    },
    session: { send: () => ({ ok: true, value: undefined }) } as unknown as ApiDeps['session'],
    catalog: {} as ApiDeps['catalog'],
    devices,
    technician: {} as ApiDeps['technician'],
    audit: {} as ApiDeps['audit'],
    outbox: {} as ApiDeps['outbox'],
    client: {} as ApiDeps['client'],
    terminal: { terminalId: 'T-370100-0042', hotline: '12345', paperWidth: 80, font: 'gb18030' },
    windowDesk: {} as ApiDeps['windowDesk'],
  };
}

describe('the kiosk API', () => {
  it('accepts a real PNG signature and refuses anything else', () => {
    expect(decodeSignature(signaturePng().toString('base64'))).toBeInstanceOf(Uint8Array);
    expect(
      decodeSignature(Buffer.from('GIF89a' + 'x'.repeat(400)).toString('base64')),
    ).toBeUndefined();
    // A blank canvas exports a tiny PNG: not a signature.
    expect(decodeSignature(signaturePng(2, 2).toString('base64'))).toBeUndefined();
  });

  it('refuses an invalid signature before it reaches the session', async () => {
    const api = createKioskApi(depsWith(false));
    expect(await api.submitCase({ signaturePng: 'AAAA' })).toEqual({
      ok: false,
      error: { code: 'invalid-signature' },
    });
  });

  it('keeps the dev panel shut unless this build and configuration offer it', async () => {
    const off = createKioskApi(depsWith(false));
    expect(await off.devListCards({})).toEqual({ ok: false, error: { code: 'dev-panel-off' } });
    expect(await off.devPlaceCard({ cardId: 'a' })).toEqual({
      ok: false,
      error: { code: 'dev-panel-off' },
    });
    const on = createKioskApi(depsWith(true));
    expect(await on.devListCards({})).toEqual({ ok: true, value: [{ id: 'a', label: '样例' }] });
    expect(await on.devPlaceCard({ cardId: 'zzz' })).toEqual({
      ok: false,
      error: { code: 'unknown-card' },
    });
  });
});
