// `npm test`'s static checks, the type check and the lint, run side by side: each keeps one
// core only partly busy (tsc is single-threaded; eslint waits on reading files), so
// together they take about the longer one's time instead of the sum (22 s + 19 s → ~27 s
// on the 2-core CI machine). Each one's output is printed whole once it has finished, so
// the two never interleave; the exit code is non-zero when either failed.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const checks = ['typecheck', 'lint'];

const results = await Promise.all(
  checks.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', (error) => resolve({ script, code: 1, output: `${output}${error.message}\n` }));
        child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
      }),
  ),
);

for (const { script, code, output } of results) {
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  if (code !== 0) console.error(`npm run ${script} failed (exit ${code}).`);
}
process.exit(results.some(({ code }) => code !== 0) ? 1 : 0);
