import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Carrier, CarrierSink } from './carrier';
import { createHostLink, type LinkState } from './host-link';
import { messagePortCarrier, PORT_HANDOVER } from './message-port-carrier';
import { CLOSE_BAD_SECRET, webSocketCarrier } from './websocket-carrier';

/** A carrier the test opens and feeds by hand. */
function manualCarrier() {
  let sink: CarrierSink | undefined;
  const carrier: Carrier = (s) => {
    sink = s;
  };
  return { carrier, sink: () => sink as CarrierSink };
}

describe('host link', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('queues calls until the carrier opens, then answers them', async () => {
    const { carrier, sink } = manualCarrier();
    const link = createHostLink(carrier);
    const states: LinkState['state'][] = [];
    link.onState((s) => states.push(s.state));

    const answer = link.api.getSystemInfo({});
    const sent: string[] = [];
    sink().opened((text) => sent.push(text));
    expect(states).toEqual(['connecting', 'open']);
    expect(sent).toHaveLength(1);

    // Answer the queued call the way the host's birpc would.
    const request = JSON.parse(sent[0] as string) as { i: string };
    const info = { terminalId: 'T', appVersion: '1', shell: 'browser', devPanel: true };
    sink().received(JSON.stringify({ t: 's', i: request.i, r: info }));
    await expect(answer).resolves.toEqual(info);
  });

  it('delivers host events and reports a loss', async () => {
    const { carrier, sink } = manualCarrier();
    const link = createHostLink(carrier);
    const events: unknown[] = [];
    link.onEvent((event) => events.push(event));
    const states: LinkState[] = [];
    link.onState((s) => states.push(s));
    sink().opened(() => undefined);
    // A birpc event from the host: a request with no id, so no answer is expected.
    sink().received(JSON.stringify({ t: 'q', m: 'onEvent', a: [{ type: 'wipe' }] }));
    await vi.waitFor(() => expect(events).toEqual([{ type: 'wipe' }]));
    sink().lost('closed');
    expect(states.at(-1)).toEqual({ state: 'lost', reason: 'closed' });
  });

  it('gives up when the carrier never opens', () => {
    vi.useFakeTimers();
    const link = createHostLink(() => undefined, 1_000);
    const states: LinkState[] = [];
    link.onState((s) => states.push(s));
    vi.advanceTimersByTime(1_000);
    expect(states.at(-1)).toEqual({ state: 'lost', reason: 'timed-out' });
  });
});

describe('WebSocket carrier', () => {
  class FakeSocket extends EventTarget {
    static last: FakeSocket | undefined;
    sent: string[] = [];
    constructor(readonly url: string) {
      super();
      FakeSocket.last = this;
    }
    send(text: string): void {
      this.sent.push(text);
    }
    serverSays(text: string): void {
      this.dispatchEvent(new MessageEvent('message', { data: text }));
    }
  }

  it('says hello with the secret and opens only after the welcome', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const sink = { opened: vi.fn(), received: vi.fn(), lost: vi.fn() };
    webSocketCarrier('c0ffee', '127.0.0.1:4173')(sink);
    const socket = FakeSocket.last as FakeSocket;
    expect(socket.url).toBe('ws://127.0.0.1:4173/rpc');

    socket.dispatchEvent(new Event('open'));
    expect(socket.sent).toEqual(['{"t":"hello","secret":"c0ffee"}']);
    socket.serverSays('{"t":"q"}');
    expect(sink.received).not.toHaveBeenCalled();

    socket.serverSays('{"t":"welcome"}');
    expect(sink.opened).toHaveBeenCalledTimes(1);
    socket.serverSays('{"rpc":1}');
    expect(sink.received).toHaveBeenCalledWith('{"rpc":1}');

    const close = new Event('close') as Event & { code: number };
    close.code = CLOSE_BAD_SECRET;
    socket.dispatchEvent(close);
    expect(sink.lost).toHaveBeenCalledWith('rejected');
  });
});

describe('MessagePort carrier', () => {
  function fakePort() {
    return {
      onmessage: null as ((event: MessageEvent) => void) | null,
      postMessage: vi.fn(),
      start: vi.fn(),
      addEventListener: vi.fn(),
    };
  }

  it('accepts the port only from this window with the exact handover message', () => {
    const sink = { opened: vi.fn(), received: vi.fn(), lost: vi.fn() };
    messagePortCarrier(window)(sink);
    const stranger = fakePort();
    window.dispatchEvent(
      new MessageEvent('message', {
        data: PORT_HANDOVER,
        source: null,
        ports: [stranger as unknown as MessagePort],
      }),
    );
    window.dispatchEvent(
      new MessageEvent('message', {
        data: 'other',
        source: window,
        ports: [stranger as unknown as MessagePort],
      }),
    );
    expect(sink.opened).not.toHaveBeenCalled();

    const port = fakePort();
    window.dispatchEvent(
      new MessageEvent('message', {
        data: PORT_HANDOVER,
        source: window,
        ports: [port as unknown as MessagePort],
      }),
    );
    expect(port.start).toHaveBeenCalled();
    expect(sink.opened).toHaveBeenCalledTimes(1);
    const send = sink.opened.mock.calls[0]?.[0] as (text: string) => void;
    send('hello host');
    expect(port.postMessage).toHaveBeenCalledWith('hello host');
    port.onmessage?.(new MessageEvent('message', { data: 'hello page' }));
    expect(sink.received).toHaveBeenCalledWith('hello page');
  });
});
