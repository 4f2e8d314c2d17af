#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than its sources, then starts the
// server (API + app) with its embedded database under ./data (or DATA_DIR).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'package-lock.json', 'public', 'src'];
const SERVER_ONLY = [join('src', 'server'), join('src', 'cli')];

function newestMtime(path) {
  if (!existsSync(path) || SERVER_ONLY.includes(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const builtAt = existsSync(join('dist', 'index.html')) ? statSync(join('dist', 'index.html')).mtimeMs : 0;
if (builtAt < Math.max(...BUILD_INPUTS.map(newestMtime))) {
  console.log('Building the app…');
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
