import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SLACK_DIR = resolve('adapters/slack');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');

/** The files a module pulls in, following relative imports. */
function closure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specifiers = importsOf(file);
    seen.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') && !specifier.includes('/src/')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return seen;
}

describe('Slack adapter architecture', () => {
  it('renders without Slack SDK: render-blocks.ts and everything it imports use no @slack/* package', () => {
    const files = closure(join(SLACK_DIR, 'render-blocks.ts'));
    expect(files.size).toBeGreaterThan(3);
    for (const [file, specifiers] of files) {
      for (const specifier of specifiers) expect(`${file}: ${specifier}`).not.toMatch(/: @slack\//);
    }
  });

  it('imports the core only through src/index.ts and no other adapter', () => {
    for (const name of readdirSync(SLACK_DIR).filter((file) => file.endsWith('.ts'))) {
      for (const specifier of importsOf(join(SLACK_DIR, name))) {
        if (specifier.includes('/src/')) expect(`${name}: ${specifier}`).toBe(`${name}: ../../src/index.js`);
        expect(specifier).not.toMatch(/^\.\.\/(?!\.\.\/src\/)/);
      }
    }
  });
});
