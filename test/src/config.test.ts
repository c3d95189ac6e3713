import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has safe defaults for a local start', () => {
    expect(loadConfig({})).toMatchObject({
      PUBLIC_READ: true,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      COOKIE_SECURE: 'auto',
      TRUST_PROXY: false,
      LOGIN_FREE_ATTEMPTS: 5,
      LOGIN_FREE_ATTEMPTS_PER_ADDRESS: 20,
      LOGIN_DELAY_SECONDS: 30,
      LOGIN_DELAY_MAX_MINUTES: 15,
      INVITE_HOURS: 72,
      PASSWORD_RESET_HOURS: 24,
      SETUP_LINK_MINUTES: 60,
      CONSULTATION_PAGE_SIZE: 25,
    });
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
  });

  it('takes PostgreSQL from DATABASE_URL, and never shows its password in a refusal', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://akson:pw@db.example:5432/akson' }).DATABASE_URL).toBe('postgresql://akson:pw@db.example:5432/akson');
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'postgres://akson:hemmelig@db.example' })).toThrow(/akson:\*\*\*@db\.example/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://akson:hemmelig@db.example' })).not.toThrow(/hemmelig/);
  });

  it('reads the settings, keeping only the origin of PUBLIC_URL', () => {
    const config = loadConfig({ PUBLIC_READ: 'false', PUBLIC_URL: 'https://akson.example.no/sti', SESSION_IDLE_MINUTES: '15', COOKIE_SECURE: 'true', TRUST_PROXY: '1' });
    expect(config).toMatchObject({ PUBLIC_READ: false, PUBLIC_URL: 'https://akson.example.no', SESSION_IDLE_MINUTES: 15, COOKIE_SECURE: 'true', TRUST_PROXY: true });
  });

  it.each([
    [{ COOKIE_SECURE: 'alltid' }, 'COOKIE_SECURE: COOKIE_SECURE må være auto, true eller false.'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES må være mellom 1 og 1440.'],
    [{ SESSION_ABSOLUTE_HOURS: 'tolv' }, 'SESSION_ABSOLUTE_HOURS: SESSION_ABSOLUTE_HOURS må være et tall.'],
    [{ PUBLIC_URL: 'akson.example.no' }, 'PUBLIC_URL: PUBLIC_URL må være en http- eller https-adresse'],
    [{ TRUST_PROXY: 'ja' }, 'TRUST_PROXY: TRUST_PROXY må være true eller false.'],
    [{ LOGIN_FREE_ATTEMPTS: '0' }, 'LOGIN_FREE_ATTEMPTS: LOGIN_FREE_ATTEMPTS må være mellom 1 og 100.'],
    [{ CONSULTATION_PAGE_SIZE: '1000' }, 'CONSULTATION_PAGE_SIZE: CONSULTATION_PAGE_SIZE må være mellom 5 og 500.'],
    [{ DATABASE_URL: 'mysql://akson@db/akson' }, 'DATABASE_URL: DATABASE_URL må begynne med postgres://'],
    [{ DATABASE_URL: 'postgres://akson:hemmelig@db.example' }, 'DATABASE_URL: DATABASE_URL mangler databasenavn'],
    [{ DATABASE_URL: 'db.example/akson' }, 'DATABASE_URL: DATABASE_URL er ikke en gyldig adresse'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE: DATABASE_POOL_SIZE må være mellom 1 og 200.'],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
