// Every YAML rule against its good (no findings) and bad (exact codes and ranges) fixture, plus fixes applied at the text level.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, briefs, codeCounts, diagnose, fixesOf, fixture, FIXTURES } from './yamlTestKit';

interface FixtureCase {
  readonly rule: string;
  readonly settings?: Record<string, unknown>;
  readonly bad: readonly string[];
  readonly extraBad?: Readonly<Record<string, readonly string[]>>;
}

export const FIXTURE_CASES: readonly FixtureCase[] = [
  {
    rule: 'syntaxErrors',
    bad: [
      'YAML003 2:0-2:8', // kind:Pod
      'YAML002 5:0-5:1', // tab indentation
      'YAML001 9:1-9:10', // namespace one column off
      'YAML008 11:7-11:13', // "nginx unclosed
      'YAML006 13:3-13:7', // a: b: c
      'YAML026 15:6-15:7', // args: - one
      'YAML004 17:0-17:4', // spec without colon
      'YAML005 21:2-21:3', // b indented under a scalar value
      'YAML011 23:7-23:12', // @home
      'YAML010 25:10-25:11', // [1, , 2]
      'YAML012 27:9-27:11', // "C:\data"
      'YAML025 29:9-29:11', // "it"s"
      'YAML020 31:4-31:5', // --- a: 1
      'YAML022 33:7-33:15', // *missing
    ],
  },
  { rule: 'anchors', bad: ['YAML119 0:10-0:19', 'YAML119 2:8-2:14', 'YAML022 9:10-9:18', 'YAML022 12:7-12:16'] },
  { rule: 'duplicateKeys', bad: ['YAML100 6:4-6:7', 'YAML100 11:6-11:11', 'YAML100 12:0-12:8'] },
  { rule: 'tabs', bad: ['YAML101 1:5-1:6', 'YAML101 5:8-5:9'] },
  { rule: 'colons', bad: ['YAML102 0:10-0:11', 'YAML102 3:8-3:11', 'YAML102 8:7-8:8', 'YAML102 8:10-8:11'] },
  { rule: 'commas', bad: ['YAML103 8:20-8:21', 'YAML103 8:25-8:26', 'YAML103 9:38-9:39'] },
  { rule: 'indentation', bad: ['YAML104 5:0-5:7', 'YAML104 12:0-12:13'] },
  { rule: 'trailingSpaces', bad: ['YAML105 0:14-0:15', 'YAML105 3:16-3:17', 'YAML105 6:11-6:13', 'YAML105 9:0-9:2', 'YAML121 9:0-9:2'] },
  { rule: 'lineLength', settings: { lint: { lineLength: 'warning' } }, bad: ['YAML106 5:120-5:130'] },
  {
    rule: 'yaml11Values',
    bad: [
      'YAML107 5:13-5:16', // labels: enabled: yes
      'YAML107 7:15-7:17', // hostNetwork: No
      'YAML108 8:22-8:27', // False
      'YAML107 14:17-14:20', // env value: off
      'YAML110 17:18-17:23', // 1_000
      'YAML109 22:21-22:25', // 0644
      'YAML110 23:33-23:40', // 0b11110
      'YAML110 24:12-24:16', // 1:30
    ],
  },
  { rule: 'emptyValues', bad: ['YAML112 4:2-4:14', 'YAML112 11:6-11:15'] },
  {
    rule: 'documentMarkers',
    settings: { lint: { documentStart: 'warning', documentEnd: 'warning' } },
    bad: ['YAML113 0:0-0:14', 'YAML114 3:0-3:9', 'YAML114 8:0-8:9'],
  },
  { rule: 'finalNewline', bad: ['YAML115 3:17-3:18'], extraBad: { 'bad-blank-lines.yaml': ['YAML121 4:0-5:0'] } },
  { rule: 'emptyLines', bad: ['YAML116 4:0-5:0'] },
  { rule: 'commentSpacing', bad: ['YAML117 0:0-0:25', 'YAML117 4:17-4:23'] },
  { rule: 'keyOrdering', settings: { lint: { keyOrdering: 'warning' } }, bad: ['YAML118 2:2-2:8', 'YAML118 4:4-4:5', 'YAML118 5:0-5:4'] },
  { rule: 'helmTemplate', bad: ['YAML120 3:8-3:40'] },
];

