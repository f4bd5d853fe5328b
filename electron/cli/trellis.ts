/**
 * The `trellis` command line: the same checks and edits as the app, headless,
 * for curators' scripts and CI.
 */
import { pathToFileURL } from 'node:url';
import { RULES } from '../../shared/validation/rules';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './cli-io';
import { VALIDATE_USAGE, validateCommand } from './validate-command';
import { FIX_USAGE, MIGRATE_USAGE, PROMOTE_USAGE, PRUNE_USAGE, RENAME_USAGE, fixCommand, migrateCommand, promoteCommand, pruneCommand, renameCommand } from './edit-commands';

const USAGE = `Usage: trellis <command> [options]

Commands:
  validate <folder>      check every pattern file; exit 1 when there are errors
  prune <folder>         remove inferred links by rule (missing target, already curated, …)
  promote <folder> <slug> <target>
                         turn an inferred link into a curated relationship
  rename <folder> <old> <new>
                         rename a pattern and every reference to it
  migrate <folder> [files…]
                         migrate legacy-format files to v7.1
  fix <folder>           apply the validator's mechanical fixes
  rules                  list the validation rules with their default severity
  help [command]         show help

Editing commands preview (diff and summary) by default and write only with --write.
Run 'trellis help <command>' for a command's options.`;

type Command = { usage: string; run: (argv: string[], io: CliIo) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  validate: { usage: VALIDATE_USAGE, run: validateCommand },
  prune: { usage: PRUNE_USAGE, run: pruneCommand },
  promote: { usage: PROMOTE_USAGE, run: promoteCommand },
  rename: { usage: RENAME_USAGE, run: renameCommand },
  migrate: { usage: MIGRATE_USAGE, run: migrateCommand },
  fix: { usage: FIX_USAGE, run: fixCommand },
  rules: {
    usage: 'Usage: trellis rules\n\nLists every validation rule: id, default severity, scope and meaning.',
    run: async (_argv, io) => {
      for (const r of RULES) io.out(`${r.id.padEnd(30)} ${r.severity.padEnd(8)} ${r.scope.padEnd(6)} ${r.description}`);
      return EXIT_OK;
    },
  },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    io.out(topic && COMMANDS[topic] ? COMMANDS[topic].usage : USAGE);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`trellis: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`trellis ${name}: ${err.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    const e = err as NodeJS.ErrnoException;
    io.err(`trellis ${name}: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`);
    return EXIT_USAGE;
  }
}

/**
 * Where the user typed the command. `npm run trellis -- validate vault` runs us
 * from the package folder and says where the user was in INIT_CWD; any other
 * launch (a shell, a script that cd's first) is in its own cwd.
 */
function invocationDir(): string {
  return process.env.npm_lifecycle_event === 'trellis' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const io: CliIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), cwd: invocationDir() };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`trellis: ${String(err)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
