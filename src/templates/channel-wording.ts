import {type Channel, channels} from '../domain/ticket.js';
import {isAnsweredByEmail} from './review.js';

/** Ways to ask a customer to answer by email, in the five languages csr ships. */
const replyByEmail: readonly RegExp[] = [
	/\b(?:reply|respond|answer|write back)\b[^.!?\n]{0,20}\b(?:this|our|my|by|via) e-?mail\b/i,
	/\bsvar(?:e)?\b[^.!?\n]{0,12}\bpå (?:denne|den her|vores|min) (?:e-?)?mail\b/i,
	/\bsvar(?:e)? (?:pr\.|per|via) (?:e-?)?mail\b/i,
	/\bsvara\b[^.!?\n]{0,12}\bpå (?:det här|detta|mitt|vårt) (?:mejl|mail|e-?postmeddelande)(?:et)?\b/i,
	/\bsvara (?:via|per) (?:mejl|e-?post)\b/i,
	/\bsvar(?:e)?\b[^.!?\n]{0,12}\bpå (?:denne|den|min|vår) (?:e-?posten|e-?post|mailen|e-?mailen)\b/i,
	/\bantworten?\b[^.!?\n]{0,30}\bauf (?:diese|unsere|meine) (?:e-?mail|mail)\b/i,
	/\bper e-?mail antworten\b/i,
];

/** The phrase that asks the customer to reply by email, or null. */
export function findReplyByEmail(text: string): string | null {
	for (const pattern of replyByEmail) {
		const match = pattern.exec(text);
		if (match) return match[0];
	}
	return null;
}

/** The channels where a reply is not an email: a template used there must not ask for one. */
export function channelsWithoutEmail(allowed: readonly Channel[] | undefined): Channel[] {
	return (allowed ?? channels).filter((channel) => !isAnsweredByEmail(channel));
}
