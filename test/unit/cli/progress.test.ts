// Unit tests of the progress line: only on a terminal, only for large trees, throttled, erased at the end.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, PROGRESS_MIN_FILES } from '../../../server/src/node/cli/progress';

function stream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  return { writes, write: (text: string) => writes.push(text), isTTY, ...(columns !== undefined ? { columns } : {}) };
}

describe('progress line', () => {
  it('stays silent when stderr is not a terminal, for small trees, or when disabled', () => {
    for (const [s, total, enabled] of [[stream(false), 1000, true], [stream(true), PROGRESS_MIN_FILES - 1, true], [stream(true), 1000, false]] as const) {
      const progress = createProgress(s, total, enabled);
      progress.update(1, 'a.yaml');
      progress.clear();
      assert.deepEqual(s.writes, []);
    }
  });

  it('redraws one line at most every 100 ms, always shows the last file, and erases itself', () => {
    let now = 0;
    const s = stream(true, 40);
    const progress = createProgress(s, 200, true, () => now);
    progress.update(1, 'a.yaml');
    now = 50;
    progress.update(2, 'b.yaml');
    now = 150;
    progress.update(3, `${'very/long/path/'.repeat(5)}c.yaml`);
    progress.update(200, 'z.yaml');
    progress.clear();
    assert.deepEqual(s.writes.slice(0, 1), ['\r\u001b[K[1/200] a.yaml']);
    assert.equal(s.writes.length, 4);
    assert.ok(s.writes[1]!.length <= 3 + 39 + 3, 'long paths are shortened to the terminal width');
    assert.match(s.writes[1]!, /^\r\u001b\[K\[3\/200\] …/);
    assert.equal(s.writes[2], '\r\u001b[K[200/200] z.yaml');
    assert.equal(s.writes[3], '\r\u001b[K');
  });
});
