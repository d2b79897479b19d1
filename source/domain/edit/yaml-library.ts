/**
 * The yaml library, loaded when something is about to plan or apply a file change rather than with the engine: it is
 * the largest part of the engine's code (~260 KB) and the walkthrough's first screen needs none of it. Everything
 * that may plan or apply a `set-yaml` edit awaits loadYamlLibrary() first (the engine's asynchronous entry points,
 * `plan`); the edits themselves stay synchronous and pure.
 */
type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;
let loading: Promise<YamlLibrary> | undefined;

/** Loads the yaml library once; later calls resolve at once. */
export async function loadYamlLibrary(): Promise<void> {
	// yaml is a CommonJS package: Node gives its exports as the namespace's `default` (and, unbundled, as named
	// exports too); the bundle gives `default` only.
	library ??= await (loading ??= import('yaml').then(loaded => (loaded as {default?: YamlLibrary}).default ?? loaded));
}

/** The loaded library. Calling it before loadYamlLibrary() has resolved is a bug in the caller, not bad input. */
export function yamlLibrary(): YamlLibrary {
	if (!library) throw new Error('internal error: a YAML edit was planned before the yaml library was loaded (await loadYamlLibrary())');
	return library;
}
