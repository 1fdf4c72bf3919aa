// YAML107/YAML108 only for real boolean spellings: words named like Object.prototype members are plain strings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { briefs } from './yamlTestKit';

describe('YAML 1.1 booleans and prototype names', () => {
  it('does not call constructor, toString, valueOf or hasOwnProperty a boolean', () => {
    const text = 'data:\n  constructor: toString\n  valueOf: hasOwnProperty\n  __proto__: isPrototypeOf\n';
    assert.deepEqual(briefs(text).filter((b) => /^YAML10[78]/.test(b)), []);
  });

  it('still reports the real spellings next to them', () => {
    const text = 'data:\n  constructor: yes\n  toString: True\n';
    assert.deepEqual(briefs(text).filter((b) => /^YAML10[78]/.test(b)), ['YAML107 1:15-1:18', 'YAML108 2:12-2:16']);
  });
});
