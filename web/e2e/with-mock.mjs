// Runs the E2E suite against e2e/mock-api.mjs (build first: npm run build). For development
// only: the real run is `npm run e2e` against the real stack.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const mock = spawn(process.execPath, [`${here}mock-api.mjs`, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  mock.stdout.on('data', (chunk) => {
    const match = /listening on (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  mock.on('exit', (code) => reject(new Error(`mock-api exited with ${code}`)));
});
const env = { ...process.env, ROBSON_E2E_BASE_URL: url, ROBSON_E2E_SIM_URL: url };
const run = spawn(process.execPath, [`${here}run.mjs`], { stdio: 'inherit', env });
run.on('exit', (code) => {
  mock.kill();
  process.exit(code ?? 1);
});
