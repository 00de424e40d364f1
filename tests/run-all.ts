/**
 * `npm test`: the whole suite in one go — system packages, lint and format, type-check, the
 * renderer build the end-to-end tests serve, then every vitest project (unit, renderer,
 * integration, e2e). Ends with one plain line: `Summary: N passed, N failed, N skipped`, counting
 * each static check as one test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDependencies } from './system-deps';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'tests', 'artifacts');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface Step {
  name: string;
  command: string;
  args: string[];
}

function run(step: Step): boolean {
  const started = Date.now();
  console.log(`\n── ${step.name} ──`);
  const result = spawnSync(step.command, step.args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const passed = result.status === 0;
  console.log(`── ${step.name}: ${passed ? 'passed' : 'FAILED'} in ${seconds} s`);
  return passed;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
}

function main(): number {
  const deps = ensureSystemDependencies();
  if (!deps.ok) {
    console.error(deps.message);
    return 1;
  }
  mkdirSync(artifacts, { recursive: true });
  const checks: Step[] = [
    { name: 'lint (eslint)', command: bin('eslint'), args: ['.'] },
    {
      name: 'format (prettier --check)',
      command: bin('prettier'),
      args: ['--check', '--log-level', 'warn', '.'],
    },
    { name: 'type-check (vue-tsc --build)', command: bin('vue-tsc'), args: ['--build'] },
    { name: 'renderer build (vite)', command: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  ];
  let checksPassed = 0;
  let checksFailed = 0;
  for (const check of checks) {
    if (run(check)) checksPassed += 1;
    else checksFailed += 1;
  }

  const report = join(artifacts, 'vitest.json');
  run({
    name: 'tests (vitest: unit, renderer, integration, e2e)',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  });
  let tests: VitestJson = {
    numPassedTests: 0,
    numFailedTests: 1,
    numPendingTests: 0,
    numTodoTests: 0,
    numTotalTests: 1,
  };
  try {
    tests = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  } catch {
    console.error('vitest wrote no report: counting the test step as one failure');
  }
  const passed = checksPassed + tests.numPassedTests;
  const failed = checksFailed + tests.numFailedTests;
  const skipped = tests.numPendingTests + tests.numTodoTests;
  console.log(`\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0 && tests.numTotalTests > 0 ? 0 : 1;
}

process.exit(main());
