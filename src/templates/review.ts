import type {Channel, Ticket} from '../domain/ticket.js';

/** A review's stars and whether it reads as praise or as a complaint, as far as the ticket tells. */
export type ReviewScope = {
	/** 1–5, from a tag (`rating_2`, `stars_2`, `2_stars`) or the subject ("(1★)", "2 stars", "4 Sterne"); else null. */
	rating: number | null;
	/** 4–5 stars: positive; 1–3: negative; without stars, the tags `positive_review`/`negative_review`; else null. */
	sentiment: 'positive' | 'negative' | null;
};

const tagPatterns = [/^(?:rating|stars?)[-_:]?([1-5])$/i, /^([1-5])[-_]?stars?$/i];
// "(1★)", "★★★★☆", "2 stars", "2 stjerner", "2 stjärnor", "2 Sterne", "1 Stern".
const subjectNumber = /\b([1-5])\s*(?:★|\*|stars?\b|stjerner?\b|stjärn(?:a|or)\b|sterne?\b)/i;
const subjectStars = /(★{1,5})(☆{0,4})/;

function ratingOf(ticket: Ticket): number | null {
	for (const tag of ticket.tags) {
		for (const pattern of tagPatterns) {
			const match = pattern.exec(tag);
			if (match) return Number(match[1]);
		}
	}
	const number = subjectNumber.exec(ticket.subject);
	if (number) return Number(number[1]);
	const stars = subjectStars.exec(ticket.subject);
	return stars ? stars[1]!.length : null;
}

export function reviewOf(ticket: Ticket): ReviewScope {
	const rating = ratingOf(ticket);
	if (rating !== null) return {rating, sentiment: rating >= 4 ? 'positive' : 'negative'};
	const tags = new Set(ticket.tags.map((tag) => tag.toLowerCase()));
	if (tags.has('negative_review')) return {rating, sentiment: 'negative'};
	if (tags.has('positive_review')) return {rating, sentiment: 'positive'};
	return {rating, sentiment: null};
}

/** Channels whose customer reads the reply as an email (a web form or API ticket is answered by email too). */
const emailChannels: ReadonlySet<Channel> = new Set<Channel>(['email', 'web', 'api', 'other']);

/** Whether "reply to this email" makes sense on the channel; not on chat, phone, social, review or SMS. */
export function isAnsweredByEmail(channel: Channel): boolean {
	return emailChannels.has(channel);
}
