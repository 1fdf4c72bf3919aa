// Helm template detection and the one information diagnostic (YAML120) that says why a template is not checked.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { text, type Localized } from '../l10n/localized';
import { lineEndAt } from './yamlText';

export const HELM_TEMPLATE: RuleCode = {
  code: 'YAML120',
  name: 'helmTemplate',
  defaultSeverity: 'info',
  noteId: 'yaml',
  title: text('Helm 템플릿이라 검사하지 않습니다', 'Helm template: not checked'),
  explanation: text(
    'Helm 템플릿의 `{{ … }}`는 Helm이 값을 채워 넣기 전에는 YAML이 아니므로, kube-notes는 이 파일에 YAML과 Kubernetes 검사를 하지 않습니다. 결과를 검사하려면 `helm template <차트>`로 만든 YAML을 파일로 저장해서 여십시오.',
    'The `{{ … }}` actions of a Helm template are not YAML until Helm fills them in, so kube-notes runs no YAML or Kubernetes checks on this file. To check the result, save the output of `helm template <chart>` to a file and open it.',
  ),
};

/** Why a file counts as a Helm template, or undefined. */
export type HelmReason = 'chartTemplatesFolder' | 'helmSyntax';

/**
 * Helm-only vocabulary inside an action: built-in objects (`.Values`, `.Release`, …) and Helm/Sprig functions
 * (`include`, `toYaml`, `nindent`, `tpl`, `required`). Plain Go-template words (`define`, `template`, `if`,
 * `range`) are not enough: Alertmanager and Prometheus templates in ConfigMaps use them too.
 */
const HELM_ACTION = /\{\{-?[^}]*?(?:\$?\.(?:Values|Release|Chart|Capabilities|Files)\b|\b(?:include|toYaml|nindent|tpl|required|fromYaml|lookup)\b)/;
/** A template action alone on a line (`{{- if … }}`, `{{ end }}`), which plain YAML never contains outside a block scalar. */
const ACTION_LINE = /^[ \t]*\{\{-?\s*(?:if|else|end|range|with|define|block|-?\s*\/\*)\b/m;

function isInChartTemplatesFolder(uri: string): boolean {
  const path = decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')).replace(/\\/g, '/');
  return /\/templates\/(?:.*\/)?[^/]+\.(?:ya?ml|tpl)$/i.test(path);
}

/**
 * Decides whether a file is a Helm template. A `{{` alone is not enough: ConfigMaps often carry Go
 * templates for Prometheus or Alertmanager inside block scalars. The file must also sit in a chart's
 * `templates/` folder, or use Helm's own vocabulary (`.Values`, `include`, `toYaml`, `nindent`, …), or
 * have template actions on lines of their own while the file as a whole is not a plain manifest.
 */
export function helmTemplateReason(fileText: string, uri: string): HelmReason | undefined {
  const first = fileText.indexOf('{{');
  if (first === -1) return undefined;
  if (isInChartTemplatesFolder(uri)) return 'chartTemplatesFolder';
  if (HELM_ACTION.test(fileText.slice(first))) return 'helmSyntax';
  if (ACTION_LINE.test(fileText) && !/^[ \t]*[\w.-]+:[ \t]*[|>]/m.test(fileText)) return 'helmSyntax';
  return undefined;
}

function reasonText(reason: HelmReason): Localized {
  return reason === 'chartTemplatesFolder'
    ? text('이 파일은 Helm 차트의 `templates/` 폴더에 있고 `{{ … }}`를 씁니다.', 'This file is in the `templates/` folder of a Helm chart and uses `{{ … }}`.')
    : text('이 파일은 Helm 템플릿 문법(`{{ .Values … }}`, `include`, `toYaml` 등)을 씁니다.', 'This file uses Helm template syntax (`{{ .Values … }}`, `include`, `toYaml`, …).');
}

export const helmTemplate: Rule = {
  id: 'yaml.helmTemplate',
  chunkLocal: false,
  runsOnHelmTemplates: true,
  codes: [HELM_TEMPLATE],
  check(context: RuleContext): void {
    if (!context.file.isHelmTemplate || context.file.chunkIndex !== 0) return;
    const chunk = context.chunk;
    const reason: HelmReason = isInChartTemplatesFolder(context.file.uri) ? 'chartTemplatesFolder' : 'helmSyntax';
    const why = reasonText(reason);
    const first = chunk.text.indexOf('{{');
    const start = first === -1 ? 0 : first;
    const close = first === -1 ? -1 : chunk.text.indexOf('}}', first);
    const end = close !== -1 && close < lineEndAt(chunk.text, start) ? close + 2 : lineEndAt(chunk.text, start);
    context.report({
      code: HELM_TEMPLATE.code,
      start,
      end,
      message: text(
        `${why.ko} Helm이 렌더링하기 전에는 YAML이 아니므로 YAML·Kubernetes 검사를 건너뜁니다. \`helm template\`의 출력 결과를 열면 검사할 수 있습니다.`,
        `${why.en} It is not YAML until Helm renders it, so YAML and Kubernetes checks are skipped. Open the output of \`helm template\` to check it.`,
      ),
    });
  },
};
