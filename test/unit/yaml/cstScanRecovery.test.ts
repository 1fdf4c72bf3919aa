// The CST scan survives the parser's recovery shapes (a sequence item without its `-`) instead of failing every rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from './yamlTestKit';

describe('CST scan on recovered input', () => {
  it('a line indented deeper than `- name: x` gives syntax findings, not internal errors', () => {
    const text = 'spec:\n  containers:\n    - name: web\n     image: nginx\n';
    const codes = diagnose(text).map((d) => String(d.code));
    assert.ok(!codes.includes('KN000'), `unexpected internal error: ${codes.join(', ')}`);
    assert.ok(codes.some((code) => /^YAML0\d\d$/.test(code)), `expected a syntax finding: ${codes.join(', ')}`);
  });

  it('a suppression comment in such a chunk does not abort the whole validation', () => {
    const text = '# kube-notes-disable-next-line YAML105\n        - name: media-svc\n         initialDelaySeconds: 23\n';
    const codes = diagnose(text).map((d) => String(d.code));
    assert.ok(!codes.includes('KN000'), `unexpected internal error: ${codes.join(', ')}`);
  });
});
