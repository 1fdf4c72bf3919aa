// Coexistence with Red Hat's YAML extension: problems it also reports become hints while it is active.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { yamlDocument } from '../../helpers/caret';

const TEXT = 'metadata:\n  name:web\nspec: *missing\nkind: a\nkind: b\n';

function severities(peers: string[], settings = normalizeSettings({})): Record<string, DiagnosticSeverity | undefined> {
  const service = createLanguageService({ activePeers: peers });
  const result: Record<string, DiagnosticSeverity | undefined> = {};
  for (const d of service.validate(yamlDocument(TEXT), settings)) result[String(d.code)] = d.severity;
  return result;
}

describe('coexistence with redhat.vscode-yaml', () => {
  it('reports syntax errors and duplicate keys fully when the peer is absent', () => {
    const alone = severities([]);
    assert.equal(alone['YAML003'], DiagnosticSeverity.Warning, 'accepted by the parser as one string, so a warning');
    assert.equal(alone['YAML100'], DiagnosticSeverity.Error);
    assert.equal(alone['YAML022'], DiagnosticSeverity.Error);
  });

  it('turns what the peer also reports into hints, and keeps what only we report', () => {
    const withPeer = severities(['redhat.vscode-yaml']);
    assert.equal(withPeer['YAML003'], DiagnosticSeverity.Hint, 'key:value syntax error');
    assert.equal(withPeer['YAML100'], DiagnosticSeverity.Hint, 'duplicate key');
    assert.equal(withPeer['YAML022'], DiagnosticSeverity.Error, 'undefined alias is ours only');
  });

  it('reports everything fully with kubeNotes.coexistence.redHatYaml = full', () => {
    const full = severities(['redhat.vscode-yaml'], normalizeSettings({ coexistence: { redHatYaml: 'full' } }));
    assert.equal(full['YAML100'], DiagnosticSeverity.Error);
  });

  it('follows setActivePeers at run time', () => {
    const service = createLanguageService({});
    const settings = normalizeSettings({});
    const codeOf = () => service.validate(yamlDocument(TEXT), settings).find((d) => d.code === 'YAML100')?.severity;
    assert.equal(codeOf(), DiagnosticSeverity.Error);
    service.setActivePeers(['redhat.vscode-yaml']);
    assert.equal(codeOf(), DiagnosticSeverity.Hint);
  });
});
