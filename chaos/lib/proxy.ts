/**
 * A TCP proxy on loopback between an API process and a peer: it forwards connections, or, on
 * command, refuses them (`down`: each new connection is reset and the open ones are cut, as a
 * crashed peer or a dropped route looks) or holds them (`blackhole`: accepted, never answered, as
 * a hung peer or a silent firewall looks). It speaks no HTTP: what it cuts, it cuts mid-stream.
 */
import { createServer, type Server, type Socket, connect } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'blackhole';

export interface TcpProxy {
  /** The port the API process is pointed at. */
  port: number;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): void;
  /** Where connections go from now on (the peer's port, once it is known). */
  setTarget(port: number): void;
  /** Connections forwarded, refused and held since the start. */
  counts(): { forwarded: number; refused: number; held: number };
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

/** A proxy to 127.0.0.1:`targetPort`, up (no target yet: connections are refused until setTarget). */
export async function startProxy(targetPort: number | null = null): Promise<TcpProxy> {
  let mode: ProxyMode = 'up';
  let target = targetPort;
  const counts = { forwarded: 0, refused: 0, held: 0 };
  const open = new Set<Socket>();
  const held = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset from either side is the proxy's normal business, not an error of the run.
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'down' || target === null) {
      counts.refused += 1;
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') {
      counts.held += 1;
      held.add(client);
      client.once('close', () => held.delete(client));
      client.resume(); // read and drop what it sends; never answer
      return;
    }
    counts.forwarded += 1;
    const upstream = connect(target, '127.0.0.1');
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', cut);
    upstream.once('close', cut);
  });
  const port = await listen(server);
  return {
    port,
    mode: () => mode,
    setMode(next) {
      mode = next;
      // Going down cuts what is open; coming back drops what the blackhole held (a peer restarted
      // forgets its half-open connections); a blackhole keeps them hanging.
      if (next === 'down') for (const socket of open) socket.resetAndDestroy();
      if (next === 'up') for (const socket of held) socket.destroy();
    },
    setTarget(port) {
      target = port;
    },
    counts: () => ({ ...counts }),
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
