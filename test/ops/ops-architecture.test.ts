import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const OPS_FILES = [
  'adapters/main.ts',
  'adapters/start-app.ts',
  'adapters/config.ts',
  ...['adapters/runtime', 'adapters/store'].flatMap((dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`)),
];

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('ops architecture', () => {
  it('reaches the core through src/index.ts only', () => {
    for (const file of OPS_FILES) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(ROOT, resolve(ROOT, file, '..', spec));
        if (target.startsWith('src')) expect(target, `${file} imports ${spec}`).toBe('src/index.js');
      }
    }
  });

  it('keeps runtime/ and store/ free of platform adapters (only the composition root wires them)', () => {
    for (const file of OPS_FILES.filter((f) => /adapters\/(runtime|store)\//.test(f))) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)(slack|discord|cli)(\/|$)|@slack\/bolt|discord\.js/);
      }
    }
  });

  it('reads process.env only in main.ts (config is parsed once and passed down)', () => {
    for (const file of OPS_FILES.filter((f) => f !== 'adapters/main.ts')) {
      const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // config.ts's default parameter is the one allowed read.
      const reads = code.match(/process\.env\b/g) ?? [];
      expect(reads.length, file).toBeLessThanOrEqual(file === 'adapters/config.ts' ? 1 : 0);
    }
  });
});
