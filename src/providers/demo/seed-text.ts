import type {Channel} from '../../domain/ticket.js';
import {type LanguagePack, type Product, products, type ScenarioMeta, type TextVars} from './corpus.js';
import {sampleFileBytes} from './sample-files.js';
import {type Customer, dayMs, type FileKind} from './seed-plan.js';
import type {Random} from './seed-random.js';
import type {AttachmentRow} from './seed-writer.js';

// ---------------------------------------------------------------------------------------------------------------
// Text: variables, greetings and sign-offs per channel, the order table, HTML.

export function makeVars(
	pack: LanguagePack,
	scenario: ScenarioMeta,
	customer: Customer,
	createdMs: number,
	agentName: string,
	random: Random,
): TextVars {
	const kinds = scenario.kinds;
	const candidates: readonly Product[] = kinds === null ? products : products.filter((p) => kinds.includes(p.kind));
	const product = random.pick(candidates);
	const carrier = random.pick(pack.carriers);
	const date = (ms: number) => {
		const day = new Date(ms);
		return pack.formatDate(day.getUTCDate(), pack.months[day.getUTCMonth()] ?? '');
	};
	const noteDay = new Date(createdMs - random.int(0, 3) * dayMs);
	const delivery =
		scenario.key === 'warranty' ? createdMs + random.int(2, 4) * dayMs : createdMs - random.int(1, 4) * dayMs;
	const agentFirst = agentName === 'Demo Agent' ? agentName : (agentName.split(' ')[0] ?? agentName);
	return {
		first: customer.first,
		last: customer.last,
		order: String(random.int(1_020_000, 1_389_999)),
		product: product.model,
		item: pack.item[product.kind](product.model),
		amount: pack.formatMoney(product.priceEur),
		voucher: pack.voucher,
		orderDate: date(createdMs - random.int(2, 12) * dayMs),
		deliveryDate: date(delivery),
		noteDate: `${noteDay.getUTCDate()} ${shortMonths[noteDay.getUTCMonth()]}`,
		carrier,
		tracking: trackingNumber(carrier, random),
		rma: `R-${random.int(10_000, 99_999)}`,
		claim: `CLM-${random.int(100_000, 999_999)}`,
		agent: agentFirst,
		city: random.pick(pack.cities),
		error: random.pick(['E04', 'E07', 'E12', 'E21']),
		diag: `D-${random.int(0x1000, 0xffff).toString(16).toUpperCase()}`,
		serial: `${product.model.replace(/[^A-Z]/g, '').slice(0, 2) || 'NH'}${random.int(10, 99)}-${random.int(100_000, 999_999)}`,
		months: random.int(3, 22),
		qty: random.pick([6, 8, 10, 12, 15, 20, 25]),
		company: customer.organization ?? random.pick(pack.companies),
	};
}

export const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function trackingNumber(carrier: string, random: Random): string {
	const digits = (count: number) => Array.from({length: count}, () => random.int(0, 9)).join('');
	switch (carrier) {
		case 'PostNord':
		case 'Posten':
		case 'Royal Mail':
			return `${String.fromCharCode(65 + random.int(0, 25), 65 + random.int(0, 25))}${digits(9)}${carrier === 'Royal Mail' ? 'GB' : carrier === 'Posten' ? 'NO' : 'SE'}`;
		case 'Bring':
			return `CP${digits(9)}NO`;
		case 'DHL':
			return `JJD${digits(17)}`;
		default:
			return digits(random.chance(0.5) ? 11 : 14);
	}
}

export function phoneNumber(pack: LanguagePack, random: Random): string {
	return `${pack.phone.prefix} ${pack.phone.pattern.replace(/#/g, () => String(random.int(0, 9)))}`;
}

export const foldCharacters: Record<string, string> = {
	æ: 'ae',
	ø: 'o',
	å: 'a',
	ä: 'a',
	ö: 'o',
	ü: 'ue',
	ß: 'ss',
	é: 'e',
};

