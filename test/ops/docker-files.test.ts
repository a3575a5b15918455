import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetrics } from '../../adapters/runtime/metrics.js';
import { createOpsRoutes, startOpsServer } from '../../adapters/runtime/ops-routes.js';

// No Docker engine on these machines: the files are checked by reading them, and the health check's own
// command is run for real against the ops server.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('is multi-stage, installs production dependencies only, runs as a non-root user with node as PID 1', () => {
    expect(instructions.filter((l) => /^FROM /i.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(instructions.some((l) => /npm ci\b.*--omit=dev/.test(l))).toBe(true);
    const user = instructions.filter((l) => /^USER /i.test(l)).pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/\broot\b|\b0\b/);
    const cmd = instructions.filter((l) => /^CMD /i.test(l)).pop()!;
    const argv = JSON.parse(cmd.replace(/^CMD\s+/i, '')) as string[];
    expect(argv[0]).toBe('node');
    expect(argv).toContain('adapters/main.ts');
    expect(instructions.some((l) => /^VOLUME .*content/i.test(l))).toBe(true);
    // Every path the runtime stage copies exists in the repository.
    for (const line of instructions.filter((l) => /^COPY (?!--from)/i.test(l))) {
      const parts = line.split(/\s+/).filter((p) => !p.startsWith('--'));
      for (const source of parts.slice(1, -1)) expect(existsSync(new URL(`../../${source}`, import.meta.url)), source).toBe(true);
    }
  });

  it('its HEALTHCHECK command, run as written, passes against /healthz and fails when nothing listens', async () => {
    const healthcheck = instructions.find((l) => /^HEALTHCHECK /i.test(l))!;
    const argv = JSON.parse(healthcheck.replace(/^.*?\bCMD\s+/i, '')) as string[];
    expect(argv[0]).toBe('node');
    const server = await startOpsServer(createOpsRoutes({ registry: createMetrics({ defaultMetrics: false }).registry, notReady: () => [] }), 0, '127.0.0.1');
    try {
      const run = (port: number) =>
        new Promise<number | null>((resolve) => spawn(process.execPath, argv.slice(1), { env: { PORT: String(port) }, stdio: 'ignore' }).once('exit', resolve));
      const closedPort = server.port();
      expect(await run(server.port())).toBe(0);
      await server.stop();
      expect(await run(closedPort)).toBe(1);
    } finally {
      await server.stop().catch(() => undefined);
    }
  });
});

describe('compose.yaml', () => {
  it('runs two bot replicas sharing one Redis, with time to shut down cleanly', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Record<string, any>> };
    const bots = Object.entries(compose.services).filter(([, s]) => s.build !== undefined || s.image === 'talks-tracker:latest');
    expect(bots.length).toBe(2);
    expect(compose.services.redis).toBeDefined();
    for (const [, bot] of bots) {
      expect(bot.environment.REDIS_URL).toMatch(/^redis:\/\/redis:/);
      expect(bot.depends_on.redis).toBeDefined();
      expect(parseInt(String(bot.stop_grace_period), 10)).toBeGreaterThanOrEqual(10);
      expect(bot.volumes.some((v: string) => v.endsWith(':/app/content:ro') || v.endsWith(':/app/content'))).toBe(true);
    }
    const hostPorts = bots.map(([, b]) => String(b.ports[0]).split(':')[0]);
    expect(new Set(hostPorts).size).toBe(2);
  });
});

describe('.dockerignore', () => {
  it('keeps secrets and dependencies out of the build context', () => {
    const lines = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', '.git']) expect(lines).toContain(entry);
  });
});
