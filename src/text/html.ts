/**
 * Text into HTML (csr report --html): escapes the five characters that could start markup or leave an attribute,
 * and drops control characters and bidirectional overrides, so customer, agent and desk text is only ever text.
 */
const replacements: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

export function escapeHtml(untrusted: string): string {
	return untrusted
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '')
		.replace(/[&<>"']/g, (character) => replacements[character] as string);
}
