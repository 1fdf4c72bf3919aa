// Unit tests of the CLI's compiler tuning: set on the V8s it was measured on, never over the user's own flag.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI_INLINING_BUDGET, tuneJitForBatch } from '../../../server/src/node/cli/tuneJitForBatch';

function recorder(): { flags: string[]; set: (flags: string) => void } {
  const flags: string[] = [];
  return { flags, set: (value) => flags.push(value) };
}

describe('CLI compiler tuning', () => {
  it('sets the inlining budget on the V8s of Node 20 to 24', () => {
    for (const v8 of ['11.3.244.8-node.30', '12.4.254.21-node.33', '13.6.233.10-node.28']) {
      const r = recorder();
      assert.equal(tuneJitForBatch(v8, [], r.set), true, v8);
      assert.deepEqual(r.flags, [`--max-inlined-bytecode-size-cumulative=${CLI_INLINING_BUDGET}`]);
    }
  });

  it('leaves an unknown V8 alone, older or newer, and an unreadable version', () => {
    for (const v8 of ['10.2.154.26-node.26', '14.1.1', '', 'x']) {
      const r = recorder();
      assert.equal(tuneJitForBatch(v8, [], r.set), false, v8);
      assert.deepEqual(r.flags, []);
    }
  });

  it('keeps a budget the user gave node, in either spelling', () => {
    for (const arg of ['--max-inlined-bytecode-size-cumulative=920', '--max_inlined_bytecode_size_cumulative=50']) {
      const r = recorder();
      assert.equal(tuneJitForBatch('11.3.244.8', ['--no-warnings', arg], r.set), false, arg);
      assert.deepEqual(r.flags, []);
    }
  });

  it('is not confused by other flags', () => {
    const r = recorder();
    assert.equal(tuneJitForBatch('11.3.244.8', ['--max-inlined-bytecode-size=100', '--stack-size=2000'], r.set), true);
    assert.equal(r.flags.length, 1);
  });

  it('names a flag this Node knows: V8 prints nothing, where an unknown flag is an error on stderr', () => {
    const module = require.resolve('../../../server/src/node/cli/tuneJitForBatch');
    const run = (code: string) => spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    const tuned = run(`process.stdout.write(String(require(${JSON.stringify(module)}).tuneJitForBatch(process.versions.v8, [])))`);
    assert.equal(tuned.status, 0);
    // Set on the V8s it was measured on (Node 20–24); a newer Node runs with V8's own budget.
    const major = Number.parseInt(process.versions.v8, 10);
    assert.equal(tuned.stdout, String(major >= 11 && major <= 13));
    assert.equal(tuned.stderr, '');
    // The check above can fail: this is what V8 does with a flag it does not know.
    const unknown = run(`require('node:v8').setFlagsFromString('--no-such-kube-notes-flag=1')`);
    assert.match(unknown.stderr, /unrecognized flag/);
  });
});
