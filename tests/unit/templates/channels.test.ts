import {describe, expect, it} from 'vitest';
import {type Channel, channels} from '../../../src/domain/ticket.js';
import {findReplyByEmail} from '../../../src/templates/channel-wording.js';
import {builtInLocales} from '../../../src/templates/locale.js';
import {builtInTemplateDir, listTemplates} from '../../../src/templates/lookup.js';
import {loadAndRender} from '../../../src/templates/render.js';
import {reviewOf} from '../../../src/templates/review.js';
import {now, ticket} from './helpers.js';

const dirs = [builtInTemplateDir()];
const agent = {
	name: 'Sam Agent',
	email: 'sam@example.com',
	signature: 'Sam\nCustomer Care',
	signatures: {da: 'Sam\nKundeservice', de: 'Sam\nKundenservice'},
};

function render(name: string, locale: string, channel: Channel, overrides: Parameters<typeof ticket>[0] = {}) {
	const vars: Record<string, string> = {
		order_id: 'A-1001',
		amount: '49.90',
		product: 'a case',
		summary: 'sample',
		kind: 'nps',
		survey_url: 'https://survey.example/1',
	};
	return loadAndRender({name, localeFlag: locale, ticket: ticket({channel, ...overrides}), agent, vars, dirs, now});
}

// Independent of the lint's own patterns: the phrases the library used before it knew channels.
const emailAsks = [
	'reply to this email',
	'svar på denne mail',
	'svar bare på denne mail',
	'svare på denne mail',
	'svara på det här mejlet',
	'svar på denne e-posten',
	'svare på denne e-posten',
	'auf diese e-mail',
];

describe('the built-in library on every channel', () => {
	const names = listTemplates(dirs).map((entry) => entry.name);
	const nonEmail: Channel[] = ['chat', 'phone', 'social', 'review', 'sms'];

	it('never asks a chat, phone, social, review or SMS customer to reply by email, in any language', () => {
		let rendered = 0;
		for (const name of names) {
			for (const locale of builtInLocales) {
				for (const channel of nonEmail) {
					for (const tags of [[], ['negative_review'], ['positive_review']]) {
						const {body} = render(name, locale, channel, {tags});
						const lower = body.toLowerCase();
						expect(findReplyByEmail(body), `${name}.${locale} on ${channel}`).toBeNull();
						for (const ask of emailAsks) expect(lower, `${name}.${locale} on ${channel}`).not.toContain(ask);
						rendered++;
					}
				}
			}
		}
		expect(rendered).toBe(names.length * builtInLocales.length * nonEmail.length * 3);
	});

	it('still says "reply to this email" on email tickets', () => {
		expect(render('order-status', 'en', 'email').body).toContain('just reply to this email');
		expect(render('order-status', 'en', 'chat').body).toContain('just get back to us');
		expect(render('exchange', 'da', 'email').body).toContain('Svar på denne mail');
		expect(render('exchange', 'da', 'phone').body).toContain('Skriv til os');
		expect(render('exchange', 'de', 'social').body).toContain('Melden Sie sich bei uns');
	});

	it('renders every template on every channel in every locale', () => {
		for (const name of names) {
			for (const locale of builtInLocales) {
				for (const channel of channels) expect(render(name, locale, channel).body.length).toBeGreaterThan(0);
			}
		}
	});
});

describe('review-response', () => {
	it('apologises for a low rating and thanks for a high one, by the stars in the subject or the tags', () => {
		const negative = render('review-response', 'en', 'review', {subject: 'New review (1★) from Ida'}).body;
		const positive = render('review-response', 'en', 'review', {subject: 'Trustpilot review: 5 stars'}).body;
		const neutral = render('review-response', 'en', 'review', {subject: 'New review'}).body;
		expect(negative).toContain("I'm sorry we let you down");
		expect(negative).not.toContain('made our day');
		expect(positive).toContain('made our day');
		expect(positive).not.toContain('sorry');
		expect(neutral).toContain('Thank you for taking the time to write a review');
		const taggedDa = render('review-response', 'da', 'review', {subject: 'Anmeldelse', tags: ['negative_review']}).body;
		expect(taggedDa).toContain('undskyld');
		const positiveDe = render('review-response', 'de', 'review', {subject: 'Trustpilot-Bewertung: 5 Sterne'}).body;
		expect(positiveDe).toContain('tolle Bewertung');
	});

	it('reads the rating from tags before the subject', () => {
		expect(reviewOf(ticket({tags: ['rating_2'], subject: '5 stars'}))).toEqual({rating: 2, sentiment: 'negative'});
		expect(reviewOf(ticket({subject: 'Trustpilot-recension: 4 stjärnor'}))).toEqual({rating: 4, sentiment: 'positive'});
		expect(reviewOf(ticket({subject: '★★★☆☆ okay'}))).toEqual({rating: 3, sentiment: 'negative'});
		expect(reviewOf(ticket({subject: 'Order 5 is late'}))).toEqual({rating: null, sentiment: null});
		expect(reviewOf(ticket({tags: ['positive_review']}))).toEqual({rating: null, sentiment: 'positive'});
	});
});

describe('signatures', () => {
	it("signs with the profile's signature for the template's locale, else the plain one", () => {
		expect(render('order-status', 'da', 'email').body.endsWith('Venlig hilsen\nSam\nKundeservice')).toBe(true);
		expect(render('order-status', 'de', 'email').body.endsWith('Sam\nKundenservice')).toBe(true);
		expect(render('order-status', 'sv', 'email').body.endsWith('Sam\nCustomer Care')).toBe(true);
		expect(render('order-status', 'en', 'email').body.endsWith('Sam\nCustomer Care')).toBe(true);
	});
});
