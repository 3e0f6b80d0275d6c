import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Runs @doyensec/electronegativity through its Node API (the CLI always exits 0,
// and its CSV writer races its own header write, which can clobber the first
// finding; the API hands back the findings themselves, severities included).

export const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const ELECTRON_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
export const SEVERITY_RANK: Record<Severity, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

export interface Finding {
  id: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  column: number;
  sample: string;
  description: string;
}

/**
 * Checks left out of every scan, each with its reason:
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from
 *   GitHub; tests run offline. Electron is pinned in package.json and upgraded
 *   deliberately, which is when its security releases are reviewed.
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface RawIssue {
  id: string;
  severity: { name: Severity };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string | Record<string, string>;
}

type Runner = (options: Record<string, unknown>, forCli?: boolean) => Promise<{ issues: RawIssue[]; errors: unknown[]; atomicChecks: number; globalChecks: number }>;

export interface ScanResult {
  findings: Finding[];
  /** Files the parser could not read (a scan that parses nothing proves nothing). */
  errors: unknown[];
  atomicChecks: number;
  globalChecks: number;
}

/** Scans `input` (a folder or a file) with every check except EXCLUDED_CHECKS. */
export async function scan(input: string): Promise<ScanResult> {
  const module = require('@doyensec/electronegativity') as Runner | { default: Runner };
  const run = typeof module === 'function' ? module : module.default;
  const result = await run({
    input,
    isRelative: true,
    isVerbose: false,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: ELECTRON_VERSION,
    parserPlugins: [],
  });
  return {
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      sample: issue.sample ?? '',
      description: typeof issue.description === 'string' ? issue.description : JSON.stringify(issue.description),
    })),
    errors: result.errors,
    atomicChecks: result.atomicChecks,
    globalChecks: result.globalChecks,
  };
}
