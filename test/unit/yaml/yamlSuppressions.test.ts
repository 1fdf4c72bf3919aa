// Suppression comments and settings applied to the YAML rules: next-line, file-wide, by code or name, severities and `off`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { briefs, diagnose } from './yamlTestKit';

describe('YAML suppressions', () => {
  it('disable-next-line silences the named code on the next line only', () => {
    const text = 'a: 1\n# kube-notes-disable-next-line YAML105\nb: 2 \nc: 3 \n';
    assert.deepEqual(briefs(text), ['YAML105 3:4-3:5']);
  });

  it('accepts several codes and setting names, separated by commas', () => {
    const text = '# kube-notes-disable-next-line YAML105, yaml11Boolean\nb: yes \n';
    assert.deepEqual(briefs(text), []);
  });

  it('leaves other codes on the line alone', () => {
    const text = '# kube-notes-disable-next-line YAML105\nb: yes \n';
    assert.deepEqual(briefs(text), ['YAML107 1:3-1:6']);
  });

  it('a directive without codes silences everything on the next line', () => {
    assert.deepEqual(briefs('# kube-notes-disable-next-line\nb: yes \nc: no\n'), ['YAML107 2:3-2:5']);
  });

  it('text after -- is a reason, not a code', () => {
    assert.deepEqual(briefs('# kube-notes-disable-next-line YAML107 -- the chart expects a boolean\nb: yes\n'), []);
  });

  it('file-level disable works from any document of the file', () => {
    const text = 'a: yes\n---\n# kube-notes-disable yaml11Boolean\nb: no\n---\nc: on\nd: 1 \n';
    assert.deepEqual(briefs(text), ['YAML105 6:4-6:5']);
  });

  it('a directive inside a string or block text is not a comment', () => {
    const quoted = 'a: "x # kube-notes-disable YAML107"\nb: yes\n';
    assert.deepEqual(briefs(quoted), ['YAML107 1:3-1:6']);
    const block = 'data:\n  embedded.yaml: |\n    # kube-notes-disable\n    x: 1\nb: yes\n';
    assert.deepEqual(briefs(block), ['YAML107 4:3-4:6']);
  });

  it('a suppressed syntax error stays suppressed only where it is', () => {
    const text = '# kube-notes-disable-next-line YAML011\na: @x\nb: @y\n';
    assert.deepEqual(briefs(text), ['YAML011 2:3-2:5']);
  });
});

describe('YAML rule settings', () => {
  it('kubeNotes.lint.<name> changes the severity', () => {
    const [d] = diagnose('a: yes\n', { lint: { yaml11Boolean: 'error' } });
    assert.equal(d!.severity, 1);
  });

  it('kubeNotes.lint.<CODE> works too, and off drops the finding', () => {
    assert.deepEqual(briefs('a: yes\n', { lint: { YAML107: 'off' } }), []);
  });

  it('rules that are off by default can be turned on', () => {
    assert.deepEqual(briefs('b: 1\na: 2\n'), []);
    assert.deepEqual(briefs('b: 1\na: 2\n', { lint: { keyOrdering: 'info' } }), ['YAML118 1:0-1:1']);
  });

  it('kubeNotes.yaml.truthy.allowed accepts extra spellings', () => {
    assert.deepEqual(briefs('a: True\nb: yes\n', { yaml: { truthy: { allowed: ['true', 'false', 'True', 'yes'] } } }), []);
  });

  it('kubeNotes.yaml.lineLength.max sets the limit', () => {
    const text = 'description: a b c d e f g h\n';
    assert.deepEqual(briefs(text, { lint: { lineLength: 'warning' }, yaml: { lineLength: { max: 20 } } }), ['YAML106 0:20-0:28']);
  });

  it('kubeNotes.yaml.indentation.spaces fixes the width', () => {
    const text = 'a:\n    b: 1\n';
    assert.deepEqual(briefs(text), []);
    assert.deepEqual(briefs(text, { yaml: { indentation: { spaces: 2 } } }), ['YAML104 1:0-1:5']);
  });

  it('kubeNotes.yaml.indentation.sequences can require one list style', () => {
    const text = 'a:\n- p\nb:\n  - q\n';
    assert.deepEqual(briefs(text), []);
    assert.deepEqual(briefs(text, { yaml: { indentation: { sequences: 'consistent' } } }), ['YAML104 3:0-3:3']);
    assert.deepEqual(briefs(text, { yaml: { indentation: { sequences: 'indented' } } }), ['YAML104 1:0-1:1']);
  });

  it('kubeNotes.yaml.colons.maxSpacesAfter', () => {
    assert.deepEqual(briefs('a:   1\n', { yaml: { colons: { maxSpacesAfter: -1 } } }), []);
  });

  it('kubeNotes.yaml.emptyLines.max', () => {
    assert.deepEqual(briefs('a: 1\n\nb: 2\n', { yaml: { emptyLines: { max: 0 } } }), ['YAML116 1:0-2:0']);
  });
});
