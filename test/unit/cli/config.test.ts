// Unit tests of the CLI configuration: the extension's settings shapes, strict validation, command-line precedence.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { normalizeKubernetesVersion, parseJsonc, resolveSection, sectionFromConfig } from '../../../server/src/service/check/checkConfig';

const registry = createLanguageService().registry;

describe('config shapes', () => {
  it('takes the kubeNotes section as is', () => {
    const section = sectionFromConfig({ language: 'ko', kubernetes: { version: '1.33' }, lint: { trailingSpaces: 'off' }, yaml: { lineLength: { max: 100 } } });
    assert.deepEqual(section, { language: 'ko', kubernetes: { version: '1.33' }, lint: { trailingSpaces: 'off' }, yaml: { lineLength: { max: 100 } } });
  });

  it('reads VS Code settings.json with flattened kubeNotes.* keys (and [yaml] overrides), ignoring other keys', () => {
    const section = sectionFromConfig({
      'editor.tabSize': 2,
      'kubeNotes.language': 'en',
      'kubeNotes.kubernetes.version': '1.30',
      'kubeNotes.lint.trailingSpaces': 'off',
      'kubeNotes.lint': { lineLength: 'warning' },
      'kubeNotes.yaml.lineLength.max': 120,
      '[yaml]': { 'kubeNotes.language': 'ko' },
    });
    assert.deepEqual(section, { language: 'ko', kubernetes: { version: '1.30' }, lint: { trailingSpaces: 'off', lineLength: 'warning' }, yaml: { lineLength: { max: 120 } } });
  });

  it('accepts a { "kubeNotes": { … } } wrapper', () => {
    assert.deepEqual(sectionFromConfig({ kubeNotes: { language: 'ko' } }), { language: 'ko' });
  });

  it('parses JSON with comments and trailing commas, keeping strings intact', () => {
    const text = `{
      // a comment
      "kubeNotes.lint.trailingSpaces": "off", /* block */
      "url": "http://example.com/*not a comment*/",
      "list": [1, 2,],
    }`;
    assert.deepEqual(parseJsonc(text), { 'kubeNotes.lint.trailingSpaces': 'off', url: 'http://example.com/*not a comment*/', list: [1, 2] });
    assert.throws(() => parseJsonc('{ "a": }'), SyntaxError);
  });

  it('normalises Kubernetes versions, including YAML numbers such as an unquoted 1.30', () => {
    assert.equal(normalizeKubernetesVersion('1.33'), '1.33');
    assert.equal(normalizeKubernetesVersion('v1.28'), '1.28');
    assert.equal(normalizeKubernetesVersion(1.3), '1.30');
    assert.equal(normalizeKubernetesVersion(1.36), '1.36');
    assert.equal(normalizeKubernetesVersion('1.27'), undefined);
    assert.equal(normalizeKubernetesVersion('latest'), undefined);
  });
});

describe('resolveSection', () => {
  it('lets command-line options override the file; a code on the command line beats a name in the file', () => {
    const { section, problems } = resolveSection(
      { language: 'ko', kubernetes: { version: '1.30', validate: true }, lint: { trailingSpaces: 'off' } },
      { language: 'en', kubernetesVersion: '1.33', rules: [{ rule: 'YAML105', severity: 'error' }] },
      registry,
      '.kube-notes.json',
    );
    assert.deepEqual(problems, { errors: [], warnings: [] });
    const settings = normalizeSettings(section);
    assert.equal(settings.language, 'en');
    assert.equal(settings.kubernetes.version, '1.33');
    assert.equal(settings.kubernetes.validate, true);
    assert.equal(registry.severityOf('YAML105', settings), 'error');
  });

  it('stores rule codes from the file under their names, so the service reads them', () => {
    const { section } = resolveSection({ lint: { YAML105: 'off' } }, {}, registry, 'f');
    assert.deepEqual(section['lint'], { trailingSpaces: 'off' });
    const cli = resolveSection({}, { rules: [{ rule: 'CLI002', severity: 'warning' }, { rule: 'binaryFile', severity: 'off' }] }, registry, 'f').section;
    assert.deepEqual(cli['lint'], { binaryFile: 'off' });
  });

  it('rejects bad values as errors and tolerates unknown rule names with a warning', () => {
    const { problems } = resolveSection(
      { language: 'fr', kubernetes: { version: '1.99' }, lint: { trailingSpaces: 'loud', noSuchRule: 'off' } },
      { kubernetesVersion: '2.0', rules: [{ rule: 'NOPE001', severity: 'off' }, { rule: 'YAML105', severity: 'fatal' }] },
      registry,
      'cfg.yaml',
    );
    const errors = problems.errors.map((e) => e.en).join('\n');
    assert.match(errors, /cfg\.yaml: language must be auto, ko or en/);
    assert.match(errors, /cfg\.yaml: unsupported Kubernetes version "1\.99"/);
    assert.match(errors, /lint\.trailingSpaces must be off, hint, info, warning or error/);
    assert.match(errors, /--kubernetes-version: unsupported version '2\.0'/);
    assert.match(errors, /--rule: unknown rule 'NOPE001'/);
    assert.match(errors, /--rule YAML105: severity must be/);
    assert.deepEqual(problems.warnings.map((w) => w.en), ['cfg.yaml: unknown rule lint.noSuchRule — ignored.']);
  });
});
