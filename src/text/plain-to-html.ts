const escapeHtml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * csr's plain text as an HTML body for desks that store HTML (Zammad, Help Scout): the text is escaped (customer data
 * stays data), blank lines make paragraphs and single newlines line breaks, so the agent's layout survives and
 * htmlToText gives the same words back (the delivery check compares them).
 */
export function plainToHtml(body: string): string {
	const text = body.replace(/\r\n?/g, '\n').trim();
	if (text === '') return '';
	return text
		.split(/\n{2,}/)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('');
}
