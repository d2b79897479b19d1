// The secrets fixture: 22 secrets in 13 forms (test/fixtures/secrets/secrets.txt names each one's form), and a
// helper that says which of them a text leaks.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** The document holding the 22 secrets. */
export const secretsFixture = fileURLToPath(new URL('../fixtures/secrets/secrets.md', import.meta.url));

/** The 22 secret values, each the first word of a line of secrets.txt. */
export const fixtureSecrets: string[] = [...readFileSync(new URL('../fixtures/secrets/secrets.txt', import.meta.url), 'utf8').matchAll(/^\S+/gm)].map(match => match[0]);

/** The value of the secret parameter, given with --set or typed in the form. */
export const secretParameter = {name: 'admin_password', value: 'ParamSecret-0014'};

/** The fixture's secrets that `text` shows. */
export function leaks(text: string): string[] {
	return fixtureSecrets.filter(secret => text.includes(secret));
}