describe('YAML rule fixtures', () => {
  it('has a case for every fixture folder', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'kubernetes')
      .map((e) => e.name)
      .sort();
    assert.deepEqual(folders, FIXTURE_CASES.map((c) => c.rule).sort());
  });

  for (const c of FIXTURE_CASES) {
    describe(c.rule, () => {
      it('good.yaml has no findings', () => {
        assert.deepEqual(briefs(fixture(join(c.rule, 'good.yaml')), c.settings), []);
      });
      it('bad.yaml has exactly the expected findings', () => {
        assert.deepEqual(briefs(fixture(join(c.rule, 'bad.yaml')), c.settings), [...c.bad]);
      });
      for (const [file, expected] of Object.entries(c.extraBad ?? {})) {
        it(`${file} has exactly the expected findings`, () => {
          assert.deepEqual(briefs(fixture(join(c.rule, file)), c.settings), [...expected]);
        });
      }
    });
  }

  describe('ordinary Kubernetes manifests', () => {
    for (const name of readdirSync(join(FIXTURES, 'kubernetes')).sort()) {
      it(`${name} has no findings with the default settings`, () => {
        assert.deepEqual(briefs(fixture(join('kubernetes', name))), []);
      });
    }
  });
});

/**
 * Applies every fix of every finding in the bad fixtures (text level) and re-validates: the finding must be
 * gone (one fewer of its code) and no finding of another code may appear or disappear, except where a fix
 * legitimately changes another rule's view (listed).
 */
describe('YAML quick fixes (text level)', () => {
  for (const c of FIXTURE_CASES) {
    const files = ['bad.yaml', ...Object.keys(c.extraBad ?? {})];
    for (const file of files) {
      const text = fixture(join(c.rule, file));
      const before = diagnose(text, c.settings);
      before.forEach((d, index) => {
        fixesOf(d).forEach((fix, fixIndex) => {
          it(`${c.rule}/${file} #${index} ${String(d.code)} fix ${fixIndex + 1}: ${fix.title.en}`, () => {
            const after = diagnose(applyEdits(text, fix.edits), c.settings);
            const was = codeCounts(before);
            const now = codeCounts(after);
            const code = String(d.code);
            if (MAY_FIX_MORE.has(code)) assert.ok((now.get(code) ?? 0) <= (was.get(code) ?? 0) - 1, `at least one ${code} fewer`);
            else assert.equal(now.get(code) ?? 0, (was.get(code) ?? 0) - 1, `one ${code} fewer`);
            for (const [other, count] of was) {
              if (other === code || SIDE_EFFECTS.has(`${code}>${other}`)) continue;
              assert.equal(now.get(other) ?? 0, count, `${other} unchanged`);
            }
            for (const [other, count] of now) {
              if (other === code || was.has(other) || SIDE_EFFECTS.has(`${code}>${other}`)) continue;
              assert.fail(`new ${other} findings (${count}) after fixing ${code}`);
            }
          });
        });
      });
    }
  }
});

/** Deleting a whole duplicate entry also deletes the duplicates nested inside it. */
const MAY_FIX_MORE = new Set<string>(['YAML100']);

/** `FIXED>OTHER`: fixing FIXED may legitimately change OTHER's count. */
const SIDE_EFFECTS = new Set<string>([
  'YAML010>YAML103', // removing a doubled comma leaves two spaces after the remaining one (a comma-style hint)
  'YAML002>YAML112', // after the tab is gone the document parses and `metadata:` gets its nested value
  'YAML121>YAML105', // the blank lines removed at the end of the file carried trailing spaces
]);
