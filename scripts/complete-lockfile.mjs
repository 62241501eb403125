#!/usr/bin/env node
// Complete package-lock.json with the platform-specific optional packages that `npm install` left out.
//
// Some registries serve only the packages for the platforms they mirror. `npm install` then leaves out
// of the lockfile the optional per-platform binaries it cannot resolve (@rollup/rollup-darwin-arm64,
// @deno/win32-x64, …), and `npm ci` refuses that lockfile ("Missing: … from lock file"). This script
// adds, for every locked package, each missing optional dependency pinned to an exact version, marked
// optional and with the os / cpu / libc its name declares, so `npm ci` skips it on other platforms
// without fetching anything. Run it after every `npm install` that changes the lockfile:
//   node scripts/complete-lockfile.mjs          (writes package-lock.json)
//   node scripts/complete-lockfile.mjs --check  (exit 1 if something is missing)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'openharmony', 'netbsd', 'sunos', 'aix'];
const CPU = [['arm64', 'arm64'], ['x64', 'x64'], ['ia32', 'ia32'], ['loong64', 'loong64'], ['ppc64', 'ppc64'], ['riscv64', 'riscv64'], ['s390x', 's390x'], ['arm', 'arm']];

/** os / cpu / libc implied by a platform package's name, e.g. rollup-linux-arm64-musl. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find(([token]) => parts.some((p) => p === token || p.startsWith(token)))?.[1];
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') || parts.includes('glibc') || parts.includes('gnueabihf') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

const added = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const prefix = location === '' ? '' : `${location}/`;
    const candidates = [`${prefix}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c] !== undefined)) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue; // only exact versions can be pinned
    const { os, cpu, libc } = platformOf(name);
    if (os === undefined || cpu === undefined) continue;
    packages[`node_modules/${name}`] = {
      version: spec,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc === undefined ? {} : { libc: [libc] }),
    };
    added.push(`${name}@${spec}`);
  }
}

if (process.argv.includes('--check')) {
  if (added.length > 0) {
    console.error(`package-lock.json lacks ${added.length} optional platform packages (${added.slice(0, 3).join(', ')}, …): run node scripts/complete-lockfile.mjs`);
    process.exit(1);
  }
  console.log('package-lock.json: every optional platform package is locked');
} else {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`added ${added.length} optional platform packages to package-lock.json`);
}
