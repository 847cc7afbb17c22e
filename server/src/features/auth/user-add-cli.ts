/**
 * `npm run user:add -- --email <e> --role <role> [--lines L3,L8] [--expert expert-0012]`:
 * creates a local account. The password comes from METRO_PASSWORD or, on a terminal, from a
 * prompt that does not echo it; it is never an argument, so it stays out of shell history and
 * process lists. Uses NEO4J_URI when set, otherwise the local Neo4j the app already runs, or starts
 * it for the duration (see openDatabaseForCommand).
 */
import { parseArgs } from 'node:util';
import { openDatabaseForCommand } from '../../database/open-database.ts';
import { setUpSchema } from '../../database/schema-setup.ts';
import { LineRepository } from '../lines/line.repository.ts';
import { StationRepository } from '../stations/station.repository.ts';
import { AccountRepository, normaliseEmail } from './account.repository.ts';
import { ROLES, type Role } from './account.types.ts';
import { hashPassword, passwordProblem } from './password-hash.ts';

const USAGE =
  'Usage: npm run user:add -- --email <e-mail> --role <viewer|coordinator|researcher|admin> ' +
  '[--lines L3,L8] [--expert expert-0012]\nThe password is read from METRO_PASSWORD or asked for.';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  return new Promise((resolveAnswer, rejectAnswer) => {
    let answer = '';
    stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stdout.write('\n');
      if (error) {
        rejectAnswer(error);
      } else {
        resolveAnswer(answer);
      }
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish();
          return;
        }
        if (character === '\u0003' || character === '\u0004') {
          finish(new Error('Cancelled.'));
          return;
        }
        if (character === '\u007f' || character === '\b') {
          answer = answer.slice(0, -1);
        } else if (character >= ' ') {
          answer += character;
        }
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.METRO_PASSWORD;
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return fromEnvironment;
  }
  if (!process.stdin.isTTY) {
    fail('Set METRO_PASSWORD, or run in a terminal to be asked for the password.');
  }
  const password = await promptHidden('Password (at least 12 characters): ');
  const problem = passwordProblem(password);
  if (problem) {
    fail(problem);
  }
  if ((await promptHidden('Password again: ')) !== password) {
    fail('The passwords differ.');
  }
  return password;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        lines: { type: 'string' },
        expert: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();

const email = normaliseEmail(values.email ?? '');
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
  fail(`--email must be an e-mail address, was "${values.email ?? ''}"\n${USAGE}`);
}
const role = values.role as Role;
if (!ROLES.includes(role)) {
  fail(`--role must be one of ${ROLES.join(', ')}, was "${values.role ?? ''}"\n${USAGE}`);
}
const lineCodes = [
  ...new Set(
    (values.lines ?? '')
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter((code) => code !== ''),
  ),
];
if (role === 'coordinator' && lineCodes.length === 0) {
  fail('A coordinator needs --lines: the codes of the lines they coordinate, e.g. --lines L3,L8');
}
if (role !== 'coordinator' && lineCodes.length > 0) {
  fail('--lines is for coordinators only (admins edit every line).');
}
const expertId = values.expert?.trim() || null;

const password = await readPassword();
const problem = passwordProblem(password);
if (problem) {
  fail(problem);
}

const opened = await openDatabaseForCommand();
try {
  await setUpSchema(opened.database);
  const known = await new LineRepository(opened.database).findByCodes(lineCodes);
  const unknown = lineCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new Error(`There is no line ${unknown.join(', ')}.`);
  }
  if (expertId !== null) {
    const station = (await new StationRepository(opened.database).findByIds([expertId])).get(
      expertId,
    );
    if (station?.kind !== 'EXPERT') {
      throw new Error(`There is no expert ${expertId}.`);
    }
  }
  const account = await new AccountRepository(opened.database).create({
    email,
    role,
    passwordHash: await hashPassword(password),
    expertId,
    lineCodes,
  });
  const scope = account.lineCodes.length > 0 ? ` on ${account.lineCodes.join(', ')}` : '';
  const expert = account.expertId ? `, linked to ${account.expertId}` : '';
  console.log(`Created the account ${account.email} (${account.role}${scope}${expert}).`);
} catch (error) {
  process.exitCode = 1;
  // Known refusals (taken address, unknown line or expert) read best as their message alone.
  console.error(error instanceof Error ? error.message : error);
} finally {
  await opened.close();
}
