#!/usr/bin/env node
// After the build: write dist/THIRD-PARTY-LICENSES.md for the packages bundled into dist (the @stdlib
// special functions): each package's name and version, every distinct LICENSE text once, and their NOTICEs.
// The build names every file it took from node_modules in a comment (in whichever of its files holds
// it); those are the packages listed. The browser build (scripts/build-browser.mjs) writes its own
// notice beside its files with `licenseNotice`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The Markdown notice for bundled packages: each package's name, version and license, every distinct
 * license text once (from its LICENSE or LICENCE file), and the packages' NOTICE files.
 *
 * @param {string[]} names - package names, as installed in the project's node_modules
 * @param {string} intro - the sentence saying what includes them
 * @returns {string} the notice
 * @throws {Error} when a package ships no license file
 */
export function licenseNotice(names, intro) {
  const licenses = new Map(); // license text → packages
  const notices = new Set();
  for (const name of names) {
    const dir = join(root, 'node_modules', name);
    const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const read = (pattern) => {
      const file = readdirSync(dir).find((entry) => pattern.test(entry));
      return file === undefined ? '' : readFileSync(join(dir, file), 'utf8').trim();
    };
    const text = read(/^licen[cs]e(?:\.md|\.txt)?$/i);
    if (text === '') throw new Error(`${name} ships no LICENSE file; add its license to this notice by hand`);
    licenses.set(text, [...(licenses.get(text) ?? []), `${name}@${version} (${license})`]);
    const notice = read(/^notice(?:\.md|\.txt)?$/i);
    if (notice !== '') notices.add(notice);
  }
  const block = (text) => `\`\`\`text\n${text}\n\`\`\``;
  const sections = [...licenses].map(([text, packages]) => `## ${packages.length} package${packages.length === 1 ? '' : 's'} under one license text\n\n${packages.map((p) => `- ${p}`).join('\n')}\n\n### License\n\n${block(text)}\n`);
  const noticeSection = notices.size === 0 ? '' : `\n## Notices\n\n${[...notices].map(block).join('\n\n')}\n`;
  return `# Third-party licenses\n\n${intro}\n\n${sections.join('\n')}${noticeSection}`;
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const built = readdirSync(join(root, 'dist')).filter((file) => /\.(?:js|cjs)$/.test(file));
  const bundle = built.map((file) => readFileSync(join(root, 'dist', file), 'utf8')).join('\n');
  const names = [...new Set([...bundle.matchAll(/node_modules\/((?:@[a-z0-9-]+\/)?[a-z0-9.-]+)\//g)].map((m) => m[1]))].sort();
  writeFileSync(join(root, 'dist', 'THIRD-PARTY-LICENSES.md'), licenseNotice(names, 'The build of retention-metrics includes code from the packages below.'));
  console.log(`THIRD-PARTY-LICENSES.md: ${names.length} bundled packages`);
}