export function emailFor(first: string, last: string, pack: LanguagePack, random: Random): string {
	const fold = (value: string) =>
		value
			.toLowerCase()
			.replace(/[æøåäöüßé]/g, (character) => foldCharacters[character] ?? '')
			.replace(/[^a-z0-9]/g, '');
	const f = fold(first);
	const l = fold(last);
	const local = random.pick([
		`${f}.${l}`,
		`${f}${l}`,
		`${f.slice(0, 1)}${l}`,
		`${f}.${l}${random.int(60, 99)}`,
		`${f}${random.int(1, 99)}`,
		`${f}_${l.slice(0, 1)}`,
	]);
	return `${local}@${random.pick(pack.emailDomains)}`;
}

/** Words that start a German sentence in lower case after a greeting ending in a comma. */
export const germanLowerCaseStarts = new Set(
	'Ich Wir Es Vielen Danke Gute Das Der Die Dabei Selbstverständlich Entschuldigen Im Am Da Unser Unsere Schön Bei Laut Heute Meine Mein Seit Mir Könnten Können Kann Habe Leider Wo Ist Hatte Gibt Natürlich Als Auf Nach Geht Noch Super Okay Perfekt Bitte Hier Jetzt Zu Vor Mit Wann Wie'.split(
		' ',
	),
);

export function afterGreeting(pack: LanguagePack, greeting: string, body: string): string {
	if (pack.lang !== 'de' || !greeting.endsWith(',')) return body;
	const firstWord = body.split(/[\s,:;–-]/, 1)[0] ?? '';
	return germanLowerCaseStarts.has(firstWord) ? body.charAt(0).toLowerCase() + body.slice(1) : body;
}

export function composeCustomerMessage(
	pack: LanguagePack,
	channel: Channel,
	body: string,
	vars: TextVars,
	random: Random,
): {body: string; isHtml: boolean} {
	if (channel !== 'email' && channel !== 'web' && channel !== 'api') return {body, isHtml: false};
	// "Hi again, …" and the like bring their own greeting.
	const greets = /^(Hi|Hello|Hej|Hejsan|Hei|Heisann|Hallo|Hallå|Moin|Guten|Dear|Kære)\b/.test(body);
	const greeting = greets ? '' : random.pick(pack.customerGreetings);
	const signoff = random.pick(pack.customerSignoffs)(vars);
	const text = [greeting, afterGreeting(pack, greeting, body), signoff].filter((part) => part !== '').join('\n\n');
	if (channel === 'email' && random.chance(0.3)) return {body: `<div dir="ltr">${toHtml(text)}</div>`, isHtml: true};
	return {body: text, isHtml: false};
}

export function composeAgentMessage(
	pack: LanguagePack,
	channel: Channel,
	body: string,
	vars: TextVars,
	random: Random,
): {body: string; isHtml: boolean} {
	if (channel === 'review') return {body: toPlain(`${body}\n\n${pack.agentClosingShort(vars)}`), isHtml: false};
	const greeting = random.pick(pack.agentGreetings)(vars);
	const short = channel === 'chat' || channel === 'social' || channel === 'sms';
	const closing = short ? pack.agentClosingShort(vars) : random.pick(pack.agentClosings)(vars);
	const text = `${greeting}\n\n${afterGreeting(pack, greeting, body)}\n\n${closing}`;
	const isRich = /\n- |\n1\. |\n\||\]\(/.test(`\n${body}`);
	if (!short && (channel === 'email' || channel === 'web') && random.chance(isRich ? 0.85 : 0.3))
		return {body: toHtml(text), isHtml: true};
	return {body: toPlain(text), isHtml: false};
}

export function orderTable(pack: LanguagePack, vars: TextVars): string {
	const t = pack.orderTable;
	return [
		t.title,
		`| ${t.item} | ${t.qty} | ${t.price} |`,
		`| ${vars.product} | 1 | ${vars.amount} |`,
		`| ${t.shipping} | | ${t.free} |`,
		`| ${t.total} | | ${vars.amount} |`,
	].join('\n');
}

export const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const inlineHtml = (text: string) =>
	escapeHtml(text).replace(
		/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g,
		(_, label: string, url: string) => `<a href="${url}">${label}</a>`,
	);

