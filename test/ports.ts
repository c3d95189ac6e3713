import { createServer, type AddressInfo } from 'node:net';

/**
 * A port on 127.0.0.1 that the OS has just handed out as free, for a server started in another
 * process (the app's PORT must be 1 or more, so it cannot be told to take port 0 itself).
 *
 * A port derived from the pid, as these tests once used, lies in Linux's ephemeral range
 * (32768–60999): a browser or PostgreSQL test file running on the other worker holds hundreds of
 * outgoing connections, each on such a port, and listen() then failed with EADDRINUSE. A port
 * from the OS is free when we get it; between our close() and the child's listen() an outgoing
 * connection can still take it, so callers start again on a new port when the child says
 * EADDRINUSE (see `addressInUse`).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether a server process's output says that its port was taken (Node's listen error). */
export const addressInUse = (output: string) => /EADDRINUSE/.test(output);

/** How many ports a test tries before it gives up: each try loses only a very unlikely race. */
export const portTries = 3;
