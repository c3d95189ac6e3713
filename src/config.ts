import { z } from 'zod';

/** Settings from the environment, parsed once. Defaults give a working local start. */
export const configSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT må være et tall.' })
    .int('PORT må være et heltall.')
    .min(1, 'PORT må være mellom 1 og 65535.')
    .max(65535, 'PORT må være mellom 1 og 65535.')
    .default(3000),
  HOST: z.string().min(1, 'HOST kan ikke være tom.').default('127.0.0.1'),
  DATABASE_FILE: z
    .string()
    .min(1, 'DATABASE_FILE kan ikke være tom.')
    .refine((f) => f === ':memory:' || !f.endsWith('/'), 'DATABASE_FILE må være en fil, ikke en mappe.')
    .default('data/akson-scope.db'),
  LOG_SQL: z
    .enum(['true', 'false', '1', '0'], { error: 'LOG_SQL må være true eller false.' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a message that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (fikk «${String(env[String(i.path[0])])}»)`);
    throw new ConfigError(`Ugyldig konfigurasjon:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
