/**
 * The renderer is pure: none of its files — nor anything they import — touches discord.js, and the adapter
 * reaches the core through src/index.ts only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ADAPTER = resolve('adapters/discord');
const RENDERER_ENTRIES = ['render-message.ts', 'render-embeds.ts', 'render-table.ts', 'discord-text.ts', 'discord-payload.ts', 'payload-limits.ts', 'limits.ts', 'command-definition.ts'];
const SDK = /^(discord\.js|@discordjs\/|discord-api-types)/;

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** Every module a file reaches, following relative imports (.js → .ts). */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specifiers = importsOf(file);
    seen.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return seen;
}

describe('discord adapter architecture', () => {
  test('renderer files import nothing from discord.js, directly or through another file', () => {
    for (const entry of RENDERER_ENTRIES) {
      for (const [file, specifiers] of reachable(resolve(ADAPTER, entry))) {
        const sdk = specifiers.filter((specifier) => SDK.test(specifier));
        expect(sdk, `${file} (reached from ${entry})`).toEqual([]);
      }
    }
  });

  test('the adapter imports the core only through src/index.ts, and no other adapter', () => {
    for (const name of readdirSync(ADAPTER).filter((file) => file.endsWith('.ts'))) {
      for (const specifier of importsOf(resolve(ADAPTER, name)).filter((s) => s.startsWith('.'))) {
        const target = resolve(ADAPTER, specifier);
        const inside = target.startsWith(ADAPTER + '/');
        const core = target === resolve('src/index.js');
        expect(inside || core, `${name} imports ${specifier}`).toBe(true);
      }
    }
  });
});
