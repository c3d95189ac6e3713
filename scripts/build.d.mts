/** See build.mjs: builds `entry` (default src/server.ts) into `outfile` (default dist/server.js) unless it is built from the same sources. */
export function buildServer(options?: { base?: string; entry?: string; outfile?: string }): Promise<'built' | 'fresh'>;
