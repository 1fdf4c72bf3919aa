// A structural validator for the SARIF 2.1.0 properties kube-notes writes (no network, no schema download).
// It follows the OASIS schema (sarif-schema-2.1.0.json): required properties, enums, integer minimums, and
// "additionalProperties": false on every object we emit (so a misspelt property fails as it would upstream).

type Json = unknown;

const ALLOWED: Record<string, readonly string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: [
    'tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs',
    'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences',
    'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests',
    'webResponses', 'specialLocations', 'properties',
  ],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: [
    'guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion',
    'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations',
    'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent',
    'translationMetadata', 'supportedTaxonomies', 'properties',
  ],
  reportingDescriptor: [
    'id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings',
    'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties',
  ],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  result: [
    'ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount',
    'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState',
    'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties',
  ],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
  invocation: [
    'commandLine', 'arguments', 'responseFiles', 'startTimeUtc', 'endTimeUtc', 'exitCode', 'ruleConfigurationOverrides',
    'notificationConfigurationOverrides', 'toolExecutionNotifications', 'toolConfigurationNotifications', 'exitCodeDescription', 'exitSignalName',
    'exitSignalNumber', 'processStartFailureMessage', 'executionSuccessful', 'machine', 'account', 'processId', 'executableLocation',
    'workingDirectory', 'environmentVariables', 'stdin', 'stdout', 'stderr', 'stdoutStderr', 'properties',
  ],
};

const LEVELS = ['none', 'note', 'warning', 'error'];
const KINDS = ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'];

class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  object(value: Json, path: string, kind: keyof typeof ALLOWED | 'propertyBag', required: readonly string[] = []): value is Record<string, Json> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object (${kind})`);
      return false;
    }
    const record = value as Record<string, Json>;
    if (kind !== 'propertyBag') {
      const allowed = ALLOWED[kind]!;
      for (const key of Object.keys(record)) if (!allowed.includes(key)) this.fail(`${path}.${key}`, `property not allowed in ${kind}`);
    }
    for (const key of required) if (!(key in record)) this.fail(path, `missing required property '${key}' (${kind})`);
    return true;
  }

  string(value: Json, path: string): value is string {
    if (typeof value !== 'string') {
      this.fail(path, 'expected a string');
      return false;
    }
    return true;
  }

  integer(value: Json, path: string, minimum: number): value is number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
      this.fail(path, `expected an integer >= ${minimum}, got ${JSON.stringify(value)}`);
      return false;
    }
    return true;
  }

  uriReference(value: Json, path: string): void {
    if (!this.string(value, path)) return;
    // RFC 3986 URI-reference: no spaces, no raw control or non-ASCII characters, no backslashes.
    if (/[\s\\"<>^`{|}\u0000-\u001f\u007f-\uffff]/.test(value)) this.fail(path, `not a valid URI reference: ${JSON.stringify(value)}`);
    if (/%(?![0-9A-Fa-f]{2})/.test(value)) this.fail(path, `bad percent-encoding: ${JSON.stringify(value)}`);
  }

  absoluteUri(value: Json, path: string): void {
    this.uriReference(value, path);
    if (typeof value === 'string' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) this.fail(path, `expected an absolute URI: ${value}`);
  }

  multiformat(value: Json, path: string): void {
    if (!this.object(value, path, 'multiformatMessageString', ['text'])) return;
    this.string(value['text'], `${path}.text`);
    if (value['markdown'] !== undefined) this.string(value['markdown'], `${path}.markdown`);
  }

  propertyBag(value: Json, path: string): void {
    if (!this.object(value, path, 'propertyBag')) return;
    const tags = value['tags'];
    if (tags !== undefined) {
      if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) this.fail(`${path}.tags`, 'expected an array of strings');
      else if (new Set(tags).size !== tags.length) this.fail(`${path}.tags`, 'tags must be unique');
    }
  }
}

