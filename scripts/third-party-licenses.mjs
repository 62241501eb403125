#!/usr/bin/env node
// After the build: write dist/THIRD-PARTY-LICENSES.md for the packages bundled into dist (the @stdlib
// special functions): each package's name and version, every distinct LICENSE text once, and their NOTICEs.
// The build names every file it took from node_modules in a comment (in whichever of its files holds
// it); those are the packages listed.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = readdirSync(join(root, 'dist')).filter((file) => /\.(?:js|cjs)$/.test(file));
const bundle = built.map((file) => readFileSync(join(root, 'dist', file), 'utf8')).join('\n');
const names = [...new Set([...bundle.matchAll(/node_modules\/((?:@[a-z0-9-]+\/)?[a-z0-9.-]+)\//g)].map((m) => m[1]))].sort();
const licenses = new Map(); // LICENSE text → packages
const notices = new Set();
for (const name of names) {
  const dir = join(root, 'node_modules', name);
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const read = (file) => {
    try {
      return readFileSync(join(dir, file), 'utf8').trim();
    } catch {
      return '';
    }
  };
  const text = read('LICENSE');
  if (text === '') throw new Error(`${name} ships no LICENSE file; add its license to this notice by hand`);
  licenses.set(text, [...(licenses.get(text) ?? []), `${name}@${version} (${license})`]);
  if (read('NOTICE') !== '') notices.add(read('NOTICE'));
}
const block = (text) => `\`\`\`text\n${text}\n\`\`\``;
const sections = [...licenses].map(([text, packages]) => `## ${packages.length} package${packages.length === 1 ? '' : 's'} under one license text\n\n${packages.map((p) => `- ${p}`).join('\n')}\n\n### License\n\n${block(text)}\n`);
const noticeSection = notices.size === 0 ? '' : `\n## Notices\n\n${[...notices].map(block).join('\n\n')}\n`;
writeFileSync(
  join(root, 'dist', 'THIRD-PARTY-LICENSES.md'),
  `# Third-party licenses\n\nThe build of retention-metrics includes code from the packages below.\n\n${sections.join('\n')}${noticeSection}`,
);
console.log(`THIRD-PARTY-LICENSES.md: ${names.length} bundled packages, ${licenses.size} distinct license text(s)`);
