/**
 * Stands in, in the bundle only (scripts/build.js resolves them here), for the parts of conf that tomesh-setup never
 * uses: ajv and ajv-formats (conf builds a validator only when given a schema; the state's shape is checked by
 * progress-shape.ts) and semver (conf compares versions only for migrations). Loading them cost the TUI's first
 * frame ~40 ms of CPU. Anything that reaches them is a bug, and says so.
 */

function unused(): never {
	throw new Error('conf was given a schema or migrations: this build leaves out ajv and semver (see scripts/build.js)');
}

/** Stands in for ajv's Ajv2020 class. */
export class Ajv2020 {
	constructor() {
		unused();
	}
}

/** Stands in for ajv-formats (default export) and semver (default export). */
const stand = {default: unused, eq: unused, clean: unused, satisfies: unused, lte: unused, gt: unused};
export default stand;
