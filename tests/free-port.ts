import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The first port of the range the kernel hands out to `listen(0)` and to outgoing connections
 * (Linux: /proc/sys/net/ipv4/ip_local_port_range; 32768 when it cannot be read).
 */
function ephemeralPortsStart(): number {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > 1024 ? start : 32768;
  } catch {
    return 32768;
  }
}

/** Resolves whether a server could listen on `port` of 127.0.0.1 right now (the probe closes again). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A TCP port of 127.0.0.1 that nothing listens on, for a server a test starts by number (nginx,
 * `astro dev`). It is chosen at random from 1025 up to the start of the kernel's ephemeral range,
 * never inside it: a port taken from `listen(0)` and given back could be handed by the kernel to
 * another test's `listen(0)` server before ours binds it (a nginx test once reached the image server
 * of a test file running beside it). Throws after 200 ports found taken.
 */
export async function freePort(): Promise<number> {
  const end = ephemeralPortsStart();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 1025 + Math.floor(Math.random() * (end - 1025));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found below ${end} after 200 tries`);
}
