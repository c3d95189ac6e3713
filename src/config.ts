import { z } from 'zod';

const flag = (name: string, fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${name} må være true eller false.` })
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');

const whole = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} må være et tall.` })
    .int(`${name} må være et heltall.`)
    .min(min, `${name} må være mellom ${min} og ${max}.`)
    .max(max, `${name} må være mellom ${min} og ${max}.`)
    .default(fallback);

/** Settings from the environment, parsed once. Defaults give a working local start. */
export const configSchema = z.object({
  PORT: whole('PORT', 1, 65535, 3000),
  HOST: z.string().min(1, 'HOST kan ikke være tom.').default('127.0.0.1'),
  DATABASE_FILE: z
    .string()
    .min(1, 'DATABASE_FILE kan ikke være tom.')
    .refine((f) => f === ':memory:' || !f.endsWith('/'), 'DATABASE_FILE må være en fil, ikke en mappe.')
    .default('data/akson-scope.db'),
  /**
   * A PostgreSQL server instead of the SQLite file, e.g. postgres://akson:secret@db.example/akson
   * (several app instances can share it). Empty: SQLite in DATABASE_FILE.
   */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : undefined))
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'DATABASE_URL er ikke en gyldig adresse; den skal se ut som postgres://bruker:passord@vert:5432/database.' });
        return;
      }
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        ctx.addIssue({ code: 'custom', message: `DATABASE_URL må begynne med postgres:// (fikk ${url.protocol}//); uten DATABASE_URL brukes SQLite-filen i DATABASE_FILE.` });
      } else if (!url.hostname) {
        ctx.addIssue({ code: 'custom', message: 'DATABASE_URL mangler vertsnavn, for eksempel postgres://akson@localhost:5432/akson.' });
      } else if (url.pathname.length <= 1) {
        ctx.addIssue({ code: 'custom', message: 'DATABASE_URL mangler databasenavn til slutt, for eksempel postgres://akson@localhost:5432/akson.' });
      }
    }),
  /** Connections each instance keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: whole('DATABASE_POOL_SIZE', 1, 200, 10),
  LOG_SQL: flag('LOG_SQL', 'false'),

  /** Whether anonymous visitors may read the published scope; everything else needs sign-in. */
  PUBLIC_READ: flag('PUBLIC_READ', 'true'),
  /** The address people use to reach the app, e.g. https://akson.example.no; links and the CSRF origin check use it. */
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^https?$/, error: 'PUBLIC_URL må være en http- eller https-adresse, for eksempel https://akson.example.no.' }).optional())
    .transform((v) => (v ? new URL(v).origin : undefined)),
  SESSION_IDLE_MINUTES: whole('SESSION_IDLE_MINUTES', 1, 24 * 60, 30),
  SESSION_ABSOLUTE_HOURS: whole('SESSION_ABSOLUTE_HOURS', 1, 24 * 30, 12),
  /** auto: Secure and `__Host-` when the request came over HTTPS; false only for plain-HTTP local use. */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false'], { error: 'COOKIE_SECURE må være auto, true eller false.' }).default('auto'),
  /** Behind a reverse proxy: take the client address and protocol from X-Forwarded-For / -Proto. */
  TRUST_PROXY: flag('TRUST_PROXY', 'false'),
  LOGIN_FREE_ATTEMPTS: whole('LOGIN_FREE_ATTEMPTS', 1, 100, 5),
  LOGIN_FREE_ATTEMPTS_PER_ADDRESS: whole('LOGIN_FREE_ATTEMPTS_PER_ADDRESS', 1, 10_000, 20),
  LOGIN_DELAY_SECONDS: whole('LOGIN_DELAY_SECONDS', 1, 3600, 30),
  LOGIN_DELAY_MAX_MINUTES: whole('LOGIN_DELAY_MAX_MINUTES', 1, 24 * 60, 15),
  INVITE_HOURS: whole('INVITE_HOURS', 1, 24 * 30, 72),
  /** How long an administrator's link for choosing a new password works (once): shorter than an invitation, as it opens an existing account. */
  PASSWORD_RESET_HOURS: whole('PASSWORD_RESET_HOURS', 1, 24 * 7, 24),
  SETUP_LINK_MINUTES: whole('SETUP_LINK_MINUTES', 5, 24 * 60, 60),
  /** Comments (and replies in a thread) per page in consultation rounds. */
  CONSULTATION_PAGE_SIZE: whole('CONSULTATION_PAGE_SIZE', 5, 500, 25),
  /** Megabytes of rendered pages of the published scope kept for anonymous readers until the model changes; 0 keeps none. */
  PAGE_CACHE_MB: whole('PAGE_CACHE_MB', 0, 4096, 32),
  /**
   * Whole-model exports (`/api/model` without a cursor) written at once; more wait their turn. Each
   * holds a compressor and a batch of rows while it lasts, and the work is CPU-bound, so more at once
   * than there are cores only adds memory.
   */
  EXPORTS_AT_ONCE: whole('EXPORTS_AT_ONCE', 1, 64, 2),
});

export type Config = z.infer<typeof configSchema>;

/** Where the data lives: the PostgreSQL address if one is set, else the SQLite file. */
export function databaseLocation(config: Config): string {
  return config.DATABASE_URL ?? config.DATABASE_FILE;
}

/** The location for messages: a PostgreSQL address without its password. */
export function databaseLabel(config: Config): string {
  if (!config.DATABASE_URL) return config.DATABASE_FILE;
  const url = new URL(config.DATABASE_URL);
  if (url.password) url.password = '***';
  return url.toString();
}

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a message that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const shown = (key: string) => (key === 'DATABASE_URL' ? String(env[key]).replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@') : String(env[key]));
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (fikk «${shown(String(i.path[0]))}»)`);
    throw new ConfigError(`Ugyldig konfigurasjon:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The defaults with some settings changed: for tests and tools that do not read the environment. */
export function configWith(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig(overrides);
}
