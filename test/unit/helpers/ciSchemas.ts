import type { Schema } from './jsonSchema';

/**
 * The parts of the published schemas our outputs must meet, transcribed (required fields, types,
 * enums) from:
 * - SARIF 2.1.0: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
 *   (sarifLog, run, tool, toolComponent, reportingDescriptor, multiformatMessageString, result, message,
 *   location, physicalLocation, artifactLocation, region, invocation, notification, runAutomationDetails,
 *   propertyBag.tags) plus GitHub's code-scanning properties (`precision`, rule `tags`).
 * - GitLab Code Quality: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 *   (description, check_name, fingerprint, severity, location.path, location.lines.begin required).
 * - reviewdog rdjson: https://github.com/reviewdog/reviewdog/blob/master/proto/rdf/jsonschema/DiagnosticResult.json
 *   and proto/rdf/reviewdog.proto ("Required." on message, location, range.start), severity enum.
 */
const message: Schema = { type: 'object', anyOf: [{ required: ['text'] }, { required: ['id'] }], properties: { text: { type: 'string' } } };
const multiformat: Schema = { type: 'object', required: ['text'], properties: { text: { type: 'string' }, markdown: { type: 'string' } } };
const level: Schema = { enum: ['none', 'note', 'warning', 'error'] };

export const SARIF_SCHEMA: Schema = {
  type: 'object',
  required: ['version', 'runs'],
  properties: { version: { enum: ['2.1.0'] }, $schema: { type: 'string' }, runs: { type: 'array', items: { $ref: '#/definitions/run' } } },
  definitions: {
    run: {
      type: 'object',
      required: ['tool'],
      properties: {
        tool: { type: 'object', required: ['driver'], properties: { driver: { $ref: '#/definitions/toolComponent' } } },
        automationDetails: { type: 'object', properties: { id: { type: 'string' } } },
        invocations: { type: 'array', items: { type: 'object', required: ['executionSuccessful'], properties: { executionSuccessful: { type: 'boolean' }, toolExecutionNotifications: { type: 'array', items: { type: 'object', required: ['message'], properties: { message, level } } } } } },
        results: { type: 'array', items: { $ref: '#/definitions/result' } },
        originalUriBaseIds: { type: 'object' },
      },
    },
    toolComponent: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, version: { type: 'string' }, informationUri: { type: 'string', pattern: '^https://' }, rules: { type: 'array', items: { $ref: '#/definitions/reportingDescriptor' } } } },
    reportingDescriptor: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' }, shortDescription: multiformat, fullDescription: multiformat, help: multiformat, helpUri: { type: 'string', pattern: '^https://' },
        defaultConfiguration: { type: 'object', properties: { level } },
        properties: { type: 'object', required: ['tags', 'precision'], properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } }, precision: { enum: ['very-high', 'high', 'medium', 'low'] } } },
      },
    },
    result: {
      type: 'object',
      required: ['message'],
      properties: {
        message, level, ruleId: { type: 'string' }, ruleIndex: { type: 'integer', minimum: 0 },
        partialFingerprints: { type: 'object' },
        locations: { type: 'array', items: { type: 'object', properties: { physicalLocation: { type: 'object', properties: {
          // uri-reference: no raw '#', '?', spaces or '%' that is not an escape.
          artifactLocation: { type: 'object', properties: { uri: { type: 'string', pattern: '^(?:[A-Za-z0-9\\-._~!$&\'()*+,;=:@/]|%[0-9A-F]{2})*$' }, uriBaseId: { type: 'string' } } },
          region: { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 }, endColumn: { type: 'integer', minimum: 1 } } },
        } } } } },
      },
    },
  },
};

export const GITLAB_SCHEMA: Schema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string' },
      check_name: { type: 'string' },
      fingerprint: { type: 'string', pattern: '^\\S+$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: { type: 'object', required: ['path', 'lines'], properties: { path: { type: 'string' }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } } } },
      categories: { type: 'array', items: { enum: ['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style'] } },
      content: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
    },
  },
};

const position: Schema = { type: 'object', properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } };
const range: Schema = { type: 'object', required: ['start'], properties: { start: position, end: position } };
const severity: Schema = { enum: ['UNKNOWN_SEVERITY', 0, 'ERROR', 1, 'WARNING', 2, 'INFO', 3] };

export const RDJSON_SCHEMA: Schema = {
  type: 'object',
  properties: {
    source: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, url: { type: 'string' } } },
    severity,
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message', 'location'],
        properties: {
          message: { type: 'string' },
          location: { type: 'object', required: ['path'], properties: { path: { type: 'string' }, range } },
          severity,
          code: { type: 'object', required: ['value'], properties: { value: { type: 'string' }, url: { type: 'string' } } },
          suggestions: { type: 'array', items: { type: 'object', required: ['range', 'text'], properties: { range, text: { type: 'string' } } } },
        },
      },
    },
  },
};
