import type {PlannedDocument} from '../domain/plan/build-plan.js';
import type {Parameter} from '../domain/types.js';

/** The `plan --json` object (DESIGN.md §3): the documents' plans and every parameter once, with its value. */
export function planJson(documents: PlannedDocument[]): {documents: PlannedDocument[]; parameters: Array<Parameter & {value?: string}>} {
	const parameters = new Map<string, Parameter & {value?: string}>();
	for (const parameter of documents.flatMap((document) => document.parameters)) if (!parameters.has(parameter.name)) parameters.set(parameter.name, parameter);
	return {documents, parameters: [...parameters.values()]};
}
