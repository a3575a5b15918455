import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Variables named in the files that read the environment. */
function variablesReadByCode(): Set<string> {
  const names = new Set<string>();
  for (const file of ['adapters/config.ts', 'adapters/slack/slack-config.ts', 'adapters/discord/discord-config.ts']) {
    for (const match of read(file).matchAll(/(?<![A-Za-z0-9_])((?:SLACK|DISCORD|TALKS|REDIS)_[A-Z_]+|PORT|LOG_LEVEL)(?=['"`:])/g)) names.add(match[1]!);
  }
  return names;
}

describe('.env.example', () => {
  const example = read('.env.example');
  const listed = new Map<string, string>();
  for (const line of example.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) listed.set(m[1]!, m[2]!);
  }

  it('lists every variable the code reads, each with a comment above it', () => {
    const names = variablesReadByCode();
    expect(names.size).toBeGreaterThan(20);
    const missing = [...names].filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
    const lines = example.split('\n');
    for (const name of listed.keys()) {
      const index = lines.findIndex((l) => l.startsWith(`${name}=`));
      const above = lines.slice(0, index).reverse().find((l) => !/^[A-Z_]+=/.test(l));
      expect(above, name).toMatch(/^# /);
    }
  });

  it('holds no secret and, as it is, starts the console chat', () => {
    for (const value of listed.values()) expect(value).toBe('');
    const config = loadConfig(Object.fromEntries(listed));
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });
});
