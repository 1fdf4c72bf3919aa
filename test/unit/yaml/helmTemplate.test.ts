// Helm template detection: chart templates/ folders and Helm vocabulary count; Go templates inside ConfigMaps do not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { helmTemplateReason } from '../../../server/src/service/yaml/helmTemplate';
import { looksLikeHelmTemplate } from '../../../server/src/service/languageService';
import { briefs, diagnose, fixture } from './yamlTestKit';

const HELM = fixture('helmTemplate/bad.yaml');

describe('Helm template detection', () => {
  it('detects Helm vocabulary (.Values, include, nindent)', () => {
    assert.equal(helmTemplateReason(HELM, 'file:///work/x.yaml'), 'helmSyntax');
    assert.equal(helmTemplateReason('image: {{ .Values.image }}\n', ''), 'helmSyntax');
    assert.equal(helmTemplateReason('labels:\n  {{- toYaml .Values.labels | nindent 4 }}\n', ''), 'helmSyntax');
  });

  it('detects any {{ }} file in a chart templates/ folder', () => {
    const text = 'metadata:\n  name: {{ $name }}\n';
    assert.equal(helmTemplateReason(text, 'file:///charts/web/templates/service.yaml'), 'chartTemplatesFolder');
    assert.equal(helmTemplateReason(text, 'file:///c%3A/charts/web/templates/sub/service.yml'), 'chartTemplatesFolder');
    assert.equal(helmTemplateReason(text, 'file:///charts/web/service.yaml'), undefined);
  });

  it('detects control lines in files without block text', () => {
    assert.equal(helmTemplateReason('{{- if $x }}\na: 1\n{{- end }}\n', ''), 'helmSyntax');
  });

  it('does not treat Prometheus/Alertmanager templates in a ConfigMap as Helm', () => {
    const text = fixture('kubernetes/deployment.yaml');
    assert.ok(text.includes('{{ define'));
    assert.equal(helmTemplateReason(text, 'file:///manifests/deployment.yaml'), undefined);
    assert.equal(looksLikeHelmTemplate(text), false);
  });

  it('a file in templates/ without {{ }} is plain YAML', () => {
    assert.equal(helmTemplateReason('a: 1\n', 'file:///chart/templates/plain.yaml'), undefined);
  });

  it('a Helm template gets exactly one information diagnostic and nothing else', () => {
    const diagnostics = diagnose(HELM);
    assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${d.severity}`), ['YAML120 3']);
    assert.match(String(diagnostics[0]!.message), /Helm template syntax/);
    const ko = diagnose(HELM, { language: 'ko' });
    assert.match(String(ko[0]!.message), /Helm 템플릿 문법/);
  });

  it('the reason names the templates/ folder when that is why', () => {
    const [d] = diagnose('a: {{ $x }}\nb: [\n', {}, 'file:///chart/templates/x.yaml');
    assert.equal(d!.code, 'YAML120');
    assert.match(String(d!.message), /templates\/` folder/);
  });

  it('the Helm diagnostic can be turned off like any other code', () => {
    assert.deepEqual(briefs(HELM, { lint: { helmTemplate: 'off' } }), []);
  });
});
