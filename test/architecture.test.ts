/**
 * Imports point inward: adapters → src/index.ts → nothing outside src/. The core has no platform SDK,
 * no process.env and no logger; adapters reach the core through its public entry only and never
 * import each other (only the composition root wires them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

const resolveImport = (file: string, spec: string) => relative(ROOT, resolve(ROOT, file, '..', spec));
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

describe('architecture', () => {
  const core = sourceFiles('src');
  const adapters = sourceFiles('adapters');

  it('the core imports nothing outside src/ and no platform SDK, logger or Redis client', () => {
    expect(core.length).toBeGreaterThan(10);
    for (const file of core) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) expect(resolveImport(file, spec), `${file} imports ${spec}`).toMatch(/^src\//);
        else expect(spec, `${file} imports ${spec}`).not.toMatch(/^(@slack\/|discord\.js|@discordjs\/|pino|ioredis|prom-client|chokidar)/);
      }
    }
  });

  it('the core never reads process.env or writes to the console', () => {
    for (const file of core) {
      const code = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
      expect(code, file).not.toMatch(/process\.env|console\.(log|info|warn|error)/);
    }
  });

  it('adapters reach the core through src/index.ts only', () => {
    for (const file of adapters) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = resolveImport(file, spec);
        if (target.startsWith('src')) expect(target, `${file} imports ${spec}`).toBe('src/index.js');
      }
    }
  });

  it('platform adapters never import each other', () => {
    const platforms = ['cli', 'slack', 'discord'];
    for (const platform of platforms) {
      for (const file of adapters.filter((f) => f.startsWith(`adapters/${platform}/`))) {
        for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = resolveImport(file, spec);
          for (const other of platforms.filter((p) => p !== platform)) expect(target, `${file} imports ${spec}`).not.toMatch(new RegExp(`^adapters/${other}/`));
        }
      }
    }
  });
});
