import {convert} from 'html-to-text';

/**
 * Renders an HTML message body as readable plain text. Link targets are kept as "text [url]" so an agent can see
 * where a link goes; images show their alt text. The result is still untrusted: print it through toDisplayText.
 */
export function htmlToText(html: string, wordwrap: number | false = false): string {
	return convert(html, {
		wordwrap,
		selectors: [
			{selector: 'a', options: {hideLinkHrefIfSameAsText: true, linkBrackets: ['[', ']']}},
			{selector: 'img', format: 'skip'},
			{selector: 'h1', options: {uppercase: false}},
			{selector: 'h2', options: {uppercase: false}},
			{selector: 'h3', options: {uppercase: false}},
			{selector: 'table', format: 'dataTable'},
		],
	}).trim();
}
