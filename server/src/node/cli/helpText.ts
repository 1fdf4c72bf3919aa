// `kube-notes --help` in English and Korean.
import type { Lang } from '../../service/l10n/localized';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../service/settings';

const versions = `${SUPPORTED_KUBERNETES_VERSIONS[0]}–${SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]}`;

const en = `Usage: kube-notes check [options] [paths | globs | -]

Checks Kubernetes manifests and YAML files with the same rules as the kube-notes
VS Code extension. Folders are searched recursively for *.yaml and *.yml files
(.git and node_modules are skipped); quote globs ('**/*.yaml', 'k8s/{dev,prod}/*.yml')
to let kube-notes expand them; '-' reads standard input. Default: the current folder.

Options:
  --kubernetes-version <v>    Kubernetes API version to validate against (${versions}; default 1.36)
  --lang <ko|en>              Language of messages (default: from LC_ALL/LC_MESSAGES/LANG, ko* → ko, else en)
  -f, --format <fmt>          human (default), json, sarif (SARIF 2.1.0) or junit
  --severity-threshold <s>    Exit with 1 when a finding at or above it exists: error (default), warning, info, hint
  --rule <CODE|name>=<sev>    Set a rule's severity: off, hint, info, warning, error (repeatable)
  -c, --config <file>         Settings file: the VS Code "kubeNotes" section as JSON or YAML, or a
                              .vscode/settings.json with "kubeNotes.*" keys. Default: ./.kube-notes.json,
                              ./.kube-notes.yaml or ./.kube-notes.yml if present. Options override it.
  --no-config                 Do not look for .kube-notes.json / .kube-notes.yaml
  --color, --no-color         Force colours on or off (default: on a terminal unless NO_COLOR is set)
  -q, --quiet                 Report only findings at or above the threshold; no summary, no progress
  --max-files <n>             Refuse to run on more than n files (default 100000)
  --max-file-size <size>      Report larger files instead of parsing them (default 50MB)
  --stdin-filename <name>     File name to use for '-' (Helm templates/ folders, kustomize patches, reports)
  --list-rules                List every rule code with its name and effective severity
  -h, --help                  Show this help
  -v, --version               Show the version

Exit codes:
  0  no findings at or above the severity threshold
  1  findings at or above the severity threshold
  2  usage or I/O error (bad option or config, a path or glob that matches nothing, too many files)

Unreadable files, binary files and broken YAML are findings for that file (CLI001, CLI002,
YAML syntax codes); the run goes on. Documentation: docs/cli.md.
`;

const ko = `사용법: kube-notes check [옵션] [경로 | 글로브 | -]

kube-notes VS Code 확장과 같은 규칙으로 Kubernetes 매니페스트와 YAML 파일을 검사합니다.
폴더는 *.yaml, *.yml 파일을 재귀적으로 찾습니다(.git과 node_modules는 건너뜀).
글로브('**/*.yaml', 'k8s/{dev,prod}/*.yml')는 따옴표로 감싸면 kube-notes가 펼칩니다.
'-'는 표준 입력을 읽습니다. 경로가 없으면 현재 폴더를 검사합니다.

옵션:
  --kubernetes-version <v>    검사할 Kubernetes API 버전 (${versions}; 기본 1.36)
  --lang <ko|en>              메시지 언어 (기본: LC_ALL/LC_MESSAGES/LANG이 ko로 시작하면 ko, 아니면 en)
  -f, --format <fmt>          human(기본), json, sarif(SARIF 2.1.0), junit
  --severity-threshold <s>    이 심각도 이상의 결과가 있으면 종료 코드 1: error(기본), warning, info, hint
  --rule <코드|이름>=<심각도>  규칙의 심각도 설정: off, hint, info, warning, error (여러 번 가능)
  -c, --config <파일>         설정 파일: VS Code "kubeNotes" 섹션 모양의 JSON/YAML, 또는 "kubeNotes.*" 키를 쓰는
                              .vscode/settings.json. 기본: 현재 폴더의 .kube-notes.json, .kube-notes.yaml,
                              .kube-notes.yml. 명령줄 옵션이 설정 파일보다 우선합니다.
  --no-config                 .kube-notes.json / .kube-notes.yaml을 찾지 않음
  --color, --no-color         색을 강제로 켜거나 끔 (기본: 터미널이고 NO_COLOR가 없을 때만 색)
  -q, --quiet                 기준 심각도 이상의 결과만 출력, 요약·진행 표시 없음
  --max-files <n>             파일이 n개보다 많으면 실행하지 않음 (기본 100000)
  --max-file-size <크기>      이보다 큰 파일은 파싱하지 않고 결과로 보고 (기본 50MB)
  --stdin-filename <이름>     '-'에 쓸 파일 이름 (Helm templates/ 폴더, kustomize 패치, 보고서)
  --list-rules                모든 규칙 코드와 이름, 적용되는 심각도 출력
  -h, --help                  이 도움말
  -v, --version               버전

종료 코드:
  0  기준 심각도 이상의 결과 없음
  1  기준 심각도 이상의 결과 있음
  2  사용법 또는 입출력 오류 (잘못된 옵션이나 설정, 일치하는 파일이 없는 경로나 글로브, 너무 많은 파일)

읽을 수 없는 파일, 바이너리 파일, 깨진 YAML은 그 파일의 결과(CLI001, CLI002, YAML 문법 코드)로
보고되고 검사는 계속됩니다. 문서: docs/cli.md.
`;

export function helpText(lang: Lang): string {
  return lang === 'ko' ? ko : en;
}
