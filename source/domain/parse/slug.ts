/** Turns a title into a lowercase, dash-separated identifier ("Set Up Federation" → `set-up-federation`). */
export function slug(text: string): string {
	// NFKD leaves ASCII as it is: most titles need no normalizing.
	return (/^[\u0000-\u007F]*$/.test(text) ? text : text.normalize('NFKD'))
		.toLowerCase()
		.replaceAll(/[^\da-z]+/g, '-')
		.replaceAll(/^-+|-+$/g, '');
}
