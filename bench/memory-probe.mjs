// @ts-check
import { writeFileSync } from 'node:fs';

/**
 * Loaded into a server by `npm run bench -- --memory` (`--import`): on SIGUSR2 it writes where the
 * process's memory is (V8 heap, external, array buffers, RSS) to BENCH_PROBE_FILE, after a full
 * garbage collection when node runs with --expose-gc. Plain JavaScript: the server it is loaded
 * into may run without tsx (`npm start` runs the built dist/server.js).
 */
const file = process.env.BENCH_PROBE_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
