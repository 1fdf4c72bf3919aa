// The extension manifest: kubeNotes.* prefix, categories, every %key% and l10n string in English and Korean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/bundledNotes';
import { defaultSettings, normalizeSettings, settingValue } from '../../../server/src/service/settings';

const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Record<string, unknown>;
const manifest = read('package.json') as {
  contributes: { commands: Array<{ command: string; title: string; category?: string }>; configuration: { properties: Record<string, { default?: unknown }> } };
  activationEvents: string[];
  capabilities: Record<string, unknown>;
};
const nlsEn = read('package.nls.json') as Record<string, string>;
const nlsKo = read('package.nls.ko.json') as Record<string, string>;

describe('extension manifest', () => {
  it('uses one prefix for commands and settings, and gives every command a category', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^kubeNotes\.[a-z][A-Za-z]+$/);
      assert.equal(command.category, '%command.category%');
    }
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.match(key, /^kubeNotes\./);
    assert.ok('kubeNotes.trace.server' in manifest.contributes.configuration.properties);
  });

  it('activates on YAML without claiming the yaml language', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
    assert.equal((manifest.contributes as Record<string, unknown>)['languages'], undefined);
  });

  it('declares workspace trust and virtual workspace support deliberately', () => {
    assert.deepEqual(Object.keys(manifest.capabilities).sort(), ['untrustedWorkspaces', 'virtualWorkspaces']);
  });

  it('has every %key% in package.nls.json and package.nls.ko.json, and no unused keys', () => {
    const text = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    for (const key of used) {
      assert.ok(nlsEn[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsKo[key], `package.nls.ko.json lacks ${key}`);
      assert.ok(/[가-힣]/.test(nlsKo[key]!) || /^[A-Za-z ]+$/.test(nlsKo[key]!) === false, `${key} should be Korean`);
    }
    assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), []);
    assert.deepEqual(Object.keys(nlsKo).sort(), Object.keys(nlsEn).sort());
  });

  it('has a Korean translation for every l10n string of the client', () => {
    const en = read('l10n/bundle.l10n.json');
    const ko = read('l10n/bundle.l10n.ko.json');
    assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
    const walk = (dir: string): string[] =>
      readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    const sources = walk('client/src');
    assert.ok(sources.length >= 6);
    for (const file of sources) {
      for (const match of readFileSync(join(REPO_ROOT, file), 'utf8').matchAll(/l10n\.t\(\s*(?:'([^']+)'|"([^"]+)")/g)) {
        const key = match[1] ?? match[2]!;
        assert.ok(key in en, `${file}: "${key}" is missing from l10n/bundle.l10n.json (run npm run l10n:export)`);
      }
    }
  });

  it('declares defaults that match the server defaults', () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['kubeNotes.kubernetes.version']!.default, defaultSettings.kubernetes.version);
    assert.equal(props['kubeNotes.language']!.default, defaultSettings.language);
    assert.equal(props['kubeNotes.hover.maxNotes']!.default, defaultSettings.hover.maxNotes);
  });
});

describe('normalizeSettings', () => {
  it('fills defaults and tolerates garbage', () => {
    assert.deepEqual({ ...normalizeSettings(undefined), raw: {} }, { ...defaultSettings, raw: {} });
    const s = normalizeSettings({ language: 'fr', hover: { maxNotes: 99 }, notes: { paths: ['a', 3, ' '] }, kubernetes: { version: 'v1.30' }, lint: { a: 'warning', b: 'loud' } });
    assert.equal(s.language, 'auto');
    assert.equal(s.hover.maxNotes, 10);
    assert.deepEqual(s.notes.paths, ['a']);
    assert.equal(s.kubernetes.version, '1.30');
    assert.deepEqual(s.lint, { a: 'warning' });
    assert.equal(normalizeSettings({ kubernetes: { version: '1.99' } }).kubernetes.version, '1.36');
  });

  it('reads nested and flattened rule options', () => {
    assert.equal(settingValue(normalizeSettings({ yaml: { lineLength: { max: 100 } } }), 'yaml.lineLength.max', 80), 100);
    assert.equal(settingValue(normalizeSettings({ 'yaml.lineLength.max': 90 }), 'yaml.lineLength.max', 80), 90);
    assert.equal(settingValue(normalizeSettings({ yaml: { lineLength: { max: 'x' } } }), 'yaml.lineLength.max', 80), 80);
  });
});
