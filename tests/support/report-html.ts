/** The numbers a `csr report --html` page shows: JSON path → raw value, for the key figures and per group rows. */
export function reportNumbers(html: string): {
	cards: Map<string, number | null>;
	rows: Map<string, Map<string, number | null>>;
} {
	const value = (raw: string) => (raw === 'null' ? null : Number(raw));
	const kpis = /data-kpi="([^"]+)" data-value="([^"]+)"/g;
	const cardsEnd = html.indexOf('data-chart=');
	const cards = new Map<string, number | null>();
	for (const match of html.slice(0, cardsEnd).matchAll(kpis)) cards.set(match[1] as string, value(match[2] as string));
	const rows = new Map<string, Map<string, number | null>>();
	for (const row of html.matchAll(/<tr data-by="([^"]+)" data-key="([^"]*)">(.*?)<\/tr>/g)) {
		const cells = new Map<string, number | null>();
		for (const match of (row[3] as string).matchAll(kpis)) cells.set(match[1] as string, value(match[2] as string));
		rows.set(`${row[1]}:${row[2]}`, cells);
	}
	return {cards, rows};
}

/** The value at a dotted JSON path (`firstReplyMinutes.median`). */
export function at(json: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], json);
}
