/**
 * The commands of a README section's first ```sh block, one per shell command, as a person would
 * paste them: comment lines dropped, `\` continuations and multi-line quoted arguments joined.
 */
export function readmeCommands(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`README section "${heading}" has no sh block`);
  const commands: string[] = [];
  let current = '';
  for (const line of block[1]!.split('\n')) {
    if (!current && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    current = current ? `${current}\n${line}` : line;
    if (!insideQuotes(current) && !current.endsWith('\\')) {
      commands.push(withoutTrailingComment(current).trim());
      current = '';
    }
  }
  if (current) throw new Error(`README section "${heading}" ends inside a command: ${current}`);
  return commands;
}

/** Whether a shell text ends inside a single- or double-quoted string (no escapes inside single quotes). */
function insideQuotes(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
  }
  return quote !== undefined;
}

/** `cmd   # note` → `cmd` (only a `#` after whitespace and outside quotes starts a comment). */
function withoutTrailingComment(command: string): string {
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && /\s/.test(command[i - 1] ?? '')) return command.slice(0, i);
  }
  return command;
}

/** The `<…>` placeholders a command asks the reader to fill in (outside `$(…)` shell syntax). */
export const placeholdersIn = (command: string): string[] => [...command.matchAll(/<([a-z][a-z ]*)>/g)].map((m) => m[0]);
