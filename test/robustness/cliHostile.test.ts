// The same hostile inputs through the CLI (`dist/cli.js check --format json`): each file is checked within its bound
// plus start-up, the process exits 0 or 1 (never crashes), reports valid JSON, and keeps its peak memory bounded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hostileCases } from './hostileCases';
import { CLI_JS, REPO_ROOT } from './harness';

const FULL = process.env['KUBE_NOTES_ROBUSTNESS_FULL'] === '1';
const PEAK_REPORTER = join(REPO_ROOT, 'out', 'bench', 'peakReporter.js');
/** Node start-up and loading the schema bundle, on top of each case's bound. */
const STARTUP_MS = 3000;

describe('hostile inputs through the CLI', { skip: existsSync(CLI_JS) ? false : 'dist/cli.js not built' }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kube-notes-cli-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [index, hostile] of hostileCases.entries()) {
    const skip = hostile.ci === false && !FULL ? 'set KUBE_NOTES_ROBUSTNESS_FULL=1' : false;
    it(hostile.name, { skip, timeout: hostile.boundMs * 4 + 30_000 }, () => {
      const file = join(dir, `case-${index}.yaml`);
      writeFileSync(file, hostile.bytes ? hostile.bytes() : Buffer.from(hostile.text(), 'utf8'));
      const peakFile = join(dir, `peak-${index}.txt`);
      const start = performance.now();
      const result = spawnSync(process.execPath, ['--require', PEAK_REPORTER, CLI_JS, 'check', '--format', 'json', '--no-config', file], {
        encoding: 'utf8',
        env: { ...process.env, KUBE_NOTES_BENCH_PEAK_FILE: peakFile },
        maxBuffer: 512 * 1024 * 1024,
        timeout: hostile.boundMs * 3 + 30_000,
      });
      const elapsed = performance.now() - start;
      assert.ok(result.status === 0 || result.status === 1, `exit ${String(result.status)} (signal ${String(result.signal)}): ${(result.stderr ?? '').slice(-2000)}`);
      assert.doesNotMatch(result.stderr ?? '', /internal error|FATAL|RangeError|heap out of memory/i);
      assert.ok(elapsed <= hostile.boundMs + STARTUP_MS, `took ${elapsed.toFixed(0)} ms (bound ${hostile.boundMs + STARTUP_MS} ms)`);
      const report = JSON.parse(result.stdout) as unknown;
      assert.ok(report !== null && typeof report === 'object');
      if (hostile.refusal) assert.match(result.stdout, hostile.refusal, 'the report says what was refused');
      if (existsSync(peakFile)) {
        const peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
        assert.ok(peakMb <= hostile.memoryMb, `peak memory ${peakMb.toFixed(0)} MB exceeds ${hostile.memoryMb} MB`);
      }
    });
  }
});
