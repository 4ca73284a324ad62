import {toDisplayLine} from './display-text.js';

/** Longest file name csr writes, in UTF-8 bytes (most file systems allow 255). */
const maxNameBytes = 200;

/**
 * A file name from a customer or a desk made safe to write in a folder csr chooses: no path (separators and `..`
 * become `_`), no control or escape characters, no bidi tricks (the display sanitiser's rules, with nothing shown
 * where they were), no leading dots (no hidden files), no characters Windows forbids, at most 200 bytes with the
 * extension kept. An empty result becomes `attachment`.
 */
export function toSafeFileName(untrusted: string): string {
	let name = toDisplayLine(untrusted)
		.replace(/[\u2426\u23CE]/g, '_')
		.replace(/[/\\<>:"|?*]/g, '_')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+/, '')
		.replace(/[.\s]+$/, '');
	if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name)) name = `_${name}`;
	if (name === '') return 'attachment';
	if (Buffer.byteLength(name) <= maxNameBytes) return name;
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
	let stem = name.slice(0, name.length - extension.length);
	while (Buffer.byteLength(stem + extension) > maxNameBytes) stem = [...stem].slice(0, -1).join('');
	return stem + extension;
}