/** Danish amounts end in "kr."; a sentence ending in one does not get a second full stop. */
export const tidy = (text: string): string => text.replace(/kr\.\./g, 'kr.');

export const tableCells = (line: string): string[] =>
	line
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((cell) => cell.trim());

export function tableHtml(lines: readonly string[]): string {
	const [header = [], ...rows] = lines.map(tableCells);
	const head = `<tr>${header.map((cell) => `<th>${inlineHtml(cell)}</th>`).join('')}</tr>`;
	const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('')}</tr>`).join('');
	return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/**
 * The corpus's tiny markup as HTML: blank-line paragraphs, "- " and "1. " lists, "|" tables (first row is the
 * header), [label](url) links. This is how help desks store rich replies and email bodies.
 */
export function toHtml(text: string): string {
	return text
		.split(/\n{2,}/)
		.map((block) => {
			const lines = block.split('\n');
			if (lines.every((line) => line.startsWith('- ')))
				return `<ul>${lines.map((line) => `<li>${inlineHtml(line.slice(2))}</li>`).join('')}</ul>`;
			if (lines.every((line) => /^\d+\. /.test(line)))
				return `<ol>${lines.map((line) => `<li>${inlineHtml(line.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>`;
			const tableStart = lines.findIndex((line) => line.startsWith('|'));
			if (tableStart >= 0 && lines.slice(tableStart).every((line) => line.startsWith('|'))) {
				const before = lines.slice(0, tableStart).map((line) => `<p>${inlineHtml(line)}</p>`);
				return [...before, tableHtml(lines.slice(tableStart))].join('');
			}
			return `<p>${lines.map(inlineHtml).join('<br>')}</p>`;
		})
		.join('\n');
}

/** The same markup as plain text: links as "label (url)", table rows as their non-empty cells. */
export function toPlain(text: string): string {
	return text
		.replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '$1 ($2)')
		.split('\n')
		.map((line) =>
			line.startsWith('|')
				? tableCells(line)
						.filter((cell) => cell !== '')
						.join(' | ')
				: line,
		)
		.join('\n');
}

export function attachmentFor(
	kind: FileKind,
	context: {ticketId: number; messageId: number; atMs: number; pack: LanguagePack; vars: TextVars; random: Random},
): AttachmentRow {
	const {ticketId, messageId, atMs, pack, vars, random} = context;
	const stamp = new Date(atMs).toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
	// Documents and pictures are small real files made in code (sample-files.ts): their size is the bytes a download
	// gives. The random size is still drawn, so the rest of the seeded data stays as it was.
	const file = (name: string, contentType: string, drawnSize: number): AttachmentRow => ({
		name,
		size: sampleFileBytes(name, contentType)?.length ?? drawnSize,
		contentType,
		url: `https://files.demo.csr/${ticketId}/${messageId}/${encodeURIComponent(name)}`,
	});
	switch (kind) {
		case 'photos':
			return file(`IMG_${random.int(1000, 9999)}.png`, 'image/png', random.int(1_800_000, 4_900_000));
		case 'screenshot':
			return file(`Screenshot_${stamp}.png`, 'image/png', random.int(180_000, 1_200_000));
		case 'video':
			return file(`VID_${stamp}.mp4`, 'video/mp4', random.int(8_000_000, 38_000_000));
		case 'receipt':
			return file(pack.attachmentNames.receipt(vars.order), 'application/pdf', random.int(60_000, 280_000));
		case 'label':
			return file(pack.attachmentNames.returnLabel(vars.rma), 'application/pdf', random.int(40_000, 90_000));
		case 'invoice':
			return file(pack.attachmentNames.invoice(vars.order), 'application/pdf', random.int(50_000, 120_000));
		case 'quote':
			return file(pack.attachmentNames.quote(vars.order), 'application/pdf', random.int(70_000, 160_000));
		case 'recording':
			return file(`call-recording-${stamp}.mp3`, 'audio/mpeg', random.int(900_000, 9_000_000));
	}
}