/** Validates a parsed SARIF log; returns the list of problems (empty when valid). */
export function validateSarif(log: Json): string[] {
  const c = new Checker();
  if (!c.object(log, '$', 'log', ['version', 'runs'])) return c.errors;
  if (log['version'] !== '2.1.0') c.fail('$.version', `expected "2.1.0", got ${JSON.stringify(log['version'])}`);
  if (log['$schema'] !== undefined) c.absoluteUri(log['$schema'], '$.$schema');
  const runs = log['runs'];
  if (!Array.isArray(runs)) {
    c.fail('$.runs', 'expected an array');
    return c.errors;
  }
  runs.forEach((run: Json, r) => {
    const rp = `$.runs[${r}]`;
    if (!c.object(run, rp, 'run', ['tool'])) return;
    if (run['properties'] !== undefined) c.propertyBag(run['properties'], `${rp}.properties`);
    if (run['columnKind'] !== undefined && run['columnKind'] !== 'utf16CodeUnits' && run['columnKind'] !== 'unicodeCodePoints') c.fail(`${rp}.columnKind`, 'bad enum value');
    const bases = new Set<string>();
    if (run['originalUriBaseIds'] !== undefined) {
      if (c.object(run['originalUriBaseIds'], `${rp}.originalUriBaseIds`, 'propertyBag')) {
        for (const [id, location] of Object.entries(run['originalUriBaseIds'] as Record<string, Json>)) {
          const lp = `${rp}.originalUriBaseIds.${id}`;
          if (!c.object(location, lp, 'artifactLocation')) continue;
          bases.add(id);
          if (location['uri'] !== undefined) {
            c.absoluteUri(location['uri'], `${lp}.uri`);
            if (typeof location['uri'] === 'string' && !location['uri'].endsWith('/')) c.fail(`${lp}.uri`, 'a base URI must end with a slash');
          }
        }
      }
    }
    const tool = run['tool'];
    const ruleIds: string[] = [];
    if (c.object(tool, `${rp}.tool`, 'tool', ['driver'])) {
      const driver = tool['driver'];
      const dp = `${rp}.tool.driver`;
      if (c.object(driver, dp, 'toolComponent', ['name'])) {
        c.string(driver['name'], `${dp}.name`);
        for (const key of ['version', 'semanticVersion'] as const) if (driver[key] !== undefined) c.string(driver[key], `${dp}.${key}`);
        if (driver['informationUri'] !== undefined) c.absoluteUri(driver['informationUri'], `${dp}.informationUri`);
        if (driver['language'] !== undefined && (typeof driver['language'] !== 'string' || !/^[a-zA-Z]{2}(-[a-zA-Z]{2})?$/.test(driver['language']))) {
          c.fail(`${dp}.language`, 'expected an RFC 5646 language such as en or ko-KR');
        }
        const rules = driver['rules'];
        if (rules !== undefined) {
          if (!Array.isArray(rules)) c.fail(`${dp}.rules`, 'expected an array');
          else
            rules.forEach((rule: Json, i) => {
              const p = `${dp}.rules[${i}]`;
              if (!c.object(rule, p, 'reportingDescriptor', ['id'])) return;
              if (c.string(rule['id'], `${p}.id`)) {
                if (ruleIds.includes(rule['id'])) c.fail(`${p}.id`, `duplicate rule id ${rule['id']}`);
                ruleIds.push(rule['id']);
              }
              if (rule['name'] !== undefined) c.string(rule['name'], `${p}.name`);
              for (const key of ['shortDescription', 'fullDescription', 'help'] as const) if (rule[key] !== undefined) c.multiformat(rule[key], `${p}.${key}`);
              if (rule['helpUri'] !== undefined) c.absoluteUri(rule['helpUri'], `${p}.helpUri`);
              if (rule['properties'] !== undefined) c.propertyBag(rule['properties'], `${p}.properties`);
              const config = rule['defaultConfiguration'];
              if (config !== undefined && c.object(config, `${p}.defaultConfiguration`, 'reportingConfiguration')) {
                if (config['level'] !== undefined && !LEVELS.includes(config['level'] as string)) c.fail(`${p}.defaultConfiguration.level`, `bad level ${JSON.stringify(config['level'])}`);
                if (config['enabled'] !== undefined && typeof config['enabled'] !== 'boolean') c.fail(`${p}.defaultConfiguration.enabled`, 'expected a boolean');
                if (config['rank'] !== undefined && (typeof config['rank'] !== 'number' || config['rank'] < -1 || config['rank'] > 100)) c.fail(`${p}.defaultConfiguration.rank`, 'rank must be -1..100');
              }
            });
        }
      }
    }
    const results = run['results'];
    if (results !== undefined) {
      if (!Array.isArray(results)) c.fail(`${rp}.results`, 'expected an array');
      else
        results.forEach((result: Json, i) => {
          const p = `${rp}.results[${i}]`;
          if (!c.object(result, p, 'result', ['message'])) return;
          if (c.object(result['message'], `${p}.message`, 'message')) {
            const message = result['message'] as Record<string, Json>;
            if (message['text'] === undefined && message['id'] === undefined) c.fail(`${p}.message`, 'a message needs text or id');
            if (message['text'] !== undefined) c.string(message['text'], `${p}.message.text`);
          }
          if (result['ruleId'] !== undefined) c.string(result['ruleId'], `${p}.ruleId`);
          if (result['ruleIndex'] !== undefined && c.integer(result['ruleIndex'], `${p}.ruleIndex`, -1)) {
            const index = result['ruleIndex'] as number;
            if (index >= 0 && ruleIds[index] !== result['ruleId']) c.fail(`${p}.ruleIndex`, `rules[${index}] is ${ruleIds[index]}, not ${String(result['ruleId'])}`);
          }
          if (result['level'] !== undefined && !LEVELS.includes(result['level'] as string)) c.fail(`${p}.level`, `bad level ${JSON.stringify(result['level'])}`);
          if (result['kind'] !== undefined && !KINDS.includes(result['kind'] as string)) c.fail(`${p}.kind`, 'bad kind');
          if (result['properties'] !== undefined) c.propertyBag(result['properties'], `${p}.properties`);
          const locations = result['locations'];
          if (locations === undefined) return;
          if (!Array.isArray(locations)) {
            c.fail(`${p}.locations`, 'expected an array');
            return;
          }
          locations.forEach((location: Json, j) => {
            const lp = `${p}.locations[${j}]`;
            if (!c.object(location, lp, 'location')) return;
            const physical = location['physicalLocation'];
            if (physical === undefined) return;
            if (!c.object(physical, `${lp}.physicalLocation`, 'physicalLocation')) return;
            const artifact = physical['artifactLocation'];
            if (artifact !== undefined && c.object(artifact, `${lp}.physicalLocation.artifactLocation`, 'artifactLocation')) {
              if (artifact['uri'] !== undefined) c.uriReference(artifact['uri'], `${lp}.physicalLocation.artifactLocation.uri`);
              if (artifact['uriBaseId'] !== undefined && c.string(artifact['uriBaseId'], `${lp}.physicalLocation.artifactLocation.uriBaseId`)) {
                if (!bases.has(artifact['uriBaseId'] as string)) c.fail(`${lp}.physicalLocation.artifactLocation.uriBaseId`, `undeclared base ${String(artifact['uriBaseId'])}`);
              } else if (typeof artifact['uri'] === 'string' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(artifact['uri'])) {
                c.fail(`${lp}.physicalLocation.artifactLocation`, 'a relative uri needs a uriBaseId');
              }
            }
            const region = physical['region'];
            if (region !== undefined && c.object(region, `${lp}.physicalLocation.region`, 'region')) {
              const rg = `${lp}.physicalLocation.region`;
              const ok =
                c.integer(region['startLine'], `${rg}.startLine`, 1) &&
                (region['startColumn'] === undefined || c.integer(region['startColumn'], `${rg}.startColumn`, 1)) &&
                (region['endLine'] === undefined || c.integer(region['endLine'], `${rg}.endLine`, 1)) &&
                (region['endColumn'] === undefined || c.integer(region['endColumn'], `${rg}.endColumn`, 1));
              if (ok) {
                const startLine = region['startLine'] as number;
                const endLine = (region['endLine'] as number | undefined) ?? startLine;
                if (endLine < startLine) c.fail(rg, 'endLine before startLine');
                if (endLine === startLine && region['endColumn'] !== undefined && (region['endColumn'] as number) < ((region['startColumn'] as number | undefined) ?? 1)) {
                  c.fail(rg, 'endColumn before startColumn');
                }
              }
            }
          });
        });
    }
    const invocations = run['invocations'];
    if (invocations !== undefined) {
      if (!Array.isArray(invocations)) c.fail(`${rp}.invocations`, 'expected an array');
      else
        invocations.forEach((invocation: Json, i) => {
          const p = `${rp}.invocations[${i}]`;
          if (!c.object(invocation, p, 'invocation', ['executionSuccessful'])) return;
          if (typeof invocation['executionSuccessful'] !== 'boolean') c.fail(`${p}.executionSuccessful`, 'expected a boolean');
          if (invocation['exitCode'] !== undefined && !Number.isInteger(invocation['exitCode'])) c.fail(`${p}.exitCode`, 'expected an integer');
        });
    }
  });
  return c.errors;
}
