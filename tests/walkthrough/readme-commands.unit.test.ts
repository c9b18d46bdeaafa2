import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeholdersIn, readmeCommands } from './readme-commands';

const sample = `# T

## Try it
text
\`\`\`sh
# a comment
TOKEN=$(curl -s http://x/login -H 'a: b' \\
  -d '{"u":"x"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')

curl -s http://x/items -d '{
  "name": "A # not a comment"
}'   # trailing note
curl -s http://x/items/<id>
\`\`\`
`;

describe('reading the README walkthrough', () => {
  it('when a block has comments, continuations and multi-line quoted bodies, then each shell command comes out whole', () => {
    const commands = readmeCommands(sample, '## Try it');
    expect(commands).toHaveLength(3);
    expect(commands[0]).toMatch(/^TOKEN=\$\(curl .*\\\n\s+-d '\{"u":"x"\}' \| node -pe .*\)$/s);
    expect(commands[1]).toBe(`curl -s http://x/items -d '{\n  "name": "A # not a comment"\n}'`);
    expect(placeholdersIn(commands[2]!)).toEqual(['<id>']);
  });

  it('when the section is missing, then the error names it', () => {
    expect(() => readmeCommands(sample, '## Nope')).toThrow(/no section "## Nope"/);
  });

  it("when the project's README is read, then its thin slice has commands to sign in, nominate, follow and audit", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const commands = readmeCommands(readme, '## Try the thin slice by hand');
    expect(commands.some((c) => c.includes('/api/auth/login'))).toBe(true);
    expect(commands.some((c) => c.includes('/api/intake/candidates') && c.includes('-d '))).toBe(true);
    expect(commands.some((c) => c.includes('/api/audit/chain/verify'))).toBe(true);
  });
});
